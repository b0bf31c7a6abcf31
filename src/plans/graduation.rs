//! Graduation rules: the credits a district requires in each subject area and in all, and
//! the check of a student's course plan against them. Credits are kept in hundredths (a
//! semester course is 50) so half and quarter credits add up exactly.

use std::collections::BTreeMap;

use crate::db::Db;
use crate::i18n::Lang;
use crate::ids::DistrictId;
use crate::with_pool;

/// The subject areas graduation rules count credits in, in the order pages list them.
pub const AREAS: [&str; 9] =
    ["english", "math", "science", "social_studies", "arts", "world_language", "health_pe", "cte", "elective"];

/// The key of the rule on all credits together.
pub const TOTAL: &str = "total";

/// What a district requires when it has set nothing: a common 24-credit diploma.
pub const DEFAULT_RULES: [(&str, i64); 9] = [
    ("english", 400),
    ("math", 300),
    ("science", 300),
    ("social_studies", 300),
    ("arts", 100),
    ("world_language", 200),
    ("health_pe", 200),
    ("cte", 100),
    (TOTAL, 2400),
];

/// The first grade whose courses earn high school credit.
pub const FIRST_CREDIT_GRADE: i64 = 9;

/// Words of a course's subject that name its area; career and technical courses first, so
/// "Computer Science" and "Health Science" are not read as science or health.
const AREA_WORDS: [(&str, &[&str]); 8] = [
    (
        "cte",
        &[
            "computer",
            "automotive",
            "culinary",
            "business",
            "marketing",
            "agriculture",
            "agricultural",
            "technology",
            "engineering",
            "welding",
            "construction",
            "cte",
            "career",
            "health science",
            "nursing",
            "finance",
        ],
    ),
    ("health_pe", &["physical education", "pe", "health", "fitness", "educación física", "salud"]),
    ("english", &["english", "ela", "language arts", "literature", "writing", "inglés", "lengua"]),
    ("math", &["math", "mathematics", "algebra", "geometry", "calculus", "statistics", "matemáticas"]),
    ("science", &["science", "biology", "chemistry", "physics", "ciencias", "biología", "química", "física"]),
    (
        "social_studies",
        &[
            "social studies",
            "history",
            "government",
            "civics",
            "economics",
            "geography",
            "historia",
            "estudios sociales",
        ],
    ),
    (
        "arts",
        &[
            "art",
            "arts",
            "music",
            "band",
            "choir",
            "orchestra",
            "theater",
            "theatre",
            "drama",
            "dance",
            "arte",
            "música",
        ],
    ),
    (
        "world_language",
        &["spanish", "french", "german", "chinese", "japanese", "latin", "asl", "world language", "español", "francés"],
    ),
];

/// The area a course's subject falls in (electives when no word names one).
pub fn area_of_subject(subject: &str) -> &'static str {
    let words: Vec<String> = subject
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let phrase = words.join(" ");
    let names = |word: &str| match word.contains(' ') {
        true => format!(" {phrase} ").contains(&format!(" {word} ")),
        false => words.iter().any(|w| w == word),
    };
    AREA_WORDS.iter().find(|(_, list)| list.iter().any(|w| names(w))).map_or("elective", |(area, _)| area)
}

/// Whether `text` is an area of [`AREAS`] (or the total).
pub fn is_area(text: &str) -> bool {
    text == TOTAL || AREAS.contains(&text)
}

/// The credits required in each area, and in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    pub required: BTreeMap<String, i64>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules { required: DEFAULT_RULES.iter().map(|(area, credits)| (area.to_string(), *credits)).collect() }
    }
}

impl Rules {
    pub fn of(&self, area: &str) -> i64 {
        self.required.get(area).copied().unwrap_or(0)
    }

    pub fn total(&self) -> i64 {
        self.of(TOTAL)
    }
}

/// The district's rules; the defaults when it set none.
pub async fn rules(db: &Db, district: DistrictId) -> Result<Rules, sqlx::Error> {
    const SQL: &str = "SELECT area, credits FROM graduation_rules WHERE district_id = $1";
    let rows: Vec<(String, i64)> = with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_all(pool).await)?;
    Ok(match rows.is_empty() {
        true => Rules::default(),
        false => Rules { required: rows.into_iter().collect() },
    })
}

