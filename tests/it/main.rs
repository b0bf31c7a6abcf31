//! Integration tests: the real server on 127.0.0.1:0 over real SQLite and PostgreSQL
//! databases, and the real `pathways` binary.

mod support;

mod access_matrix;
mod backup;
mod catalog_api;
mod catalog_load;
mod catalog_pages;
mod classroom;
mod cli;
mod district_api;
mod explore;
mod faults;
mod insights;
mod oneroster;
mod own_cluster;
mod partners;
mod people;
mod plan_activities;
mod plan_courses;
mod plan_portability;
mod plans;
mod records;
mod replica;
mod scale_out;
mod sign_in_providers;
mod web_shell;
