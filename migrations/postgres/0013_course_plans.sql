-- The course plan: roster courses carry credits, a graduation subject area and the
-- sub-clusters they prepare for; districts set the credits each area needs to graduate and
-- the elements a plan must hold in each grade; students place courses in grades 6-12.
ALTER TABLE courses ADD COLUMN credits BIGINT CHECK (credits >= 0); -- hundredths; NULL is one credit
ALTER TABLE courses ADD COLUMN area TEXT;                            -- NULL: read from the subject

CREATE TABLE course_subclusters (
    course_id     UUID NOT NULL REFERENCES courses (id),
    subcluster_id TEXT NOT NULL,
    PRIMARY KEY (course_id, subcluster_id)
);

CREATE TABLE graduation_rules (
    district_id UUID NOT NULL REFERENCES districts (id),
    area        TEXT NOT NULL,
    credits     BIGINT NOT NULL CHECK (credits >= 0),  -- hundredths
    PRIMARY KEY (district_id, area)
);

CREATE TABLE plan_courses (
    id          UUID PRIMARY KEY,
    student_id  UUID NOT NULL REFERENCES users (id),
    course_id   UUID NOT NULL REFERENCES courses (id),
    grade       BIGINT NOT NULL CHECK (grade BETWEEN 6 AND 12),
    status      TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'not_passed')),
    version     BIGINT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  UUID REFERENCES users (id),
    UNIQUE (student_id, course_id)
);

-- A district's plan template: what each grade's plan must hold. No rows: the standard one.
CREATE TABLE plan_template_elements (
    id          UUID PRIMARY KEY,
    district_id UUID NOT NULL REFERENCES districts (id),
    grade       BIGINT NOT NULL CHECK (grade BETWEEN 6 AND 12),
    kind        TEXT NOT NULL,
    count       BIGINT NOT NULL CHECK (count BETWEEN 1 AND 50),
    options     TEXT NOT NULL,       -- comma-separated choices the student meets it with
    position    BIGINT NOT NULL
);
CREATE INDEX plan_template_elements_district ON plan_template_elements (district_id, grade, position);

CREATE TABLE plan_templates (
    district_id UUID PRIMARY KEY REFERENCES districts (id),
    preset      TEXT NOT NULL,       -- the preset it started from
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  UUID REFERENCES users (id)
);

ALTER TABLE plan_changes DROP CONSTRAINT plan_changes_action_check;
ALTER TABLE plan_changes ADD CONSTRAINT plan_changes_action_check CHECK (action IN (
    'interest_added', 'interest_removed', 'goal_added', 'goal_changed', 'activity_added',
    'activity_changed', 'activity_removed', 'reflection_added', 'postsecondary_changed',
    'course_added', 'course_changed', 'course_removed'));
