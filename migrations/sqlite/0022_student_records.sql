-- When a student left the district's roster (an import deactivated them), which starts the
-- district's retention period, and when their record was anonymized.
ALTER TABLE users ADD COLUMN inactive_since TEXT;
ALTER TABLE users ADD COLUMN anonymized_at TEXT;

-- How long a district keeps the records of students who left: anonymized this many months
-- after they left. Without a row, records are kept until an administrator anonymizes them.
CREATE TABLE retention_settings (
    district_id            BLOB PRIMARY KEY REFERENCES districts (id),
    anonymize_after_months INTEGER NOT NULL CHECK (anonymize_after_months BETWEEN 1 AND 240)
);
