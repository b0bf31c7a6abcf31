-- The Career Clusters framework and O*NET occupations: reference data shared by every district.
CREATE TABLE catalog_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE groupings (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    position            BIGINT NOT NULL,
    membership_verified BOOLEAN NOT NULL,
    note                TEXT NOT NULL
);

CREATE TABLE clusters (
    id                         TEXT PRIMARY KEY,
    grouping_id                TEXT NOT NULL REFERENCES groupings (id),
    name                       TEXT NOT NULL,
    position                   BIGINT NOT NULL,
    cross_cutting              BOOLEAN NOT NULL,
    description                TEXT NOT NULL,
    description_basis          TEXT NOT NULL,
    naics_2digit               TEXT NOT NULL,
    onet_cluster_code          TEXT,
    onet_cluster_code_verified BOOLEAN NOT NULL
);
CREATE INDEX clusters_grouping ON clusters (grouping_id);

CREATE TABLE subclusters (
    id                 TEXT PRIMARY KEY,
    cluster_id         TEXT NOT NULL REFERENCES clusters (id),
    name               TEXT NOT NULL,
    position           BIGINT NOT NULL,
    description        TEXT,
    description_source TEXT,
    example_programs   TEXT,
    verified           BOOLEAN NOT NULL,
    verification       TEXT NOT NULL
);
CREATE INDEX subclusters_cluster ON subclusters (cluster_id);

CREATE TABLE catalog_aliases (
    kind      TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    alias     TEXT NOT NULL,
    PRIMARY KEY (kind, entity_id, alias)
);

