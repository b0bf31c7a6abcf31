-- Sign-in: sessions belong to users, failed attempts are counted for throttling, password
-- resets go through one-time links kept in an outbox, and an append-only audit log records
-- sign-ins and every read or change of a student's record.
ALTER TABLE sessions ADD COLUMN user_id BLOB REFERENCES users (id);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
    email TEXT NOT NULL,
    at    TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    BLOB NOT NULL REFERENCES users (id),
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE outbox (
    id         BLOB PRIMARY KEY,
    to_email   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id          BLOB PRIMARY KEY,
    at          TEXT NOT NULL,
    district_id BLOB REFERENCES districts (id),
    actor_id    BLOB REFERENCES users (id),
    actor_role  TEXT,
    action      TEXT NOT NULL,
    student_id  BLOB REFERENCES users (id),
    resource    TEXT NOT NULL,
    ip          TEXT,
    detail      TEXT
);
CREATE INDEX audit_log_district_at ON audit_log (district_id, at);
CREATE INDEX audit_log_student_at ON audit_log (student_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
