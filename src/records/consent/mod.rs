//! Consent (a patient grants or revokes access) and break-glass (a doctor opens emergency
//! access to a patient outside the care team for at most 60 minutes; admins are alerted).
//!
//! Written in the layers of `src/prescriptions/`: `api` (HTTP), `service` (rules and
//! transactions), `store` (SQL), `types` (values).

pub mod api;
mod service;
mod store;
pub mod types;

pub use store::GRANT_SELECT;
pub use types::Grant;
