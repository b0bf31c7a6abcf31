//! Names of groupings, clusters and sub-clusters in the visitor's language. English names
//! are the canonical ones from the framework data; Spanish ones live in
//! `locales/es/catalog.ftl`, keyed by id, and fall back to English when missing.

use crate::i18n::Lang;

/// The kinds of framework entries that have translated names.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Grouping,
    Cluster,
    Subcluster,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Grouping => "grouping",
            Kind::Cluster => "cluster",
            Kind::Subcluster => "subcluster",
        }
    }
}

/// The name of `id` in `lang`, `english` being the canonical name.
pub fn name(lang: Lang, kind: Kind, id: &str, english: &str) -> String {
    match lang {
        Lang::En => english.to_string(),
        _ => lang.try_t(&format!("{}-{id}", kind.prefix())).unwrap_or_else(|| english.to_string()),
    }
}

/// A cluster's description in `lang`, falling back to the English one.
pub fn cluster_description(lang: Lang, id: &str, english: &str) -> String {
    match lang {
        Lang::En => english.to_string(),
        _ => lang.try_t(&format!("cluster-{id}-description")).unwrap_or_else(|| english.to_string()),
    }
}

/// The Spanish name when it exists, for API responses that carry both languages.
pub fn spanish(kind: Kind, id: &str) -> Option<String> {
    Lang::Es.try_t(&format!("{}-{id}", kind.prefix()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_names_come_from_the_locale_file_and_english_from_the_data() {
        assert_eq!(name(Lang::Es, Kind::Cluster, "agriculture", "Agriculture"), "Agricultura");
        assert_eq!(name(Lang::En, Kind::Cluster, "agriculture", "Agriculture (data)"), "Agriculture (data)");
        assert_eq!(name(Lang::Es, Kind::Subcluster, "no-such-id", "Fallback"), "Fallback");
    }
}

/// A term from the data (an education level, a legacy relationship, ...) in `lang`:
/// looked up as `PREFIX-slug-of-the-english-term`, else shown as it is.
pub fn term(lang: Lang, prefix: &str, english: &str) -> String {
    lang.try_t(&format!("{prefix}-{}", slug(english))).unwrap_or_else(|| english.to_string())
}

/// Typical education to start: the BLS typical entry-level education, else the level most
/// workers report to O*NET.
pub fn education(lang: Lang, category: Option<i64>, bls: Option<&str>) -> Option<String> {
    match (bls, category) {
        (Some(bls), _) => Some(term(lang, "bls-education", bls)),
        (None, Some(category)) => Some(onet_education(lang, category)),
        (None, None) => None,
    }
}

/// An O*NET required-level-of-education category in `lang`.
pub fn onet_education(lang: Lang, category: i64) -> String {
    lang.t(&format!("education-level-{category}"))
}

/// A Career Ready Practice in `lang`; the English statement is the published one.
pub fn practice(lang: Lang, version: &str, code: &str, english: &str) -> String {
    match lang {
        Lang::En => english.to_string(),
        _ => lang.try_t(&format!("practice-{version}-{code}")).unwrap_or_else(|| english.to_string()),
    }
}

/// A category, skill or sub-skill of the Employability Skills Framework in `lang`.
pub fn skill(lang: Lang, english: &str) -> String {
    match lang {
        Lang::En => english.to_string(),
        _ => term(lang, "skill", english),
    }
}

/// Lower-case ASCII letters and digits joined by single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod term_tests {
    use super::*;

    #[test]
    fn slugs_are_stable_keys() {
        assert_eq!(slug("Bachelor's degree"), "bachelor-s-degree");
        assert_eq!(slug("partial (natural-resources portion)"), "partial-natural-resources-portion");
    }

    #[test]
    fn education_prefers_the_entry_level_of_bls() {
        assert_eq!(
            education(Lang::En, Some(6), Some("High school diploma or equivalent")).as_deref(),
            Some("High school diploma or equivalent")
        );
        assert_eq!(education(Lang::En, Some(6), None).as_deref(), Some("Bachelor's degree"));
        assert_eq!(
            education(Lang::Es, None, Some("Bachelor's degree")).as_deref(),
            Some("Licenciatura (título universitario de cuatro años)")
        );
        assert_eq!(education(Lang::Es, None, Some("Something new")).as_deref(), Some("Something new"));
    }
}