/// Replaces the district's rules in one transaction.
pub async fn save_rules(db: &Db, district: DistrictId, rules: &Rules) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM graduation_rules WHERE district_id = $1").bind(district).execute(&mut *tx).await?;
        for (area, credits) in &rules.required {
            sqlx::query("INSERT INTO graduation_rules (district_id, area, credits) VALUES ($1, $2, $3)")
                .bind(district).bind(area).bind(credits).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// A course of the plan as the credit check sees it.
#[derive(Clone, Debug)]
pub struct Credit<'a> {
    pub area: &'a str,
    pub credits: i64,
    pub grade: i64,
    pub status: &'a str,
}

/// Credits in one area: required, earned (completed) and on the plan (earned, in progress
/// and planned).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaCredits {
    pub area: &'static str,
    pub required: i64,
    pub earned: i64,
    pub planned: i64,
}

impl AreaCredits {
    /// Credits still to place in the plan to meet the rule.
    pub fn missing(&self) -> i64 {
        (self.required - self.planned).max(0)
    }
}

/// A student who earned fewer credits than the pace to graduate in four years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Behind {
    pub grade: i64,
    pub earned: i64,
    pub expected: i64,
}

/// A course plan checked against the rules.
#[derive(Clone, Debug)]
pub struct CreditCheck {
    pub areas: Vec<AreaCredits>,
    pub total: AreaCredits,
    pub behind: Option<Behind>,
}

/// Credits earned by the start of `grade` to be on pace: a quarter of the total per year
/// of high school behind the student.
pub fn expected_by(grade: i64, total: i64) -> i64 {
    total * (grade - FIRST_CREDIT_GRADE).clamp(0, 4) / 4
}

impl CreditCheck {
    /// Checks the courses of a student now in `grade`; only high school grades earn credit,
    /// and a course not passed earns none.
    pub fn new(rules: &Rules, courses: &[Credit], grade: Option<i64>) -> Self {
        let sum = |area: Option<&str>, counts: &dyn Fn(&str) -> bool| -> i64 {
            courses
                .iter()
                .filter(|c| c.grade >= FIRST_CREDIT_GRADE && counts(c.status))
                .filter(|c| area.is_none_or(|a| c.area == a))
                .map(|c| c.credits)
                .sum()
        };
        let earned = |s: &str| s == "completed";
        let planned = |s: &str| s != "not_passed";
        let areas = AREAS
            .iter()
            .map(|area| AreaCredits {
                area,
                required: rules.of(area),
                earned: sum(Some(area), &earned),
                planned: sum(Some(area), &planned),
            })
            .filter(|a| a.required > 0 || a.planned > 0)
            .collect();
        let total = AreaCredits {
            area: TOTAL,
            required: rules.total(),
            earned: sum(None, &earned),
            planned: sum(None, &planned),
        };
        let behind = grade.filter(|g| *g > FIRST_CREDIT_GRADE).and_then(|grade| {
            let expected = expected_by(grade, total.required);
            (total.earned < expected).then_some(Behind { grade, earned: total.earned, expected })
        });
        CreditCheck { areas, total, behind }
    }

    /// The areas (and the total) the plan does not yet hold enough credits for.
    pub fn short(&self) -> impl Iterator<Item = &AreaCredits> {
        self.areas.iter().chain([&self.total]).filter(|a| a.missing() > 0)
    }

    /// Off track: behind the pace, or a senior whose plan does not reach a rule (earlier
    /// grades still have time to plan).
    pub fn off_track(&self, grade: Option<i64>) -> bool {
        self.behind.is_some() || (grade == Some(12) && self.short().next().is_some())
    }
}

/// Credits in hundredths as people write them: "4", "1.5", "0.25".
pub fn credits_text(hundredths: i64) -> String {
    let whole = hundredths / 100;
    match hundredths % 100 {
        0 => whole.to_string(),
        part if part % 10 == 0 => format!("{whole}.{}", part / 10),
        part => format!("{whole}.{part:02}"),
    }
}

