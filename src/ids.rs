//! Typed identifiers: a `UserId` can never be passed where a `DistrictId` is expected.
//! Stored as UUIDs (BLOB in SQLite, UUID in PostgreSQL).

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::Type, serde::Serialize, serde::Deserialize)]
        #[sqlx(transparent)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new random id.
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// The id named by `key` within `namespace`: the same on every run.
            pub fn derived(namespace: &Uuid, key: &str) -> Self {
                Self(Uuid::new_v5(namespace, key.as_bytes()))
            }

            pub fn uuid(&self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )+};
}

id_type!(
    /// A school district (the tenant: every row of people data carries one).
    DistrictId,
    SchoolId,
    UserId,
    CourseId,
    ClassId,
    PartnerOrganizationId,
    /// A district's OpenID Connect provider.
    IdentityProviderId,
    ApiTokenId,
    PlanInterestId,
    PlanActivityId,
    PlanGoalId,
    PlanNoteId,
    PlanReflectionId,
    PlanStepId,
    PlanCourseId,
    TemplateElementId,
    /// A lesson or a shared practice of the library.
    LessonId,
    LessonCommentId,
    /// A lesson taught to a class on a day.
    TeachingId,
    ExposureId,
    /// A teacher's request for a guest speaker.
    SpeakerRequestId,
    /// A professional learning community.
    PlcId,
    PlcPostId,
    PlcCardId,
    /// A record that a partner's background check, insurance or agreement is current.
    VettingId,
    /// Something a partner offers students: a job shadow, an internship, a field trip…
    OpportunityId,
    /// A student's application to an opportunity, and the placement it becomes.
    ApplicationId,
    ApplicationEventId,
    /// Hours a student worked on one day of a placement.
    HourEntryId,
    HourEntryChangeId,
    /// A supervisor's evaluation of a placed student.
    EvaluationId,
    /// A district's contact person at a partner.
    PartnerContactId,
    /// A call, meeting or visit with a partner, in the district's log.
    PartnerInteractionId,
    /// A district's program of study: courses in sequence toward a sub-cluster.
    ProgramId,
    /// A professional development session for staff.
    PdSessionId,
);
