//! English and Spanish: choosing the language of a request (`?lang=`, then the `lang`
//! cookie, then Accept-Language) and looking up messages in the Fluent files under
//! `locales/`. Numbers are formatted here too, since Fluent leaves grouping to the host.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks would show up in <title> and attribute values.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the interface is available in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The best supported language of an Accept-Language header, if any.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::parse) else {
                continue;
            };
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("language codes are valid identifiers")
    }

    /// The message `key`; a missing key shows the key itself so it is noticed in review.
    pub fn t(self, key: &str) -> String {
        LOCALES.try_lookup(&self.id(), key).unwrap_or_else(|| key.to_string())
    }

    /// The message `key` if it exists.
    pub fn try_t(self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), key)
    }

    /// The message `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Owned(name.to_string()), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(&self.id(), key, &args).unwrap_or_else(|| key.to_string())
    }

    /// Items joined as a sentence lists them: "A, B and C" / "A, B y C".
    pub fn list(self, items: &[String]) -> String {
        let and = match self {
            Lang::En => "and",
            Lang::Es => "y",
        };
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
        }
    }

    /// A whole number with this language's digit grouping (1,016 / 1.016).
    pub fn int(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let separator = match self {
            Lang::En => ',',
            // Spanish style (RAE) groups only numbers of five or more digits.
            Lang::Es if digits.len() <= 4 => return n.to_string(),
            Lang::Es => '.',
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    }

    /// The calendar date of an RFC 3339 timestamp, written out ("25 November 2026",
    /// "25 de noviembre de 2026"); `None` if it does not parse.
    pub fn date(self, timestamp: &str) -> Option<String> {
        let at = time::OffsetDateTime::parse(timestamp, &time::format_description::well_known::Rfc3339).ok()?;
        Some(self.long_date(at))
    }

    /// A calendar day written out ("25 November 2026", "25 de noviembre de 2026").
    pub fn day(self, date: time::Date) -> String {
        self.long_date(date.midnight().assume_utc())
    }

    /// A moment written out with its date and UTC time: "25 November 2026, 19:40 UTC".
    pub fn datetime(self, at: time::OffsetDateTime) -> String {
        let at = at.to_offset(time::UtcOffset::UTC);
        format!("{}, {:02}:{:02} UTC", self.long_date(at), at.hour(), at.minute())
    }

    fn long_date(self, at: time::OffsetDateTime) -> String {
        let month = self.t(&format!("month-{}", u8::from(at.month())));
        self.t_args(
            "date-long",
            &[
                ("day", Arg::Str(at.day().to_string())),
                ("month", Arg::Str(month)),
                ("year", Arg::Str(at.year().to_string())),
            ],
        )
    }

    /// A decimal number with `places` digits after the decimal mark.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let formatted = format!("{:.*}", places, x.abs());
        let (whole, fraction) = formatted.split_once('.').unwrap_or((&formatted, ""));
        let whole = self.int(whole.parse().unwrap_or(0));
        let sign = if x < 0.0 && formatted.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
        let mark = if self == Lang::Es { ',' } else { '.' };
        if fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}{mark}{fraction}") }
    }
}

/// An argument to a message.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl<T: Number> From<T> for Arg {
    fn from(n: T) -> Self {
        Arg::Num(n.value())
    }
}

/// Numbers that messages and templates format, whether passed by value or by reference.
pub trait Number {
    fn value(&self) -> f64;
}

impl<T: Number + ?Sized> Number for &T {
    fn value(&self) -> f64 {
        (**self).value()
    }
}

macro_rules! number {
    ($($t:ty),+) => {$(
        impl Number for $t {
            fn value(&self) -> f64 {
                *self as f64
            }
        }
    )+};
}
number!(i64, i32, u32, u8, usize, f64, f32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality_supported_language() {
        assert_eq!(Lang::from_accept_language("es-MX,es;q=0.9,en;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("fr-FR,fr;q=0.9,en;q=0.5,es;q=0.4"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de, fr"), None);
        assert_eq!(Lang::from_accept_language("es;q=0, en;q=0.1"), Some(Lang::En));
    }

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(Lang::En.int(1016), "1,016");
        assert_eq!(Lang::Es.int(1016), "1016");
        assert_eq!(Lang::Es.int(56560), "56.560");
        assert_eq!(Lang::En.int(-1234567), "-1,234,567");
        assert_eq!(Lang::Es.decimal(3.26, 1), "3,3");
        assert_eq!(Lang::En.decimal(3311.7, 1), "3,311.7");
        assert_eq!(Lang::En.decimal(-2.5, 1), "-2.5");
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        assert_eq!(Lang::En.date("2026-11-25T16:38:04.716473729Z").as_deref(), Some("25 November 2026"));
        assert_eq!(Lang::Es.date("2026-11-25T16:38:04Z").as_deref(), Some("25 de noviembre de 2026"));
        assert_eq!(Lang::En.date("yesterday"), None);
    }

    #[test]
    fn plural_forms_differ_by_language() {
        let args = |n: i64| [("count", Arg::from(n)), ("shown", Arg::from(n.to_string()))];
        assert_eq!(Lang::Es.t_args("occupation-count", &args(1)), "1 ocupación");
        assert_eq!(Lang::Es.t_args("occupation-count", &args(5)), "5 ocupaciones");
        assert_eq!(Lang::En.t_args("occupation-count", &args(1)), "1 occupation");
    }

    fn message_keys(path: &str) -> std::collections::BTreeSet<String> {
        let mut keys = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(path).unwrap() {
            let path = entry.unwrap().path();
            // Catalog names and profiler items exist only in Spanish: English comes from the data.
            if path.file_name().is_some_and(|n| n == "catalog.ftl" || n == "profiler-items.ftl") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for line in text.lines() {
                let starts_key = line.starts_with(|c: char| c.is_ascii_alphabetic());
                if let (true, Some((key, _))) = (starts_key, line.split_once('=')) {
                    keys.insert(key.trim().to_string());
                }
            }
        }
        keys
    }

    #[test]
    fn english_and_spanish_have_the_same_messages() {
        let en = message_keys(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en"));
        let es = message_keys(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/es"));
        let only_en: Vec<_> = en.difference(&es).collect();
        let only_es: Vec<_> = es.difference(&en).collect();
        assert!(only_en.is_empty() && only_es.is_empty(), "only in en: {only_en:?}; only in es: {only_es:?}");
        assert!(en.len() > 50);
    }
}
