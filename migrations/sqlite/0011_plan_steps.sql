-- Next steps on a student's plan: a task for the student, their guardians, their counselors
-- or their teachers, with an optional due date; each owner sees it on their home page.
CREATE TABLE plan_steps (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    title       TEXT NOT NULL,
    owner_role  TEXT NOT NULL CHECK (owner_role IN ('student', 'guardian', 'counselor', 'teacher')),
    due_on      TEXT,
    done_at     TEXT,
    done_by     BLOB REFERENCES users (id),
    created_by  BLOB NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX plan_steps_student ON plan_steps (student_id, created_at);
