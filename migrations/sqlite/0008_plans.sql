-- Individual learning plans: one per student, across grades 6-12. Career interests point at
-- the framework (cluster and sub-cluster ids, SOC codes), goals carry a version for
-- optimistic concurrency, and every change is kept in plan_changes.
CREATE TABLE plan_interests (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('cluster', 'subcluster', 'occupation')),
    ref         TEXT NOT NULL,
    added_by    BLOB REFERENCES users (id),
    added_at    TEXT NOT NULL,
    UNIQUE (student_id, kind, ref)
);

CREATE TABLE plan_goals (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('academic', 'career', 'personal')),
    title       TEXT NOT NULL,
    benchmark   TEXT NOT NULL,
    target_date TEXT,
    status      TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  BLOB REFERENCES users (id)
);
CREATE INDEX plan_goals_student ON plan_goals (student_id, created_at);

CREATE TABLE plan_changes (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    at          TEXT NOT NULL,
    actor_id    BLOB REFERENCES users (id),
    section     TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('interest_added', 'interest_removed', 'goal_added', 'goal_changed')),
    subject     TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);
CREATE INDEX plan_changes_student_at ON plan_changes (student_id, at);
