//! Insights for administrators: curriculum alignment to the clusters (coverage by school,
//! courses' CIP programs, programs of study) and equity of access across student groups as
//! suppressed aggregates, with tables first and server-rendered SVG charts beside them.

pub mod alignment;
pub mod alignment_pages;
pub mod bench;
pub mod cache;
pub mod charts;
pub mod equity;
pub mod filters;
pub mod load_test;
pub mod pages;
pub mod programs;
pub mod store;
pub mod suppression;
