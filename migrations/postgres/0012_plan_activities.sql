-- What a student does beyond courses (clubs, sports, jobs, volunteering, work-based learning),
-- their reflections, and their postsecondary plan. Activities and reflections carry tags:
-- clusters they relate to and Career Ready Practices they give evidence of.
CREATE TABLE plan_activities (
    id           UUID PRIMARY KEY,
    student_id   UUID NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL CHECK (kind IN ('club', 'sport', 'arts', 'volunteer', 'job',
                                               'job_shadow', 'internship', 'apprenticeship', 'other')),
    title        TEXT NOT NULL,
    organization TEXT NOT NULL,
    description  TEXT NOT NULL,
    started_on   DATE,
    ended_on     DATE,
    hours        BIGINT CHECK (hours >= 0),
    version      BIGINT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    updated_by   UUID REFERENCES users (id)
);
CREATE INDEX plan_activities_student ON plan_activities (student_id, created_at);

CREATE TABLE plan_reflections (
    id          UUID PRIMARY KEY,
    student_id  UUID NOT NULL REFERENCES users (id),
    prompt      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  UUID NOT NULL REFERENCES users (id)
);
CREATE INDEX plan_reflections_student ON plan_reflections (student_id, created_at);

-- Tags of an activity or a reflection (item_id is the one or the other).
CREATE TABLE plan_tags (
    item_id     UUID NOT NULL,
    student_id  UUID NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('cluster', 'practice')),
    ref         TEXT NOT NULL,
    PRIMARY KEY (item_id, kind, ref)
);
CREATE INDEX plan_tags_student ON plan_tags (student_id, kind, ref);

CREATE TABLE plan_postsecondary (
    student_id  UUID PRIMARY KEY REFERENCES users (id),
    path        TEXT NOT NULL CHECK (path IN ('undecided', 'workforce', 'military', 'certificate',
                                              'two_year', 'four_year')),
    details     TEXT NOT NULL,
    version     BIGINT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  UUID REFERENCES users (id)
);

ALTER TABLE plan_changes DROP CONSTRAINT plan_changes_action_check;
ALTER TABLE plan_changes ADD CONSTRAINT plan_changes_action_check CHECK (action IN (
    'interest_added', 'interest_removed', 'goal_added', 'goal_changed', 'activity_added',
    'activity_changed', 'activity_removed', 'reflection_added', 'postsecondary_changed'));
