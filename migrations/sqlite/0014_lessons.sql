-- The lesson library: lessons and units teachers connect to careers, and practices that
-- counselors and administrators share, tagged to the framework; who uses and comments on
-- them; and the classes a lesson was taught to, which give every enrolled student an
-- exposure to the careers it opens.
CREATE TABLE lessons (
    id            BLOB PRIMARY KEY,
    district_id   BLOB NOT NULL REFERENCES districts (id),
    school_id     BLOB REFERENCES schools (id),
    author_id     BLOB NOT NULL REFERENCES users (id),
    kind          TEXT NOT NULL CHECK (kind IN ('lesson', 'practice')),
    title         TEXT NOT NULL,
    subject       TEXT NOT NULL,
    grade_low     INTEGER NOT NULL CHECK (grade_low BETWEEN 6 AND 12),
    grade_high    INTEGER NOT NULL CHECK (grade_high BETWEEN grade_low AND 12),
    summary       TEXT NOT NULL,
    body          TEXT NOT NULL,
    standards     TEXT NOT NULL,
    links         TEXT NOT NULL,
    activity_type TEXT NOT NULL CHECK (activity_type IN ('project', 'interdisciplinary_project', 'guest_speaker',
                                                         'field_trip', 'simulation', 'discussion')),
    visibility    TEXT NOT NULL CHECK (visibility IN ('private', 'school', 'district', 'everyone')),
    forked_from   BLOB REFERENCES lessons (id),
    featured_at   TEXT,
    deleted_at    TEXT,
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX lessons_district ON lessons (district_id, visibility);
CREATE INDEX lessons_author ON lessons (author_id);
CREATE INDEX lessons_forked_from ON lessons (forked_from);

-- Framework tags: clusters, sub-clusters, occupations (O*NET-SOC), Career Ready Practices,
-- and CASE item URIs of the standards a lesson addresses.
CREATE TABLE lesson_tags (
    lesson_id BLOB NOT NULL REFERENCES lessons (id),
    kind      TEXT NOT NULL CHECK (kind IN ('cluster', 'subcluster', 'occupation', 'practice', 'case')),
    ref       TEXT NOT NULL,
    PRIMARY KEY (lesson_id, kind, ref)
);
CREATE INDEX lesson_tags_ref ON lesson_tags (kind, ref);

-- Co-authors beside the author, for units spanning subjects.
CREATE TABLE lesson_authors (
    lesson_id BLOB NOT NULL REFERENCES lessons (id),
    user_id   BLOB NOT NULL REFERENCES users (id),
    PRIMARY KEY (lesson_id, user_id)
);
CREATE INDEX lesson_authors_user ON lesson_authors (user_id);

CREATE TABLE lesson_comments (
    id         BLOB PRIMARY KEY,
    lesson_id  BLOB NOT NULL REFERENCES lessons (id),
    author_id  BLOB NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX lesson_comments_lesson ON lesson_comments (lesson_id, created_at);

-- "I used this": once per person and lesson.
CREATE TABLE lesson_uses (
    lesson_id BLOB NOT NULL REFERENCES lessons (id),
    user_id   BLOB NOT NULL REFERENCES users (id),
    used_at   TEXT NOT NULL,
    PRIMARY KEY (lesson_id, user_id)
);

CREATE TABLE lesson_teachings (
    id          BLOB PRIMARY KEY,
    lesson_id   BLOB NOT NULL REFERENCES lessons (id),
    class_id    BLOB NOT NULL REFERENCES classes (id),
    teacher_id  BLOB NOT NULL REFERENCES users (id),
    district_id BLOB NOT NULL REFERENCES districts (id),
    taught_on   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX lesson_teachings_lesson ON lesson_teachings (lesson_id);
CREATE INDEX lesson_teachings_class ON lesson_teachings (class_id);

-- A student met the careers of a lesson taught to their class.
CREATE TABLE exposures (
    id          BLOB PRIMARY KEY,
    district_id BLOB NOT NULL REFERENCES districts (id),
    student_id  BLOB NOT NULL REFERENCES users (id),
    teaching_id BLOB NOT NULL REFERENCES lesson_teachings (id),
    occurred_on TEXT NOT NULL,
    UNIQUE (student_id, teaching_id)
);
CREATE INDEX exposures_district ON exposures (district_id, occurred_on);
