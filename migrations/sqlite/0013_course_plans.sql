-- The course plan: roster courses carry credits, a graduation subject area and the
-- sub-clusters they prepare for; districts set the credits each area needs to graduate and
-- the elements a plan must hold in each grade; students place courses in grades 6-12.
ALTER TABLE courses ADD COLUMN credits INTEGER CHECK (credits >= 0); -- hundredths; NULL is one credit
ALTER TABLE courses ADD COLUMN area TEXT;                            -- NULL: read from the subject

CREATE TABLE course_subclusters (
    course_id     BLOB NOT NULL REFERENCES courses (id),
    subcluster_id TEXT NOT NULL,
    PRIMARY KEY (course_id, subcluster_id)
);

CREATE TABLE graduation_rules (
    district_id BLOB NOT NULL REFERENCES districts (id),
    area        TEXT NOT NULL,
    credits     INTEGER NOT NULL CHECK (credits >= 0),  -- hundredths
    PRIMARY KEY (district_id, area)
);

CREATE TABLE plan_courses (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    course_id   BLOB NOT NULL REFERENCES courses (id),
    grade       INTEGER NOT NULL CHECK (grade BETWEEN 6 AND 12),
    status      TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'not_passed')),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  BLOB REFERENCES users (id),
    UNIQUE (student_id, course_id)
);

-- A district's plan template: what each grade's plan must hold. No rows: the standard one.
CREATE TABLE plan_template_elements (
    id          BLOB PRIMARY KEY,
    district_id BLOB NOT NULL REFERENCES districts (id),
    grade       INTEGER NOT NULL CHECK (grade BETWEEN 6 AND 12),
    kind        TEXT NOT NULL,
    count       INTEGER NOT NULL CHECK (count BETWEEN 1 AND 50),
    options     TEXT NOT NULL,       -- comma-separated choices the student meets it with
    position    INTEGER NOT NULL
);
CREATE INDEX plan_template_elements_district ON plan_template_elements (district_id, grade, position);

CREATE TABLE plan_templates (
    district_id BLOB PRIMARY KEY REFERENCES districts (id),
    preset      TEXT NOT NULL,       -- the preset it started from
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
        'activity_changed', 'activity_removed', 'reflection_added', 'postsecondary_changed',
        'course_added', 'course_changed', 'course_removed')),
    subject     TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);
INSERT INTO plan_changes_new SELECT id, student_id, at, actor_id, section, action, subject, before, after FROM plan_changes;
DROP TABLE plan_changes;
ALTER TABLE plan_changes_new RENAME TO plan_changes;
CREATE INDEX plan_changes_student_at ON plan_changes (student_id, at);
