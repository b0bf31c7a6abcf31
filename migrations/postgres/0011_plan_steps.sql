-- Next steps on a student's plan: a task for the student, their guardians, their counselors
-- or their teachers, with an optional due date; each owner sees it on their home page.
CREATE TABLE plan_steps (
    id          UUID PRIMARY KEY,
    student_id  UUID NOT NULL REFERENCES users (id),
    title       TEXT NOT NULL,
    owner_role  TEXT NOT NULL CHECK (owner_role IN ('student', 'guardian', 'counselor', 'teacher')),
    due_on      DATE,
    done_at     TIMESTAMPTZ,
    done_by     UUID REFERENCES users (id),
    created_by  UUID NOT NULL REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_steps_student ON plan_steps (student_id, created_at);
