-- Professional learning communities: staff groups that share lessons, discuss, keep meeting
-- notes and plan interdisciplinary projects on a board.
CREATE TABLE plcs (
    id          BLOB PRIMARY KEY,
    district_id BLOB NOT NULL REFERENCES districts (id),
    name        TEXT NOT NULL,
    focus       TEXT NOT NULL,
    created_by  BLOB NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX plcs_district ON plcs (district_id);

CREATE TABLE plc_members (
    plc_id    BLOB NOT NULL REFERENCES plcs (id),
    user_id   BLOB NOT NULL REFERENCES users (id),
    role      TEXT NOT NULL CHECK (role IN ('lead', 'member')),
    joined_at TEXT NOT NULL,
    PRIMARY KEY (plc_id, user_id)
);
CREATE INDEX plc_members_user ON plc_members (user_id);

CREATE TABLE plc_lessons (
    plc_id    BLOB NOT NULL REFERENCES plcs (id),
    lesson_id BLOB NOT NULL REFERENCES lessons (id),
    shared_by BLOB NOT NULL REFERENCES users (id),
    shared_at TEXT NOT NULL,
    PRIMARY KEY (plc_id, lesson_id)
);

-- Discussion threads, their replies, and meeting notes (with the day the group met).
CREATE TABLE plc_posts (
    id         BLOB PRIMARY KEY,
    plc_id     BLOB NOT NULL REFERENCES plcs (id),
    author_id  BLOB NOT NULL REFERENCES users (id),
    kind       TEXT NOT NULL CHECK (kind IN ('thread', 'reply', 'meeting')),
    parent_id  BLOB REFERENCES plc_posts (id),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    met_on     TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX plc_posts_plc ON plc_posts (plc_id, kind, created_at);

-- The interdisciplinary project board: ideas moving through planning and teaching to done.
CREATE TABLE plc_cards (
    id         BLOB PRIMARY KEY,
    plc_id     BLOB NOT NULL REFERENCES plcs (id),
    title      TEXT NOT NULL,
    subjects   TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('idea', 'planning', 'teaching', 'done')),
    owner_id   BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX plc_cards_plc ON plc_cards (plc_id, status);
