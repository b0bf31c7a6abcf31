"""The equity report's aggregates computed by DuckDB from the CSV files `pathways insights
bench --export DIR` writes: students per group along every dimension and how many reach each
stage of the funnel in the school year. Prints the median time of RUNS runs (reading the CSV
files included, as Pathways reads its database) and exits 1 when any count differs from
DIR/counts.csv, the report's own unsuppressed counts.

Usage: python3 equity_duckdb.py DIR YEAR_START YEAR_END YEAR_LABEL [RUNS]
"""

import csv
import statistics
import sys
import time

import duckdb

DIMENSIONS = {
    "sex": "sex",
    "ethnicity": "ethnicity",
    "economically_disadvantaged": "economically_disadvantaged",
    "english_learner": "english_learner",
    "iep_504": "iep_504",
    "grade": "grade",
    "school": "school_id",
}
STAGES = ["exposure", "interest", "plan_complete", "cte_course", "wbl_applied", "wbl_completed"]


def query(folder, start, end, label):
    def read(name):
        return f"read_csv('{folder}/{name}.csv', header = true, all_varchar = true)"

    sets = ", ".join(f"({column})" for column in DIMENSIONS.values())
    keys = " ".join(f"WHEN GROUPING({column}) = 0 THEN '{key}'" for key, column in DIMENSIONS.items())
    values = " ".join(f"WHEN GROUPING({column}) = 0 THEN {column}" for column in DIMENSIONS.values())
    sums = ", ".join(f"SUM({stage}::INT)" for stage in STAGES)
    return f"""
    WITH students AS (SELECT * FROM {read('students')}),
    exposed AS (SELECT DISTINCT student_id FROM {read('exposures')}
                WHERE occurred_on::DATE BETWEEN DATE '{start}' AND DATE '{end}'),
    interested AS (SELECT DISTINCT student_id FROM {read('interests')}),
    complete AS (SELECT student_id FROM {read('signoffs')} WHERE school_year = '{label}'
                 GROUP BY student_id HAVING COUNT(DISTINCT signer_role) = 3),
    cte AS (SELECT DISTINCT p.student_id FROM {read('plan_courses')} p JOIN {read('courses')} c ON c.id = p.course_id
            WHERE c.cip_code IS NOT NULL AND c.cip_code <> '' AND p.status IN ('in_progress', 'completed')),
    applied AS (SELECT a.student_id, a.status FROM {read('applications')} a JOIN {read('opportunities')} o
                ON o.id = a.opportunity_id WHERE o.starts_on::DATE BETWEEN DATE '{start}' AND DATE '{end}'),
    reached AS (
        SELECT s.*,
            s.id IN (SELECT student_id FROM exposed) AS exposure,
            s.id IN (SELECT student_id FROM interested) AS interest,
            s.id IN (SELECT student_id FROM complete) AS plan_complete,
            s.id IN (SELECT student_id FROM cte) AS cte_course,
            s.id IN (SELECT student_id FROM applied) AS wbl_applied,
            s.id IN (SELECT student_id FROM applied WHERE status = 'completed') AS wbl_completed
        FROM students s)
    SELECT CASE {keys} ELSE 'all' END AS dimension,
           CASE {values} ELSE 'all' END AS grp,
           COUNT(*), {sums}
    FROM reached GROUP BY GROUPING SETS ({sets}, ())
    """


def normalized(dimension, group):
    """DuckDB's group value written as the report writes group keys."""
    if group is None or group == "":
        return "unknown"
    if dimension in ("economically_disadvantaged", "english_learner", "iep_504"):
        return "yes" if group == "true" else "no"
    return group


def main():
    folder, start, end, label = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    sql = query(folder, start, end, label)
    connection = duckdb.connect()
    times, rows = [], []
    for _ in range(runs):
        started = time.perf_counter()
        rows = connection.execute(sql).fetchall()
        times.append(time.perf_counter() - started)
    theirs = {}
    for row in rows:
        dimension, group = row[0], row[1]
        if dimension == "all":
            for key in DIMENSIONS:
                theirs[(key, "all")] = [int(v) for v in row[2:]]
        else:
            theirs[(dimension, normalized(dimension, group))] = [int(v) for v in row[2:]]
    ours = {}
    with open(f"{folder}/counts.csv", newline="") as file:
        for record in csv.DictReader(file):
            ours[(record["dimension"], record["grp"])] = [int(record["students"])] + [int(record[s]) for s in STAGES]
    differences = [(key, ours.get(key), theirs.get(key)) for key in sorted(set(ours) | set(theirs))
                   if ours.get(key) != theirs.get(key)]
    for key, mine, other in differences[:10]:
        print(f"equity_duckdb: {key} differs: pathways {mine}, duckdb {other}", file=sys.stderr)
    print(f"duckdb_equity_ms median {statistics.median(times) * 1000:.1f} min {min(times) * 1000:.1f} "
          f"groups {len(theirs)} differences {len(differences)}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
