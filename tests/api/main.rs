//! Integration tests against real PostgreSQL and Redis (one binary, one module per area).

mod auth;
mod catalog;
mod errors;
mod helpers;
mod hospitals;
mod isolation;
mod openapi;
mod ops;
