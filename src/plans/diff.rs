//! What an edit changed, field by field, in the reader's language: the plan's history shows
//! "Status: In progress → Done" under "changed the goal …".

use serde_json::{Map, Value};

use super::tags::{Choice, Choices};
use crate::i18n::Lang;

/// How long a changed text may be before the history shortens it.
const SHOWN_CHARS: usize = 80;

/// The label key of `field` in `section`, and how its values are named.
fn field(section: &str, field: &str) -> Option<(&'static str, Naming)> {
    Some(match (section, field) {
        ("goal", "title") => ("plan-goal-title", Naming::Text),
        ("goal", "benchmark") => ("plan-goal-benchmark", Naming::Text),
        ("goal", "kind") => ("plan-goal-kind", Naming::Key("goal-kind")),
        ("goal", "status") => ("plan-goal-status", Naming::Key("goal-status")),
        ("goal", "target_date") => ("plan-goal-date", Naming::Text),
        ("activity", "title") => ("plan-activity-title", Naming::Text),
        ("activity", "kind") => ("plan-activity-kind", Naming::Key("activity-kind")),
        ("activity", "organization") => ("plan-activity-organization", Naming::Text),
        ("activity", "description") => ("plan-activity-description", Naming::Text),
        ("activity", "started_on") => ("plan-activity-started", Naming::Text),
        ("activity", "ended_on") => ("plan-activity-ended", Naming::Text),
        ("activity", "hours") => ("plan-activity-hours", Naming::Text),
        ("activity", "clusters") => ("plan-tag-clusters", Naming::Clusters),
        ("activity", "practices") => ("plan-tag-practices", Naming::Practices),
        ("course", "grade") => ("plan-course-grade", Naming::Text),
        ("course", "status") => ("plan-course-status", Naming::Key("course-status")),
        ("postsecondary", "path") => ("plan-postsecondary-path", Naming::Key("postsecondary-path")),
        ("postsecondary", "details") => ("plan-postsecondary-details", Naming::Text),
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Naming {
    Text,
    /// A message `PREFIX-VALUE-name`.
    Key(&'static str),
    Clusters,
    Practices,
}

fn shown(value: &Value, naming: Naming, lang: Lang, choices: &Choices) -> String {
    let named = |list: &[Choice]| {
        let ids: Vec<String> =
            value.as_array().into_iter().flatten().filter_map(|v| v.as_str()).map(String::from).collect();
        Choices::named(list, &ids).into_iter().map(|c| c.name).collect::<Vec<_>>().join("; ")
    };
    let text = match (naming, value) {
        (_, Value::Null) => String::new(),
        (Naming::Clusters, _) => named(&choices.clusters),
        (Naming::Practices, _) => named(&choices.practices),
        (Naming::Key(prefix), Value::String(id)) => lang.t(&format!("{prefix}-{id}-name")),
        (_, Value::String(text)) => text.clone(),
        (_, other) => other.to_string(),
    };
    match text.chars().count() > SHOWN_CHARS {
        true => format!("{}…", text.chars().take(SHOWN_CHARS).collect::<String>()),
        false => text,
    }
}

/// The fields `action` changed between the JSON objects `before` and `after`, one line each.
pub fn lines(action: &str, before: &str, after: &str, lang: Lang, choices: &Choices) -> Vec<String> {
    let section = action.split('_').next().unwrap_or_default();
    let parse = |text: &str| serde_json::from_str::<Map<String, Value>>(text).unwrap_or_default();
    let (before, after) = (parse(before), parse(after));
    let none = lang.t("plan-diff-none");
    let mut lines = Vec::new();
    for (key, new) in &after {
        let old = before.get(key).unwrap_or(&Value::Null);
        let Some((label, naming)) = field(section, key).filter(|_| old != new) else { continue };
        let or_none = |text: String| if text.is_empty() { none.clone() } else { text };
        let (old, new) = (or_none(shown(old, naming, lang, choices)), or_none(shown(new, naming, lang, choices)));
        lines.push(format!("{}: {old} → {new}", lang.t(label)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_listed_with_their_names() {
        let choices = Choices {
            clusters: vec![Choice { id: "education".into(), name: "Education".into() }],
            practices: Vec::new(),
        };
        let before = r#"{"kind":"club","title":"Chess","hours":10,"clusters":[]}"#;
        let after = r#"{"kind":"club","title":"Chess","hours":12,"clusters":["education"]}"#;
        let activity = lines("activity_changed", before, after, Lang::En, &choices);
        assert_eq!(activity, ["Hours in all (optional): 10 → 12", "Clusters it relates to: none → Education"]);
        let goal = lines("goal_changed", r#"{"status":"in_progress"}"#, r#"{"status":"done"}"#, Lang::Es, &choices);
        assert_eq!(goal, ["Estado: En progreso → Lograda"]);
    }
}
