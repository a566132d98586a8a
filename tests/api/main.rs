//! Integration tests against real PostgreSQL and Redis (one binary, one module per area).

mod audit;
mod auth;
mod catalog;
mod errors;
mod fake_khalti;
mod fake_stripe;
mod fhir;
mod hardening;
mod helpers;
mod hospitals;
mod isolation;
mod matrix;
mod members;
mod ml;
mod notifications;
mod openapi;
mod ops;
mod payments;
mod realtime;
mod records;
mod roles;
mod scheduling;
mod smtp;
mod tenants;
mod turn;
mod two_factor;
