//! Classroom: lessons and units teachers connect to careers, and practices counselors and
//! administrators share, in one library tagged to the framework (clusters, sub-clusters,
//! occupations, Career Ready Practices, CASE standards). Staff search it, fork lessons with
//! credit to every earlier author, comment and say they used one; a district features the
//! best. Suggestions for a subject and topic say which careers a unit opens. Recording that
//! a lesson was taught to a class gives every enrolled student an exposure, shown on their
//! plan and counted by reports.

pub mod class_interests;
pub mod demo;
pub mod eval;
pub mod exposures;
pub mod markdown;
pub mod model;
pub mod pages;
pub mod plcs;
pub mod speakers;
pub mod store;
pub mod suggest;
