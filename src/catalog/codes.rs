//! Validated identifiers of the classification systems the catalog joins on: SOC 2018,
//! O*NET-SOC 2019, CIP 2020 and NAICS sectors. A value of one of these types is always
//! well formed, so handlers and stores never re-check it.

use std::fmt;
use std::str::FromStr;

/// True when `value` has the shape of `pattern`, where `9` stands for any digit and
/// every other character must appear as written.
fn has_shape(value: &str, pattern: &str) -> bool {
    value.len() == pattern.len()
        && value.bytes().zip(pattern.bytes()).all(|(v, p)| if p == b'9' { v.is_ascii_digit() } else { v == p })
}

/// What every code type offers: parsing, ordering, and a description of a valid value.
pub trait Code: FromStr + Ord + std::hash::Hash + Clone + AsRef<str> {
    /// What a valid value looks like, for error messages.
    const EXPECTED: &'static str;
}

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, [$($shape:literal),+], $expected:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Code for $name {
            const EXPECTED: &'static str = $expected;
        }

        impl FromStr for $name {
            type Err = InvalidCode;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                let value = value.trim();
                if [$($shape),+].iter().any(|shape| has_shape(value, shape)) {
                    Ok(Self(value.to_string()))
                } else {
                    Err(InvalidCode { expected: $expected, found: value.to_string() })
                }
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_type!(
    /// A 6-digit SOC 2018 code such as `29-1141`.
    SocCode, ["99-9999"], "a SOC code like 29-1141"
);
code_type!(
    /// An O*NET-SOC 2019 code such as `29-1141.00`; detail codes end in `.01`, `.02`, ...
    OnetCode, ["99-9999.99"], "an O*NET-SOC code like 29-1141.00"
);
code_type!(
    /// A CIP 2020 program code such as `51.3801`.
    CipCode, ["99.9999"], "a CIP code like 51.3801"
);
code_type!(
    /// A 2-digit NAICS sector such as `62`, or a range such as `31-33`.
    NaicsSector, ["99", "99-99"], "a NAICS sector like 62 or 31-33"
);

impl OnetCode {
    /// The SOC 2018 code this O*NET occupation belongs to (`15-1252.01` → `15-1252`).
    pub fn soc(&self) -> SocCode {
        SocCode(self.0[..7].to_string())
    }
}

/// A code that does not have the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}, found {found:?}")]
pub struct InvalidCode {
    pub expected: &'static str,
    pub found: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onet_code_knows_its_soc_code() {
        let code: OnetCode = "15-1252.01".parse().unwrap();
        assert_eq!(code.soc().as_str(), "15-1252");
    }

    #[test]
    fn malformed_codes_are_rejected() {
        assert!("29-1141".parse::<OnetCode>().is_err());
        assert!("29-114".parse::<SocCode>().is_err());
        assert!("2a-1141".parse::<SocCode>().is_err());
        assert!("51.38".parse::<CipCode>().is_err());
        assert!("31-33".parse::<NaicsSector>().is_ok());
        assert!("62".parse::<NaicsSector>().is_ok());
        assert!("6".parse::<NaicsSector>().is_err());
    }

    #[test]
    fn surrounding_space_is_trimmed() {
        assert_eq!(" 29-1141.00 ".parse::<OnetCode>().unwrap().as_str(), "29-1141.00");
    }
}
