//! Availability, free slots and the appointment lifecycle.
//!
//! In the domain layers (see `prescriptions`): `api` (HTTP: parse, permit, call the service,
//! answer), `service` (rules and transactions; each function takes the permit for what it does),
//! `store` (the domain's SQL, all of it), `types` (values: parsed requests, answers, settings).
//! Under them, pure and unit-tested: `lifecycle` (who may take which action, from which status
//! to which) and `slots` (free slots from weekly rules). `appointments` is what other domains
//! use of scheduling.

pub mod api;
pub mod appointments;
pub mod lifecycle;
pub mod ratings;
mod service;
pub mod slots;
mod store;
pub mod types;
