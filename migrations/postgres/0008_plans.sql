-- Individual learning plans: one per student, across grades 6-12. Career interests point at
-- the framework (cluster and sub-cluster ids, SOC codes), goals carry a version for
-- optimistic concurrency, and every change is kept in plan_changes.
CREATE TABLE plan_interests (
    id          UUID PRIMARY KEY,
    student_id  UUID NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('cluster', 'subcluster', 'occupation')),
    ref         TEXT NOT NULL,
    added_by    UUID REFERENCES users (id),
    added_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (student_id, kind, ref)
);

CREATE TABLE plan_goals (
    id          UUID PRIMARY KEY,
    student_id  UUID NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('academic', 'career', 'personal')),
    title       TEXT NOT NULL,
    benchmark   TEXT NOT NULL,
    target_date DATE,
    status      TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
    version     BIGINT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  UUID REFERENCES users (id)
);
CREATE INDEX plan_goals_student ON plan_goals (student_id, created_at);

CREATE TABLE plan_changes (
    id          UUID PRIMARY KEY,
    student_id  UUID NOT NULL REFERENCES users (id),
    at          TIMESTAMPTZ NOT NULL,
    actor_id    UUID REFERENCES users (id),
    section     TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('interest_added', 'interest_removed', 'goal_added', 'goal_changed')),
    subject     TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);
CREATE INDEX plan_changes_student_at ON plan_changes (student_id, at);
