-- Work-based learning: the regional partner registry (organizations shared by every district
-- of the instance, each district with its own relationship and vetting records), the
-- opportunities partners offer, students' applications and placements, guardian consent,
-- hours with their approvals and corrections, and supervisors' evaluations.
ALTER TABLE partner_organizations ADD COLUMN kind TEXT NOT NULL DEFAULT 'employer'
    CHECK (kind IN ('employer', 'college', 'nonprofit', 'government'));
ALTER TABLE partner_organizations ADD COLUMN naics_sector TEXT;
ALTER TABLE partner_organizations ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE partner_organizations ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE partner_organizations ADD COLUMN about TEXT NOT NULL DEFAULT '';

CREATE TABLE partner_subclusters (
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    subcluster_id   TEXT NOT NULL REFERENCES subclusters (id),
    PRIMARY KEY (organization_id, subcluster_id)
);

CREATE TABLE district_partners (
    district_id     BLOB NOT NULL REFERENCES districts (id),
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    since           TEXT NOT NULL,
    active          BOOLEAN NOT NULL,
    PRIMARY KEY (district_id, organization_id)
);
CREATE INDEX district_partners_organization ON district_partners (organization_id);

CREATE TABLE partner_vetting (
    id              BLOB PRIMARY KEY,
    district_id     BLOB NOT NULL REFERENCES districts (id),
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    kind            TEXT NOT NULL CHECK (kind IN ('background_check', 'insurance', 'agreement')),
    expires_on      TEXT NOT NULL,
    note            TEXT NOT NULL,
    recorded_by     BLOB REFERENCES users (id),
    recorded_at     TEXT NOT NULL
);
CREATE INDEX partner_vetting_organization ON partner_vetting (district_id, organization_id, kind, expires_on);

