-- Sign-in: sessions belong to users, failed attempts are counted for throttling, password
-- resets go through one-time links kept in an outbox, and an append-only audit log records
-- sign-ins and every read or change of a student's record.
ALTER TABLE sessions ADD COLUMN user_id UUID REFERENCES users (id);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
    email TEXT NOT NULL,
    at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

CREATE TABLE outbox (
    id         UUID PRIMARY KEY,
    to_email   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
    id          UUID PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    district_id UUID REFERENCES districts (id),
    actor_id    UUID REFERENCES users (id),
    actor_role  TEXT,
    action      TEXT NOT NULL,
    student_id  UUID REFERENCES users (id),
    resource    TEXT NOT NULL,
    ip          TEXT,
    detail      TEXT
);
CREATE INDEX audit_log_district_at ON audit_log (district_id, at);
CREATE INDEX audit_log_student_at ON audit_log (student_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
