//! Insights for administrators: curriculum alignment to the clusters (coverage by school,
//! courses' CIP programs, programs of study), gaps against labor demand (national or
//! regional), equity of access across student groups as suppressed aggregates, and
//! professional development for staff, with tables first and SVG charts beside them.

pub mod alignment;
pub mod alignment_pages;
pub mod bench;
pub mod cache;
pub mod charts;
pub mod demo;
pub mod equity;
pub mod filters;
pub mod gaps;
pub mod gaps_pages;
pub mod labor;
pub mod load_test;
pub mod pages;
pub mod pd;
pub mod pd_pages;
pub mod programs;
pub mod store;
pub mod suppression;
