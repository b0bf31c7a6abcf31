-- Meeting notes on a student's plan. Counselors write them; a note is either private to
-- the student's counselors or shared with the student and their guardians. Teachers never
-- read notes.
CREATE TABLE plan_notes (
    id          BLOB PRIMARY KEY,
    student_id  BLOB NOT NULL REFERENCES users (id),
    author_id   BLOB NOT NULL REFERENCES users (id),
    body        TEXT NOT NULL,
    shared      BOOLEAN NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX plan_notes_student ON plan_notes (student_id, created_at);
