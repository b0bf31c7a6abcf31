-- Yearly sign-offs of a student's plan by the student, a guardian and a counselor.
CREATE TABLE plan_signoffs (
    student_id  BLOB NOT NULL REFERENCES users (id),
    school_year TEXT NOT NULL,
    signer_id   BLOB NOT NULL REFERENCES users (id),
    signer_role TEXT NOT NULL CHECK (signer_role IN ('student', 'guardian', 'counselor')),
    signed_at   TEXT NOT NULL,
    PRIMARY KEY (student_id, school_year, signer_id)
);
