-- A district's working relationship with a partner: its contacts there, what the partner
-- committed to for a school year (speakers, tours, shadows, interns), and the log of calls,
-- meetings and visits; speaker requests remember the partner they were matched to; and
-- applications say whether the school sponsors the placement (state work-based learning reports).
CREATE TABLE partner_contacts (
    id              BLOB PRIMARY KEY,
    district_id     BLOB NOT NULL REFERENCES districts (id),
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    name            TEXT NOT NULL,
    title           TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('primary', 'supervisor', 'speaker', 'other')),
    active          BOOLEAN NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX partner_contacts_organization ON partner_contacts (district_id, organization_id);

CREATE TABLE partner_commitments (
    district_id     BLOB NOT NULL REFERENCES districts (id),
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    school_year     TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('speakers', 'tours', 'shadows', 'interns')),
    committed       INTEGER NOT NULL CHECK (committed BETWEEN 0 AND 10000),
    PRIMARY KEY (district_id, organization_id, school_year, kind)
);

CREATE TABLE partner_interactions (
    id              BLOB PRIMARY KEY,
    district_id     BLOB NOT NULL REFERENCES districts (id),
    organization_id BLOB NOT NULL REFERENCES partner_organizations (id),
    kind            TEXT NOT NULL CHECK (kind IN ('call', 'email', 'meeting', 'visit', 'event', 'other')),
    happened_on     TEXT NOT NULL,
    summary         TEXT NOT NULL,
    follow_up_on    TEXT,
    recorded_by     BLOB REFERENCES users (id),
    recorded_at     TEXT NOT NULL
);
CREATE INDEX partner_interactions_organization ON partner_interactions (district_id, organization_id, happened_on);

ALTER TABLE speaker_requests ADD COLUMN organization_id BLOB REFERENCES partner_organizations (id);
CREATE INDEX speaker_requests_organization ON speaker_requests (organization_id, window_start);

ALTER TABLE applications ADD COLUMN school_sponsored BOOLEAN NOT NULL DEFAULT FALSE;