CREATE TABLE soc_codes (
    code  TEXT PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE subcluster_socs (
    subcluster_id     TEXT NOT NULL REFERENCES subclusters (id),
    soc_code          TEXT NOT NULL REFERENCES soc_codes (code),
    interdisciplinary BOOLEAN NOT NULL,
    PRIMARY KEY (subcluster_id, soc_code)
);
CREATE INDEX subcluster_socs_soc ON subcluster_socs (soc_code);

CREATE TABLE cip_programs (
    code  TEXT PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE subcluster_cips (
    subcluster_id     TEXT NOT NULL REFERENCES subclusters (id),
    cip_code          TEXT NOT NULL REFERENCES cip_programs (code),
    interdisciplinary BOOLEAN NOT NULL,
    PRIMARY KEY (subcluster_id, cip_code)
);

CREATE TABLE naics_sectors (
    code  TEXT PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE subcluster_naics (
    subcluster_id TEXT NOT NULL REFERENCES subclusters (id),
    naics_code    TEXT NOT NULL REFERENCES naics_sectors (code),
    PRIMARY KEY (subcluster_id, naics_code)
);

CREATE TABLE cip_socs (
    cip_code TEXT NOT NULL REFERENCES cip_programs (code),
    soc_code TEXT NOT NULL REFERENCES soc_codes (code),
    PRIMARY KEY (cip_code, soc_code)
);
CREATE INDEX cip_socs_soc ON cip_socs (soc_code);

CREATE TABLE job_zones (
    zone         BIGINT PRIMARY KEY,
    name         TEXT NOT NULL,
    experience   TEXT NOT NULL,
    education    TEXT NOT NULL,
    job_training TEXT NOT NULL,
    examples     TEXT NOT NULL,
    svp_range    TEXT NOT NULL
);

CREATE TABLE education_levels (
    category BIGINT PRIMARY KEY,
    label    TEXT NOT NULL
);

CREATE TABLE occupations (
    code               TEXT PRIMARY KEY,
    soc_code           TEXT NOT NULL,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL,
    job_zone           BIGINT REFERENCES job_zones (zone),
    riasec_code        TEXT,
    realistic          DOUBLE PRECISION,
    investigative      DOUBLE PRECISION,
    artistic           DOUBLE PRECISION,
    social             DOUBLE PRECISION,
    enterprising       DOUBLE PRECISION,
    conventional       DOUBLE PRECISION,
    education_category BIGINT REFERENCES education_levels (category),
    education_percent  DOUBLE PRECISION
);
CREATE INDEX occupations_soc ON occupations (soc_code);

CREATE TABLE occupation_titles (
    occupation_code       TEXT NOT NULL REFERENCES occupations (code),
    kind                  TEXT NOT NULL CHECK (kind IN ('alternate', 'reported')),
    position              BIGINT NOT NULL,
    title                 TEXT NOT NULL,
    short_title           TEXT,
    shown_in_my_next_move BOOLEAN NOT NULL,
    PRIMARY KEY (occupation_code, kind, position)
);

CREATE TABLE occupation_tasks (
    task_id         BIGINT PRIMARY KEY,
    occupation_code TEXT NOT NULL REFERENCES occupations (code),
    position        BIGINT NOT NULL,
    task            TEXT NOT NULL,
    task_type       TEXT
);
CREATE INDEX occupation_tasks_occupation ON occupation_tasks (occupation_code, position);

CREATE TABLE related_occupations (
    occupation_code TEXT NOT NULL REFERENCES occupations (code),
    related_code    TEXT NOT NULL REFERENCES occupations (code),
    tier            TEXT NOT NULL,
    rank            BIGINT NOT NULL,
    PRIMARY KEY (occupation_code, related_code)
);

CREATE TABLE bls_projections (
    soc_code                  TEXT PRIMARY KEY,
    title                     TEXT NOT NULL,
    occupation_type           TEXT NOT NULL,
    employment_2024           DOUBLE PRECISION,
    employment_2034           DOUBLE PRECISION,
    change_thousands          DOUBLE PRECISION,
    change_percent            DOUBLE PRECISION,
    self_employed_percent     DOUBLE PRECISION,
    annual_openings_thousands DOUBLE PRECISION,
    median_wage               BIGINT,
    median_wage_is_floor      BOOLEAN NOT NULL,
    typical_education         TEXT,
    work_experience           TEXT,
    typical_training          TEXT
);

CREATE TABLE practices (
    id                TEXT PRIMARY KEY,
    framework_version TEXT NOT NULL,
    code              TEXT NOT NULL,
    number            BIGINT,
    statement         TEXT NOT NULL,
    verified          BOOLEAN NOT NULL,
    source            TEXT NOT NULL,
    note              TEXT,
    position          BIGINT NOT NULL
);

CREATE TABLE employability_skills (
    position           BIGINT PRIMARY KEY,
    category           TEXT NOT NULL,
    skill              TEXT NOT NULL,
    sub_skill          TEXT NOT NULL,
    sub_skill_verified BOOLEAN NOT NULL
);

CREATE TABLE legacy_clusters (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    alias    TEXT,
    position BIGINT NOT NULL
);

CREATE TABLE legacy_pathways (
    id                TEXT PRIMARY KEY,
    legacy_cluster_id TEXT NOT NULL REFERENCES legacy_clusters (id),
    name              TEXT NOT NULL,
    onet_name         TEXT,
    in_onet_export    BOOLEAN NOT NULL,
    verified          BOOLEAN NOT NULL,
    source_note       TEXT NOT NULL,
    position          BIGINT NOT NULL
);

CREATE TABLE legacy_cluster_links (
    legacy_cluster_id TEXT NOT NULL REFERENCES legacy_clusters (id),
    position          BIGINT NOT NULL,
    modern_cluster_id TEXT REFERENCES clusters (id),
    relationship      TEXT NOT NULL,
    basis             TEXT NOT NULL,
    verified          BOOLEAN NOT NULL,
    soc_overlap       TEXT NOT NULL,
    PRIMARY KEY (legacy_cluster_id, position)
);

CREATE TABLE legacy_pathway_subclusters (
    legacy_pathway_id TEXT NOT NULL REFERENCES legacy_pathways (id),
    subcluster_id     TEXT NOT NULL REFERENCES subclusters (id),
    shared_soc_count  BIGINT NOT NULL,
    pathway_soc_count BIGINT NOT NULL,
    found_soc_count   BIGINT NOT NULL,
    share_of_found    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (legacy_pathway_id, subcluster_id)
);

CREATE TABLE legacy_pathway_occupations (
    legacy_pathway_id TEXT NOT NULL REFERENCES legacy_pathways (id),
    occupation_code   TEXT NOT NULL REFERENCES occupations (code),
    PRIMARY KEY (legacy_pathway_id, occupation_code)
);
