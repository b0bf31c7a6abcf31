-- Interest Profiler results, kept as history so a student sees how interests change.
CREATE TABLE profiler_results (
    id            BLOB PRIMARY KEY,
    session_id    TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    answers       TEXT NOT NULL,
    realistic     INTEGER NOT NULL,
    investigative INTEGER NOT NULL,
    artistic      INTEGER NOT NULL,
    social        INTEGER NOT NULL,
    enterprising  INTEGER NOT NULL,
    conventional  INTEGER NOT NULL,
    code          TEXT NOT NULL,
    job_zone      INTEGER
);
CREATE INDEX profiler_results_session ON profiler_results (session_id, created_at);