CREATE TABLE opportunities (
    id              BLOB PRIMARY KEY,
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    kind            TEXT NOT NULL CHECK (kind IN ('guest_speaker', 'career_fair', 'field_trip', 'job_shadow',
                        'internship', 'pre_apprenticeship', 'apprenticeship', 'dual_enrollment', 'mentoring',
                        'virtual')),
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    subcluster_id   TEXT NOT NULL REFERENCES subclusters (id),
    occupation_code TEXT,
    starts_on       TEXT NOT NULL,
    ends_on         TEXT NOT NULL CHECK (ends_on >= starts_on),
    location        TEXT NOT NULL,
    capacity        INTEGER NOT NULL CHECK (capacity > 0),
    seats_held      INTEGER NOT NULL CHECK (seats_held >= 0 AND seats_held <= capacity),
    paid            BOOLEAN NOT NULL,
    min_grade       INTEGER NOT NULL CHECK (min_grade BETWEEN 6 AND 12),
    min_age         INTEGER CHECK (min_age IS NULL OR min_age BETWEEN 10 AND 21),
    needs_approval  BOOLEAN NOT NULL,
    transportation  TEXT NOT NULL CHECK (transportation IN ('none', 'provided', 'school', 'student')),
    status          TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    created_by      BLOB REFERENCES users (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX opportunities_organization ON opportunities (organization_id, starts_on);
CREATE INDEX opportunities_open ON opportunities (status, ends_on);

-- A student's application; `holds_seat` counts toward the opportunity's `seats_held`. Placed
-- once approved by the school and consented to by a guardian.
CREATE TABLE applications (
    id             BLOB PRIMARY KEY,
    opportunity_id BLOB NOT NULL REFERENCES opportunities (id),
    student_id     BLOB NOT NULL REFERENCES users (id),
    district_id    BLOB NOT NULL REFERENCES districts (id),
    status         TEXT NOT NULL CHECK (status IN ('applied', 'waitlisted', 'approved', 'placed', 'completed',
                       'declined', 'withdrawn')),
    holds_seat     BOOLEAN NOT NULL,
    statement      TEXT NOT NULL,
    -- The resume as the student sent it (JSON), when they chose to share it.
    resume         TEXT,
    interview_at   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (opportunity_id, student_id)
);
CREATE INDEX applications_opportunity ON applications (opportunity_id, status, created_at);
CREATE INDEX applications_student ON applications (student_id, status);
CREATE INDEX applications_district ON applications (district_id, status);

-- What happened to an application, in order: its timeline.
CREATE TABLE application_events (
    id             BLOB PRIMARY KEY,
    application_id BLOB NOT NULL REFERENCES applications (id),
    at             TEXT NOT NULL,
    actor_id       BLOB REFERENCES users (id),
    event          TEXT NOT NULL,
    detail         TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, at);

-- The staff approval checklist: each item ticked by someone.
CREATE TABLE application_checks (
    application_id BLOB NOT NULL REFERENCES applications (id),
    item           TEXT NOT NULL,
    checked_by     BLOB NOT NULL REFERENCES users (id),
    checked_at     TEXT NOT NULL,
    PRIMARY KEY (application_id, item)
);

CREATE TABLE consents (
    application_id  BLOB PRIMARY KEY REFERENCES applications (id),
    guardian_id     BLOB NOT NULL REFERENCES users (id),
    form            TEXT NOT NULL,
    signature       TEXT NOT NULL,
    emergency_name  TEXT NOT NULL,
    emergency_phone TEXT NOT NULL,
    signed_at       TEXT NOT NULL
);

-- A district's limits on students' working time (minutes) and its school day.
CREATE TABLE wbl_settings (
    district_id      BLOB PRIMARY KEY REFERENCES districts (id),
    max_minutes_day  INTEGER NOT NULL CHECK (max_minutes_day > 0),
    max_minutes_week INTEGER NOT NULL CHECK (max_minutes_week > 0),
    school_starts    INTEGER NOT NULL CHECK (school_starts BETWEEN 0 AND 1440),
    school_ends      INTEGER NOT NULL CHECK (school_ends BETWEEN 0 AND 1440)
);

-- Hours a student worked on a placement, as minutes of the day; approved first by the site
-- supervisor, then by the school coordinator.
CREATE TABLE hour_entries (
    id             BLOB PRIMARY KEY,
    application_id BLOB NOT NULL REFERENCES applications (id),
    student_id     BLOB NOT NULL REFERENCES users (id),
    worked_on      TEXT NOT NULL,
    start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute     INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
    description    TEXT NOT NULL,
    during_school  BOOLEAN NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('submitted', 'supervisor_approved', 'approved', 'returned')),
    note           TEXT NOT NULL,
    supervisor_id  BLOB REFERENCES users (id),
    supervisor_at  TEXT,
    coordinator_id BLOB REFERENCES users (id),
    coordinator_at TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX hour_entries_student ON hour_entries (student_id, worked_on);
CREATE INDEX hour_entries_application ON hour_entries (application_id, worked_on);

-- Corrections of hour entries: what an entry said before and after.
CREATE TABLE hour_entry_changes (
    id       BLOB PRIMARY KEY,
    entry_id BLOB NOT NULL REFERENCES hour_entries (id),
    at       TEXT NOT NULL,
    actor_id BLOB REFERENCES users (id),
    before   TEXT NOT NULL,
    after    TEXT NOT NULL
);
CREATE INDEX hour_entry_changes_entry ON hour_entry_changes (entry_id, at);

CREATE TABLE evaluations (
    id             BLOB PRIMARY KEY,
    application_id BLOB NOT NULL REFERENCES applications (id),
    evaluator_id   BLOB NOT NULL REFERENCES users (id),
    comments       TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX evaluations_application ON evaluations (application_id, created_at);

CREATE TABLE evaluation_ratings (
    evaluation_id BLOB NOT NULL REFERENCES evaluations (id),
    practice_id   TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    PRIMARY KEY (evaluation_id, practice_id)
);
