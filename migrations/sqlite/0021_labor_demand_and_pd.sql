-- A district's own regional labor demand (in place of the national BLS projections): one row
-- per 2018 SOC occupation, and where the figures came from.
CREATE TABLE labor_demand_sources (
    district_id BLOB PRIMARY KEY REFERENCES districts (id),
    region      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    occupations INTEGER NOT NULL,
    imported_by BLOB REFERENCES users (id),
    imported_at TEXT NOT NULL
);

CREATE TABLE labor_demand (
    district_id     BLOB NOT NULL REFERENCES districts (id),
    soc_code        TEXT NOT NULL,
    title           TEXT,
    annual_openings REAL NOT NULL CHECK (annual_openings >= 0),
    median_wage     REAL,
    growth_percent  REAL,
    PRIMARY KEY (district_id, soc_code)
);

-- Professional development: sessions for staff (with a cluster they focus on) and who attended.
CREATE TABLE pd_sessions (
    id          BLOB PRIMARY KEY,
    district_id BLOB NOT NULL REFERENCES districts (id),
    school_id   BLOB REFERENCES schools (id),
    title       TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    hours       REAL NOT NULL CHECK (hours > 0 AND hours <= 40),
    cluster_id  TEXT,
    created_by  BLOB REFERENCES users (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX pd_sessions_district ON pd_sessions (district_id, held_on);

CREATE TABLE pd_attendance (
    session_id  BLOB NOT NULL REFERENCES pd_sessions (id),
    teacher_id  BLOB NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, teacher_id)
);
CREATE INDEX pd_attendance_teacher ON pd_attendance (teacher_id);
