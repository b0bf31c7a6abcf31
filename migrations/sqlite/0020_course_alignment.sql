-- Curriculum alignment: a course's CIP 2020 program (career and technical courses have one)
-- as an administrator confirmed it, and the district's programs of study, each a sequence
-- of courses leading to a sub-cluster.
ALTER TABLE courses ADD COLUMN cip_code TEXT;
ALTER TABLE courses ADD COLUMN aligned_by BLOB REFERENCES users (id);
ALTER TABLE courses ADD COLUMN aligned_at TEXT;

CREATE TABLE programs_of_study (
    id            BLOB PRIMARY KEY,
    district_id   BLOB NOT NULL REFERENCES districts (id),
    title         TEXT NOT NULL,
    subcluster_id TEXT NOT NULL,
    cip_code      TEXT,
    created_by    BLOB REFERENCES users (id),
    created_at    TEXT NOT NULL,
    UNIQUE (district_id, title)
);

CREATE TABLE program_courses (
    program_id BLOB NOT NULL REFERENCES programs_of_study (id),
    course_id  BLOB NOT NULL REFERENCES courses (id),
    position   INTEGER NOT NULL CHECK (position >= 1),
    PRIMARY KEY (program_id, course_id)
);
CREATE INDEX program_courses_course ON program_courses (course_id);
