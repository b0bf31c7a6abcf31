//! Pathways: a career-pathways platform for school districts, built on the 2024 National
//! Career Clusters® Framework and O*NET occupations. One binary serves the web app, the
//! JSON API and the command line.
#![forbid(unsafe_code)]

pub mod api_docs;
pub mod app;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod catalog;
pub mod classroom;
pub mod config;
pub mod datafile;
pub mod db;
pub mod error;
pub mod explore;
pub mod fuzzing;
pub mod i18n;
pub mod ids;
pub mod insights;
pub mod oneroster;
pub mod orgs;
pub mod partners;
pub mod pdf;
pub mod plans;
pub mod progress;
pub mod records;
pub mod router;
pub mod web;
pub mod workload;
