//! District plan templates: what each grade's plan must hold. The district sets *what* is
//! required (two goals, one work-based learning experience); the student chooses *how*
//! among the element's options (an internship or a job shadow). Presets follow Washington's
//! High School and Beyond Plan, Colorado's ICAP and Kansas's Individual Plan of Study; a
//! district starts from one and changes it. A district that set nothing has the standard one.

use time::OffsetDateTime;

use crate::db::Db;
use crate::ids::{DistrictId, TemplateElementId, UserId};
use crate::with_pool;

/// What an element asks the plan to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Career interests chosen (clusters, sub-clusters, occupations).
    Interests,
    /// Goals, of the kinds in the options (any kind when none).
    Goals,
    /// Activities, of the kinds in the options: the student picks which.
    Activities,
    Reflections,
    /// Courses placed in this grade or later.
    Courses,
    /// A course plan that reaches every graduation rule.
    Graduation,
    /// A path after high school chosen.
    Postsecondary,
    /// This school year's sign-offs by the roles in the options.
    Signoff,
    /// Meetings with a counselor this school year.
    Meeting,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Interests,
        Kind::Goals,
        Kind::Activities,
        Kind::Reflections,
        Kind::Courses,
        Kind::Graduation,
        Kind::Postsecondary,
        Kind::Signoff,
        Kind::Meeting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Interests => "interests",
            Kind::Goals => "goals",
            Kind::Activities => "activities",
            Kind::Reflections => "reflections",
            Kind::Courses => "courses",
            Kind::Graduation => "graduation",
            Kind::Postsecondary => "postsecondary",
            Kind::Signoff => "signoff",
            Kind::Meeting => "meeting",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The options an element of this kind may list.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            Kind::Goals => &super::store::GOAL_KINDS,
            Kind::Activities => &super::activities::KINDS,
            Kind::Signoff => &SIGNERS,
            _ => &[],
        }
    }

    /// Whether the element is met once (a yes or no) rather than a number of times.
    pub fn once(self) -> bool {
        matches!(self, Kind::Graduation | Kind::Postsecondary | Kind::Signoff)
    }
}

pub const SIGNERS: [&str; 3] = ["student", "guardian", "counselor"];

/// One required element of a grade's plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub id: Option<TemplateElementId>,
    pub grade: i64,
    pub kind: Kind,
    pub count: i64,
    /// The choices that meet it (activity or goal kinds, signer roles); empty: any.
    pub options: Vec<String>,
}

impl Element {
    /// How many the plan must hold: the count, or every signer listed.
    pub fn needed(&self) -> i64 {
        match self.kind {
            Kind::Signoff => self.signers().len() as i64,
            kind if kind.once() => 1,
            _ => self.count,
        }
    }

    /// The roles whose sign-off a sign-off element needs.
    pub fn signers(&self) -> Vec<&str> {
        match self.options.is_empty() {
            true => SIGNERS.to_vec(),
            false => self.options.iter().map(String::as_str).collect(),
        }
    }

    pub fn kind_str(&self) -> &'static str {
        self.kind.as_str()
    }
}

/// The presets a district starts from.
pub const PRESETS: [&str; 4] = ["standard", "wa-hsbp", "co-icap", "ks-ips"];

