//! Partners and work-based learning: the regional registry of employers, colleges and
//! nonprofits with each district's vetting of them; the opportunities they offer (speakers,
//! field trips, job shadows, internships, apprenticeships, dual enrollment…); students'
//! applications, ranked by their plan's interests, with seats that are never over-filled;
//! the school's approval, a guardian's consent, hours with their approvals under the
//! district's limits, and supervisors' evaluations that become evidence on the plan.

pub mod applications;
pub mod commitments;
pub mod contacts;
pub mod demo;
pub mod exports;
pub mod hours;
pub mod interactions;
pub mod limits;
pub mod matching;
pub mod model;
pub mod pages;
pub mod plan;
pub mod registry;
pub mod store;
