//! Untrusted input end to end, without a database: each function takes arbitrary bytes as
//! an upload or a request body could carry them and runs the reading and checking code the
//! product runs on them. None may panic. The fuzz targets in `fuzz/` call these, and the
//! tests replay every input that once made one fail (`fuzz/regressions/`).

use std::sync::OnceLock;

use time::OffsetDateTime;

use crate::explore::store::{Corpus, OccupationRecord};
use crate::explore::{ExploreIndex, Query};
use crate::i18n::Lang;
use crate::insights::labor::{self, KnownSocs};
use crate::oneroster::input::Source;
use crate::oneroster::report::Report;
use crate::oneroster::{plan, write};

/// A harness: arbitrary bytes in, no panic out.
pub type Harness = fn(&[u8]);

/// Every harness by the name of its fuzz target.
pub const HARNESSES: [(&str, Harness); 4] =
    [("oneroster_set", oneroster_set), ("labor_demand", labor_demand), ("plan_file", plan_file), ("matcher", matcher)];

/// A OneRoster set, its files (in `plan::SET_FILES` order) split at 0xFF bytes: read,
/// checked and mapped to rows, as a dry-run import does.
pub fn oneroster_set(data: &[u8]) {
    let files = data.split(|b| *b == 0xFF).zip(plan::SET_FILES).map(|(bytes, name)| (name.to_string(), bytes.to_vec()));
    let Ok(source) = Source::in_memory("fuzz", files.collect()) else { return };
    let mut report = Report::new("fuzz".into());
    let Ok(Some(manifest)) = plan::read_manifest(&source, &mut report) else { return };
    let known = write::Known::default();
    let _ = crate::oneroster::read_and_plan(
        &source,
        &manifest,
        &known,
        &mut report,
        OffsetDateTime::UNIX_EPOCH,
        &mut |_| {},
    );
    let _ = report.to_text();
}

/// A regional labor-demand file, read and checked.
pub fn labor_demand(data: &[u8]) {
    let Ok(source) = Source::in_memory("fuzz", vec![(labor::FILE.to_string(), data.to_vec())]) else { return };
    let socs = KnownSocs::from_codes(&["29-0000", "29-1100"], &["29-0000", "29-1100", "29-1141", "15-1252"]);
    let mut report = Report::new("fuzz".into());
    let _ = labor::read(&source, &socs, &mut report);
    let _ = report.to_text();
}

/// A plan file as a student or counselor uploads it.
pub fn plan_file(data: &[u8]) {
    if let Ok(file) = crate::plans::portable::parse(data) {
        let _ = serde_json::to_vec(&file);
    }
}

/// What a student types into Explore, in both languages and both reading levels.
pub fn matcher(data: &[u8]) {
    // Request bodies and query strings reach the matcher as UTF-8 text.
    let Ok(text) = std::str::from_utf8(data) else { return };
    static INDEX: OnceLock<ExploreIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| ExploreIndex::build(&sample_corpus()).expect("the sample corpus indexes"));
    for lang in [Lang::En, Lang::Es] {
        let mut query = Query::new(text, lang);
        let _ = index.match_text(&query);
        query.plain = true;
        let _ = index.match_text(&query);
    }
}

/// A small catalog: two clusters, three occupations, their interests.
fn sample_corpus() -> Corpus {
    let occupation = |code: &str, title: &str, description: &str, riasec: [f64; 6]| OccupationRecord {
        code: code.into(),
        soc_code: code[..7].into(),
        title: title.into(),
        description: description.into(),
        job_zone: Some(3),
        realistic: Some(riasec[0]),
        investigative: Some(riasec[1]),
        artistic: Some(riasec[2]),
        social: Some(riasec[3]),
        enterprising: Some(riasec[4]),
        conventional: Some(riasec[5]),
    };
    let pairs = |items: &[(&str, &str)]| items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    let triples = |items: &[(&str, &str, &str)]| {
        items.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect()
    };
    Corpus {
        occupations: vec![
            occupation(
                "29-1141.00",
                "Registered Nurses",
                "Care for patients and their families.",
                [2.0, 4.0, 2.0, 6.5, 3.0, 3.5],
            ),
            occupation(
                "21-1021.00",
                "Child, Family, and School Social Workers",
                "Help children and families in need.",
                [1.0, 3.0, 2.5, 7.0, 3.5, 3.0],
            ),
            occupation(
                "49-3023.00",
                "Automotive Service Technicians",
                "Repair cars, trucks and their engines.",
                [7.0, 4.0, 1.5, 2.0, 2.5, 3.0],
            ),
        ],
        titles: pairs(&[("29-1141.00", "Nurse"), ("49-3023.00", "Mechanic")]),
        tasks: pairs(&[("29-1141.00", "Give medicine to patients."), ("49-3023.00", "Fix brakes and engines.")]),
        subclusters: triples(&[
            ("physical-health", "healthcare-human-services", "Physical Health"),
            ("human-services", "healthcare-human-services", "Human Services"),
            ("automotive", "advanced-manufacturing", "Automotive"),
        ]),
        clusters: pairs(&[
            ("healthcare-human-services", "Healthcare & Human Services"),
            ("advanced-manufacturing", "Advanced Manufacturing"),
        ]),
        subcluster_socs: pairs(&[
            ("physical-health", "29-1141"),
            ("human-services", "21-1021"),
            ("automotive", "49-3023"),
        ]),
        activities: triples(&[("Social", "Basic", "Help people"), ("Realistic", "Basic", "Fix machines")]),
        basic_interest_areas: pairs(&[("Health Care Services", "S"), ("Mechanics", "R")]),
        illustrative_occupations: pairs(&[("Social", "29-1141.00")]),
        keywords: pairs(&[("S", "helping"), ("R", "hands-on")]),
        profiler_items: pairs(&[("S", "Help people with personal problems"), ("R", "Repair cars")]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every seed, and every input a fuzzer once failed on, for each harness.
    #[test]
    fn seeds_and_past_failures_pass_through_every_harness() {
        let mut replayed = 0;
        for (name, harness) in HARNESSES {
            for folder in ["seeds", "regressions"] {
                let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(folder).join(name);
                for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                    harness(&std::fs::read(entry.path()).unwrap());
                    replayed += 1;
                }
            }
        }
        assert!(replayed >= 4, "the seeds are where the fuzzers keep them");
    }

    #[test]
    fn the_harnesses_take_ordinary_and_odd_input() {
        for input in
            [&b""[..], b"\xff\xff", b"\xef\xbb\xbfsourcedId,name\r\n", b"I like helping people", b"{\"format\":1}"]
        {
            oneroster_set(input);
            labor_demand(input);
            plan_file(input);
            matcher(input);
        }
    }
}