/// (grade, kind, count, options) rows of a preset.
type Spec = &'static [(i64, Kind, i64, &'static [&'static str])];

const ANY_ACTIVITY: &[&str] = &["club", "sport", "arts", "volunteer", "job", "other"];
const WORK_BASED: &[&str] = &["job_shadow", "internship", "apprenticeship", "job"];
const FAMILY: &[&str] = &["student", "guardian"];
const EVERYONE: &[&str] = &[];

const STANDARD: Spec = &[
    (6, Kind::Interests, 1, &[]),
    (6, Kind::Reflections, 1, &[]),
    (7, Kind::Interests, 1, &[]),
    (7, Kind::Goals, 1, &[]),
    (7, Kind::Reflections, 1, &[]),
    (8, Kind::Interests, 2, &[]),
    (8, Kind::Goals, 2, &[]),
    (8, Kind::Courses, 6, &[]),
    (8, Kind::Signoff, 1, FAMILY),
    (9, Kind::Interests, 2, &[]),
    (9, Kind::Goals, 2, &["academic", "career"]),
    (9, Kind::Graduation, 1, &[]),
    (9, Kind::Activities, 1, ANY_ACTIVITY),
    (9, Kind::Meeting, 1, &[]),
    (9, Kind::Signoff, 1, EVERYONE),
    (10, Kind::Goals, 2, &["academic", "career"]),
    (10, Kind::Graduation, 1, &[]),
    (10, Kind::Activities, 2, &[]),
    (10, Kind::Reflections, 2, &[]),
    (10, Kind::Signoff, 1, EVERYONE),
    (11, Kind::Graduation, 1, &[]),
    (11, Kind::Activities, 1, WORK_BASED),
    (11, Kind::Postsecondary, 1, &[]),
    (11, Kind::Meeting, 1, &[]),
    (11, Kind::Signoff, 1, EVERYONE),
    (12, Kind::Graduation, 1, &[]),
    (12, Kind::Activities, 1, WORK_BASED),
    (12, Kind::Postsecondary, 1, &[]),
    (12, Kind::Reflections, 3, &[]),
    (12, Kind::Meeting, 2, &[]),
    (12, Kind::Signoff, 1, EVERYONE),
];

/// Washington's High School and Beyond Plan: begun by grade 7 or 8 with an interest
/// inventory, career and educational goals and a four-year course plan, updated every year,
/// with a postsecondary plan and a resume or activity list by grade 12.
const WA_HSBP: Spec = &[
    (7, Kind::Interests, 1, &[]),
    (8, Kind::Interests, 1, &[]),
    (8, Kind::Goals, 1, &["career"]),
    (8, Kind::Goals, 1, &["academic"]),
    (8, Kind::Graduation, 1, &[]),
    (9, Kind::Goals, 2, &["academic", "career"]),
    (9, Kind::Graduation, 1, &[]),
    (9, Kind::Signoff, 1, FAMILY),
    (10, Kind::Goals, 2, &["academic", "career"]),
    (10, Kind::Graduation, 1, &[]),
    (10, Kind::Activities, 1, &[]),
    (10, Kind::Signoff, 1, FAMILY),
    (11, Kind::Graduation, 1, &[]),
    (11, Kind::Activities, 2, &[]),
    (11, Kind::Postsecondary, 1, &[]),
    (11, Kind::Signoff, 1, FAMILY),
    (12, Kind::Graduation, 1, &[]),
    (12, Kind::Activities, 3, &[]),
    (12, Kind::Postsecondary, 1, &[]),
    (12, Kind::Signoff, 1, EVERYONE),
];

/// Colorado's Individual Career and Academic Plan: from grade 9, career and academic goals,
/// an interest survey, academic planning, work-based learning and postsecondary planning,
/// reviewed each year with a counselor.
const CO_ICAP: Spec = &[
    (9, Kind::Interests, 1, &[]),
    (9, Kind::Goals, 1, &["academic"]),
    (9, Kind::Goals, 1, &["career"]),
    (9, Kind::Graduation, 1, &[]),
    (9, Kind::Meeting, 1, &[]),
    (10, Kind::Interests, 2, &[]),
    (10, Kind::Goals, 2, &[]),
    (10, Kind::Graduation, 1, &[]),
    (10, Kind::Activities, 1, &[]),
    (10, Kind::Reflections, 1, &[]),
    (10, Kind::Meeting, 1, &[]),
    (11, Kind::Goals, 3, &[]),
    (11, Kind::Graduation, 1, &[]),
    (11, Kind::Activities, 1, WORK_BASED),
    (11, Kind::Postsecondary, 1, &[]),
    (11, Kind::Meeting, 1, &[]),
    (12, Kind::Graduation, 1, &[]),
    (12, Kind::Activities, 1, WORK_BASED),
    (12, Kind::Postsecondary, 1, &[]),
    (12, Kind::Reflections, 2, &[]),
    (12, Kind::Signoff, 1, EVERYONE),
];

/// Kansas's Individual Plan of Study: from grade 8, an interest inventory, a career cluster,
/// a course plan and activities, reviewed each year with the family; postsecondary and
/// work-based learning in the last two years.
const KS_IPS: Spec = &[
    (8, Kind::Interests, 1, &[]),
    (8, Kind::Goals, 1, &["career"]),
    (8, Kind::Courses, 6, &[]),
    (8, Kind::Signoff, 1, FAMILY),
    (9, Kind::Interests, 1, &[]),
    (9, Kind::Goals, 2, &[]),
    (9, Kind::Graduation, 1, &[]),
    (9, Kind::Activities, 1, &[]),
    (9, Kind::Signoff, 1, FAMILY),
    (10, Kind::Goals, 2, &[]),
    (10, Kind::Graduation, 1, &[]),
    (10, Kind::Reflections, 1, &[]),
    (10, Kind::Signoff, 1, FAMILY),
    (11, Kind::Graduation, 1, &[]),
    (11, Kind::Activities, 1, WORK_BASED),
    (11, Kind::Postsecondary, 1, &[]),
    (11, Kind::Signoff, 1, FAMILY),
    (12, Kind::Graduation, 1, &[]),
    (12, Kind::Activities, 1, WORK_BASED),
    (12, Kind::Postsecondary, 1, &[]),
    (12, Kind::Signoff, 1, EVERYONE),
];

/// A district's template: its elements by grade, and the preset it started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub preset: String,
    /// Whether the district changed it since it started from the preset.
    pub changed: bool,
    pub elements: Vec<Element>,
}

