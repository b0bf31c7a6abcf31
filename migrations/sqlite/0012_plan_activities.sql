-- What a student does beyond courses (clubs, sports, jobs, volunteering, work-based learning),
-- their reflections, and their postsecondary plan. Activities and reflections carry tags:
-- clusters they relate to and Career Ready Practices they give evidence of.
CREATE TABLE plan_activities (
    id           BLOB PRIMARY KEY,
    student_id   BLOB NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL CHECK (kind IN ('club', 'sport', 'arts', 'volunteer', 'job',
                                               'job_shadow', 'internship', 'apprenticeship', 'other')),
    title        TEXT NOT NULL,
    organization TEXT NOT NULL,
    description  TEXT NOT NULL,
    started_on   TEXT,
    ended_on     TEXT,
    hours        INTEGER CHECK (hours >= 0),
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   BLOB REFERENCES users (id)
);
CREATE INDEX plan_activities_student ON plan_activities (student_id, created_at);

CREATE TABLE plan_reflections (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    prompt      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  BLOB NOT NULL REFERENCES users (id)
);
CREATE INDEX plan_reflections_student ON plan_reflections (student_id, created_at);

-- Tags of an activity or a reflection (item_id is the one or the other).
CREATE TABLE plan_tags (
    item_id     BLOB NOT NULL,
    student_id  BLOB NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('cluster', 'practice')),
    ref         TEXT NOT NULL,
    PRIMARY KEY (item_id, kind, ref)
);
CREATE INDEX plan_tags_student ON plan_tags (student_id, kind, ref);

CREATE TABLE plan_postsecondary (
    student_id  BLOB PRIMARY KEY REFERENCES users (id),
    path        TEXT NOT NULL CHECK (path IN ('undecided', 'workforce', 'military', 'certificate',
                                              'two_year', 'four_year')),
    details     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  BLOB REFERENCES users (id)
);

-- SQLite cannot change a CHECK constraint in place: the history table is rebuilt.
CREATE TABLE plan_changes_new (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    at          TEXT NOT NULL,
    actor_id    BLOB REFERENCES users (id),
    section     TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN (
        'interest_added', 'interest_removed', 'goal_added', 'goal_changed', 'activity_added',
        'activity_changed', 'activity_removed', 'reflection_added', 'postsecondary_changed')),
    subject     TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);
INSERT INTO plan_changes_new SELECT id, student_id, at, actor_id, section, action, subject, before, after FROM plan_changes;
DROP TABLE plan_changes;
ALTER TABLE plan_changes_new RENAME TO plan_changes;
CREATE INDEX plan_changes_student_at ON plan_changes (student_id, at);
