//! Integration tests against real PostgreSQL and Redis (one binary, one module per area).

mod audit;
mod auth;
mod catalog;
mod errors;
mod helpers;
mod hospitals;
mod isolation;
mod matrix;
mod members;
mod notifications;
mod openapi;
mod ops;
mod roles;
mod scheduling;
mod smtp;
mod tenants;