/// How a changed template's preset is stored: `changed:wa-hsbp`.
const CHANGED: &str = "changed:";

impl Template {
    pub fn preset(name: &str) -> Option<Template> {
        let spec = match name {
            "standard" => STANDARD,
            "wa-hsbp" => WA_HSBP,
            "co-icap" => CO_ICAP,
            "ks-ips" => KS_IPS,
            _ => return None,
        };
        let elements = spec
            .iter()
            .map(|(grade, kind, count, options)| Element {
                id: None,
                grade: *grade,
                kind: *kind,
                count: *count,
                options: options.iter().map(|o| o.to_string()).collect(),
            })
            .collect();
        Some(Template { preset: name.to_string(), changed: false, elements })
    }

    pub fn standard() -> Template {
        Template::preset("standard").unwrap_or(Template {
            preset: "standard".into(),
            changed: false,
            elements: Vec::new(),
        })
    }

    pub fn of_grade(&self, grade: i64) -> impl Iterator<Item = &Element> {
        self.elements.iter().filter(move |e| e.grade == grade)
    }
}

/// The district's template; the standard one when it set none.
pub async fn of_district(db: &Db, district: DistrictId) -> Result<Template, sqlx::Error> {
    type Row = (TemplateElementId, i64, String, i64, String);
    const ELEMENTS: &str = "SELECT id, grade, kind, count, options FROM plan_template_elements
         WHERE district_id = $1 ORDER BY grade, position, id";
    const PRESET: &str = "SELECT preset FROM plan_templates WHERE district_id = $1";
    let (preset, rows): (Option<String>, Vec<Row>) = with_pool!(db, pool => {
        let preset = sqlx::query_scalar(PRESET).bind(district).fetch_optional(pool).await?;
        let rows = sqlx::query_as(ELEMENTS).bind(district).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((preset, rows))
    })?;
    let Some(preset) = preset else { return Ok(Template::standard()) };
    let elements = rows
        .into_iter()
        .filter_map(|(id, grade, kind, count, options)| {
            Some(Element {
                id: Some(id),
                grade,
                kind: Kind::parse(&kind)?,
                count,
                options: options.split(',').filter(|o| !o.is_empty()).map(String::from).collect(),
            })
        })
        .collect();
    let (preset, changed) = match preset.strip_prefix(CHANGED) {
        Some(base) => (base.to_string(), true),
        None => (preset, false),
    };
    Ok(Template { preset, changed, elements })
}

/// Replaces the district's template with `template`, in one transaction.
pub async fn save(
    db: &Db,
    district: DistrictId,
    template: &Template,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const INSERT: &str = "INSERT INTO plan_template_elements (id, district_id, grade, kind, count, options, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    const PRESET: &str =
        "INSERT INTO plan_templates (district_id, preset, updated_at, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (district_id) DO UPDATE SET preset = excluded.preset, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM plan_template_elements WHERE district_id = $1").bind(district).execute(&mut *tx).await?;
        for (position, e) in template.elements.iter().enumerate() {
            sqlx::query(INSERT).bind(e.id.unwrap_or_else(TemplateElementId::random)).bind(district).bind(e.grade)
                .bind(e.kind.as_str()).bind(e.count).bind(e.options.join(",")).bind(position as i64)
                .execute(&mut *tx).await?;
        }
        let preset = if template.changed { format!("{CHANGED}{}", template.preset) } else { template.preset.clone() };
        sqlx::query(PRESET).bind(district).bind(preset).bind(now).bind(actor).execute(&mut *tx).await?;
        tx.commit().await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_list_only_known_options_and_grades() {
        for name in PRESETS {
            let template = Template::preset(name).expect("a preset");
            assert!(!template.elements.is_empty(), "{name}");
            for e in &template.elements {
                assert!((6..=12).contains(&e.grade), "{name}: {e:?}");
                assert!(e.options.iter().all(|o| e.kind.options().contains(&o.as_str())), "{name}: {e:?}");
                assert!(e.needed() >= 1, "{name}: {e:?}");
            }
        }
        assert_eq!(Template::preset("nope"), None);
    }
}
