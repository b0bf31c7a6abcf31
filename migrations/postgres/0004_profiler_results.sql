-- Interest Profiler results, kept as history so a student sees how interests change.
CREATE TABLE profiler_results (
    id            UUID PRIMARY KEY,
    session_id    TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    answers       TEXT NOT NULL,
    realistic     BIGINT NOT NULL,
    investigative BIGINT NOT NULL,
    artistic      BIGINT NOT NULL,
    social        BIGINT NOT NULL,
    enterprising  BIGINT NOT NULL,
    conventional  BIGINT NOT NULL,
    code          TEXT NOT NULL,
    job_zone      BIGINT
);
CREATE INDEX profiler_results_session ON profiler_results (session_id, created_at);
