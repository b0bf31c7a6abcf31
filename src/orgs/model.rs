//! People and organizations as the rest of the app sees them.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::ids::{DistrictId, SchoolId, UserId};

/// What a person is in Pathways; relationships then decide what they may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Student,
    Guardian,
    Teacher,
    Counselor,
    Partner,
    SchoolAdmin,
    DistrictAdmin,
    InstanceAdmin,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Student,
        Role::Guardian,
        Role::Teacher,
        Role::Counselor,
        Role::Partner,
        Role::SchoolAdmin,
        Role::DistrictAdmin,
        Role::InstanceAdmin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::Guardian => "guardian",
            Role::Teacher => "teacher",
            Role::Counselor => "counselor",
            Role::Partner => "partner",
            Role::SchoolAdmin => "school_admin",
            Role::DistrictAdmin => "district_admin",
            Role::InstanceAdmin => "instance_admin",
        }
    }

    /// Staff who work with students' records.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Teacher | Role::Counselor | Role::SchoolAdmin | Role::DistrictAdmin | Role::InstanceAdmin)
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| format!("unknown role {s:?}"))
    }
}

impl TryFrom<String> for Role {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A signed-in person: who they are and where they belong.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct User {
    pub id: UserId,
    pub district_id: Option<DistrictId>,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub school_id: Option<SchoolId>,
    pub grade: Option<i64>,
}

impl User {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_text() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
        }
        assert!("principal".parse::<Role>().is_err());
    }
}
