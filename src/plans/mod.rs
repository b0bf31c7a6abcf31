//! Individual learning plans: one per student from grade 6 to 12, tying what they explore to
//! what they do. Career interests point at the framework (cluster and sub-cluster ids, SOC
//! codes); goals have measurable benchmarks and are edited with optimistic concurrency; every
//! change is kept with who made it. Counselors keep meeting notes beside the plan and set next steps with an
//! owner and a due date; the student, a guardian
//! and a counselor sign it off each school year.

pub mod caseload;
pub mod demo;
pub mod notes;
pub mod pages;
pub mod signoffs;
pub mod steps;
pub mod store;
