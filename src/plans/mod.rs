//! Individual learning plans: one per student from grade 6 to 12, tying what they explore to
//! what they do. Career interests point at the framework (cluster and sub-cluster ids, SOC
//! codes); goals have measurable benchmarks; activities and work-based learning carry cluster
//! and Career Ready Practice tags, as do the student's reflections, and together they show
//! the practices' progress; a postsecondary plan says what comes after high school. Goals,
//! activities and the postsecondary plan are edited with optimistic concurrency, and every
//! change is kept with who made it. Counselors keep meeting notes beside the plan and set
//! next steps with an owner and a due date; the student, a guardian and a counselor sign it
//! off each school year. Courses are placed grade by grade and checked against the district's
//! graduation credits, and the district's plan template says what each grade's plan holds.

pub mod activities;
pub mod caseload;
pub mod completeness;
pub mod courses;
pub mod demo;
pub mod diff;
pub mod graduation;
pub mod load_test;
pub mod notes;
pub mod pages;
pub mod portable;
pub mod postsecondary;
pub mod print;
pub mod reflections;
pub mod requirements;
pub mod resume;
pub mod signoffs;
pub mod steps;
pub mod store;
pub mod tags;
pub mod templates;
