-- O*NET interest data used by Explore: profiler items, RIASEC keywords, basic interests and
-- their illustrative activities and occupations.
CREATE TABLE interest_profiler_items (
    item_no   INTEGER PRIMARY KEY,
    area_code TEXT NOT NULL CHECK (area_code IN ('R', 'I', 'A', 'S', 'E', 'C')),
    statement TEXT NOT NULL
);

CREATE TABLE riasec_keywords (
    area_code    TEXT NOT NULL,
    keyword      TEXT NOT NULL,
    keyword_type TEXT NOT NULL,
    PRIMARY KEY (area_code, keyword)
);

CREATE TABLE basic_interests (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE basic_interest_areas (
    basic_interest_id TEXT NOT NULL REFERENCES basic_interests (id),
    area_code         TEXT NOT NULL,
    PRIMARY KEY (basic_interest_id, area_code)
);

-- `interest` is a RIASEC area name (General) or a basic interest name (Basic).
CREATE TABLE illustrative_activities (
    position      INTEGER PRIMARY KEY,
    interest      TEXT NOT NULL,
    interest_type TEXT NOT NULL,
    activity      TEXT NOT NULL
);

CREATE TABLE illustrative_occupations (
    interest        TEXT NOT NULL,
    interest_type   TEXT NOT NULL,
    occupation_code TEXT NOT NULL REFERENCES occupations (code),
    PRIMARY KEY (interest, occupation_code)
);
