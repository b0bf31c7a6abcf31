-- The district's small-cell threshold for reports of student groups (never below 5), and
-- covering indexes the equity report probes for each student.
CREATE TABLE report_settings (
    district_id   BLOB PRIMARY KEY REFERENCES districts (id),
    min_cell_size INTEGER NOT NULL CHECK (min_cell_size BETWEEN 5 AND 1000)
);
CREATE INDEX exposures_student ON exposures (district_id, student_id, occurred_on);
CREATE INDEX plan_signoffs_year ON plan_signoffs (school_year, student_id, signer_role);
CREATE INDEX plan_courses_course ON plan_courses (course_id, status, student_id);
