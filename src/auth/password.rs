//! Passwords: argon2id hashes, and the NIST SP 800-63B rules (at least 8 characters, no
//! composition rules, no common passwords).

use std::collections::HashSet;
use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub const MIN_LENGTH: usize = 8;
pub const MAX_LENGTH: usize = 128;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Why a new password is refused; each names the message key for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weakness {
    #[error("a password needs at least {MIN_LENGTH} characters")]
    TooShort,
    #[error("a password may have at most {MAX_LENGTH} characters")]
    TooLong,
    #[error("this password is one of the most common ones; choose another")]
    Common,
    #[error("the password may not be your email address")]
    IsEmail,
}

impl Weakness {
    pub fn message_key(self) -> &'static str {
        match self {
            Weakness::TooShort => "password-too-short",
            Weakness::TooLong => "password-too-long",
            Weakness::Common => "password-common",
            Weakness::IsEmail => "password-is-email",
        }
    }
}

/// Checks a new password against the rules.
pub fn check_new(password: &str, email: Option<&str>) -> Result<(), Weakness> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(Weakness::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(Weakness::TooLong);
    }
    let lower = password.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return Err(Weakness::Common);
    }
    if let Some(email) = email {
        let email = email.to_lowercase();
        if lower == email || Some(lower.as_str()) == email.split('@').next() {
            return Err(Weakness::IsEmail);
        }
    }
    Ok(())
}

/// An argon2id hash (PHC string) of `password` with a fresh salt.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 with default parameters").to_string()
}

/// True when `password` matches `phc`; false for a malformed hash.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Spends about as long as a verification, so a missing account is not told apart by timing.
pub fn verify_nothing(password: &str) {
    static DUMMY: LazyLock<String> = LazyLock::new(|| hash("not a real password of anyone"));
    let _ = verify(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_per_salt() {
        let (a, b) = (hash("correct horse battery"), hash("correct horse battery"));
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &a));
        assert!(!verify("wrong", &a));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn nist_rules_length_and_common_passwords_only() {
        assert_eq!(check_new("short", None), Err(Weakness::TooShort));
        assert_eq!(check_new("Password1", None), Err(Weakness::Common));
        assert_eq!(check_new(&"x".repeat(129), None), Err(Weakness::TooLong));
        assert_eq!(check_new("maria.lopez", Some("Maria.Lopez@school.test")), Err(Weakness::IsEmail));
        assert_eq!(check_new("all lower case words", None), Ok(()), "no composition rules");
        assert_eq!(check_new("ñandú-ñandú", None), Ok(()), "any characters count");
    }
}
