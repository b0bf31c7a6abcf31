-- A district's own regional labor demand (in place of the national BLS projections): one row
-- per 2018 SOC occupation, and where the figures came from.
CREATE TABLE labor_demand_sources (
    district_id UUID PRIMARY KEY REFERENCES districts (id),
    region      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    occupations BIGINT NOT NULL,
    imported_by UUID REFERENCES users (id),
    imported_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE labor_demand (
    district_id     UUID NOT NULL REFERENCES districts (id),
    soc_code        TEXT NOT NULL,
    title           TEXT,
    annual_openings DOUBLE PRECISION NOT NULL CHECK (annual_openings >= 0),
    median_wage     DOUBLE PRECISION,
    growth_percent  DOUBLE PRECISION,
    PRIMARY KEY (district_id, soc_code)
);

-- Professional development: sessions for staff (with a cluster they focus on) and who attended.
CREATE TABLE pd_sessions (
    id          UUID PRIMARY KEY,
    district_id UUID NOT NULL REFERENCES districts (id),
    school_id   UUID REFERENCES schools (id),
    title       TEXT NOT NULL,
    held_on     DATE NOT NULL,
    hours       DOUBLE PRECISION NOT NULL CHECK (hours > 0 AND hours <= 40),
    cluster_id  TEXT,
    created_by  UUID REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX pd_sessions_district ON pd_sessions (district_id, held_on);

CREATE TABLE pd_attendance (
    session_id  UUID NOT NULL REFERENCES pd_sessions (id),
    teacher_id  UUID NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, teacher_id)
);
CREATE INDEX pd_attendance_teacher ON pd_attendance (teacher_id);
