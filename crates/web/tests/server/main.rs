//! Integration tests: the real server on a random port against a fresh data
//! directory, spoken to over HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod access;
mod accounts;
mod annual_reports;
mod api;
mod api_requests;
mod assessment;
mod auth;
mod backup;
mod backup_postgres;
mod citizen_wording;
mod compliance;
mod consultations;
mod documents;
mod file_store;
mod input_hygiene;
mod ledgers;
mod letters;
mod library_console;
mod limits;
mod load;
mod messages;
mod moto;
mod ops;
mod orgs;
mod platform;
mod qa;
mod request_handling;
mod requests;
mod search;
mod statutory;
