-- Server-side sessions: a visitor before sign-in, later a signed-in user. The cookie holds
-- only the random id; the CSRF token guards every form of the session.
CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    data         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
