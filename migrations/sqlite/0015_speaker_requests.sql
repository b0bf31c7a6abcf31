-- A teacher's request for a guest speaker from a sub-cluster, for a class, within a window of
-- dates; open until a partner is matched to it (or the teacher cancels).
CREATE TABLE speaker_requests (
    id            BLOB PRIMARY KEY,
    district_id   BLOB NOT NULL REFERENCES districts (id),
    class_id      BLOB NOT NULL REFERENCES classes (id),
    teacher_id    BLOB NOT NULL REFERENCES users (id),
    subcluster_id TEXT NOT NULL REFERENCES subclusters (id),
    window_start  TEXT NOT NULL,
    window_end    TEXT NOT NULL CHECK (window_end >= window_start),
    note          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('open', 'matched', 'cancelled')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX speaker_requests_class ON speaker_requests (class_id, status);
CREATE INDEX speaker_requests_district ON speaker_requests (district_id, status, subcluster_id);
