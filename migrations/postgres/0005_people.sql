-- People and organizations: districts, schools, users with one role each, and the
-- relationships access is decided by (guardians, classes and enrollments, caseloads).
CREATE TABLE districts (
    id         UUID PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    sourced_id TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE schools (
    id            UUID PRIMARY KEY,
    district_id   UUID NOT NULL REFERENCES districts (id),
    name          TEXT NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('middle', 'high', 'other')),
    lowest_grade  BIGINT NOT NULL,
    highest_grade BIGINT NOT NULL,
    sourced_id    TEXT,
    UNIQUE (district_id, sourced_id)
);
CREATE INDEX schools_district ON schools (district_id);

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    district_id   UUID REFERENCES districts (id),
    role          TEXT NOT NULL CHECK (role IN ('student', 'guardian', 'teacher', 'counselor', 'partner',
                                               'school_admin', 'district_admin', 'instance_admin')),
    given_name    TEXT NOT NULL,
    family_name   TEXT NOT NULL,
    email         TEXT UNIQUE,
    school_id     UUID REFERENCES schools (id),
    grade         BIGINT CHECK (grade IS NULL OR grade BETWEEN 6 AND 12),
    sourced_id    TEXT,
    password_hash TEXT,
    active        BOOLEAN NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (district_id, sourced_id)
);
CREATE INDEX users_district_role ON users (district_id, role);
CREATE INDEX users_school_grade ON users (school_id, grade);

CREATE TABLE guardianships (
    guardian_id UUID NOT NULL REFERENCES users (id),
    student_id  UUID NOT NULL REFERENCES users (id),
    PRIMARY KEY (guardian_id, student_id)
);
CREATE INDEX guardianships_student ON guardianships (student_id);

CREATE TABLE courses (
    id          UUID PRIMARY KEY,
    district_id UUID NOT NULL REFERENCES districts (id),
    school_id   UUID REFERENCES schools (id),
    title       TEXT NOT NULL,
    code        TEXT,
    subject     TEXT,
    sourced_id  TEXT,
    UNIQUE (district_id, sourced_id)
);

CREATE TABLE classes (
    id          UUID PRIMARY KEY,
    district_id UUID NOT NULL REFERENCES districts (id),
    school_id   UUID NOT NULL REFERENCES schools (id),
    course_id   UUID NOT NULL REFERENCES courses (id),
    title       TEXT NOT NULL,
    period      TEXT,
    sourced_id  TEXT,
    UNIQUE (district_id, sourced_id)
);
CREATE INDEX classes_school ON classes (school_id);

CREATE TABLE enrollments (
    class_id UUID NOT NULL REFERENCES classes (id),
    user_id  UUID NOT NULL REFERENCES users (id),
    role     TEXT NOT NULL CHECK (role IN ('student', 'teacher')),
    PRIMARY KEY (class_id, user_id)
);
CREATE INDEX enrollments_user ON enrollments (user_id);

-- Students a counselor was assigned one by one.
CREATE TABLE caseloads (
    counselor_id UUID NOT NULL REFERENCES users (id),
    student_id   UUID NOT NULL REFERENCES users (id),
    PRIMARY KEY (counselor_id, student_id)
);
CREATE INDEX caseloads_student ON caseloads (student_id);

-- A counselor's default caseload: every student of a school and grade.
CREATE TABLE counselor_assignments (
    counselor_id UUID NOT NULL REFERENCES users (id),
    school_id    UUID NOT NULL REFERENCES schools (id),
    grade        BIGINT NOT NULL,
    PRIMARY KEY (counselor_id, school_id, grade)
);
CREATE INDEX counselor_assignments_school_grade ON counselor_assignments (school_id, grade);

-- Program flags and demographics, used only in aggregate reports.
CREATE TABLE student_attributes (
    student_id               UUID PRIMARY KEY REFERENCES users (id),
    sex                      TEXT,
    ethnicity                TEXT,
    economically_disadvantaged BOOLEAN,
    english_learner          BOOLEAN,
    iep_504                  BOOLEAN
);

CREATE TABLE partner_organizations (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE partner_staff (
    user_id         UUID PRIMARY KEY REFERENCES users (id),
    organization_id UUID NOT NULL REFERENCES partner_organizations (id)
);