/// Credits as a reader of `lang` writes them ("1,5" in Spanish).
pub fn credits_in(lang: Lang, hundredths: i64) -> String {
    let text = credits_text(hundredths);
    if lang == Lang::Es { text.replace('.', ",") } else { text }
}

/// Credits as typed ("4", "1.5", "0,5"), in hundredths; none when not a number of credits
/// from 0 to 99.99 with at most two decimals.
pub fn parse_credits(text: &str) -> Option<i64> {
    let text = text.trim().replace(',', ".");
    let (whole, part) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() && part.is_empty()
        || part.len() > 2
        || !whole.chars().chain(part.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let part: i64 = if part.is_empty() { 0 } else { format!("{part:0<2}").parse().ok()? };
    (whole < 100).then_some(whole * 100 + part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_fall_in_areas() {
        for (subject, area) in [
            ("English", "english"),
            ("Mathematics", "math"),
            ("Science", "science"),
            ("Computer Science", "cte"),
            ("Health Science", "cte"),
            ("Health and Physical Education", "health_pe"),
            ("Culinary Arts", "cte"),
            ("Art", "arts"),
            ("Spanish", "world_language"),
            ("Social Studies", "social_studies"),
            ("U.S. History", "social_studies"),
            ("Matemáticas", "math"),
            ("Yearbook", "elective"),
            ("", "elective"),
        ] {
            assert_eq!(area_of_subject(subject), area, "{subject}");
        }
    }

    #[test]
    fn credits_read_and_write_as_people_type_them() {
        assert_eq!(parse_credits("4"), Some(400));
        assert_eq!(parse_credits("1.5"), Some(150));
        assert_eq!(parse_credits("0,25"), Some(25));
        assert_eq!(parse_credits(".5"), Some(50));
        for bad in ["", "-1", "1.234", "abc", "100", "1e3", "."] {
            assert_eq!(parse_credits(bad), None, "{bad}");
        }
        assert_eq!(credits_text(400), "4");
        assert_eq!(credits_text(150), "1.5");
        assert_eq!(credits_text(25), "0.25");
    }

    fn course(area: &'static str, grade: i64, status: &'static str) -> Credit<'static> {
        Credit { area, credits: 100, grade, status }
    }

    #[test]
    fn a_full_plan_on_pace_is_on_track() {
        let rules = Rules { required: [("english", 400), (TOTAL, 400)].map(|(a, c)| (a.to_string(), c)).into() };
        let courses = [
            course("english", 9, "completed"),
            course("english", 10, "in_progress"),
            course("english", 11, "planned"),
            course("english", 12, "planned"),
            course("english", 8, "completed"),
        ];
        let check = CreditCheck::new(&rules, &courses, Some(10));
        assert_eq!(check.total, AreaCredits { area: TOTAL, required: 400, earned: 100, planned: 400 });
        assert_eq!(check.behind, None);
        assert!(!check.off_track(Some(10)));
    }

    #[test]
    fn a_course_not_passed_puts_a_student_behind_and_short() {
        let rules = Rules { required: [("english", 400), (TOTAL, 400)].map(|(a, c)| (a.to_string(), c)).into() };
        let courses = [course("english", 9, "not_passed"), course("english", 10, "completed")];
        let check = CreditCheck::new(&rules, &courses, Some(11));
        assert_eq!(check.behind, Some(Behind { grade: 11, earned: 100, expected: 200 }));
        let short: Vec<_> = check.short().map(|a| (a.area, a.missing())).collect();
        assert_eq!(short, [("english", 300), (TOTAL, 300)]);
        assert!(check.off_track(Some(11)));
        // A middle schooler or a ninth grader with nothing planned yet is not off track; a
        // senior whose plan misses a rule is.
        assert!(!CreditCheck::new(&rules, &[], Some(7)).off_track(Some(7)));
        assert!(!CreditCheck::new(&rules, &[], Some(9)).off_track(Some(9)));
        let senior = [9, 10, 11].map(|g| course("english", g, "completed"));
        assert!(CreditCheck::new(&rules, &senior, Some(12)).off_track(Some(12)));
    }
}
