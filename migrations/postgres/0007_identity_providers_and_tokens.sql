-- Single sign-on through a district's OpenID Connect provider (Google, Microsoft, Clever,
-- ClassLink), and API tokens with which a district's systems call Pathways. Tokens are
-- stored only as SHA-256 hashes.
CREATE TABLE identity_providers (
    id            UUID PRIMARY KEY,
    district_id   UUID NOT NULL REFERENCES districts (id),
    label         TEXT NOT NULL,
    issuer        TEXT NOT NULL,
    client_id     TEXT NOT NULL,
    client_secret TEXT,
    match_by      TEXT NOT NULL CHECK (match_by IN ('email', 'roster_id')),
    roster_claim  TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (district_id, label)
);

CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY,
    district_id  UUID NOT NULL REFERENCES districts (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    hint         TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_by   UUID REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_district ON api_tokens (district_id, created_at);
