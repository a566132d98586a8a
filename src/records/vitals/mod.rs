//! Vital signs scored with NEWS2 (`news2`, pure and table-tested) and the deterioration alerts
//! a score that is not low raises for the patient's care team. Written in the layers of
//! `src/prescriptions/`: `api` (HTTP), `service` (rules and transactions), `store` (SQL),
//! `types` (values and their checks). Rows are visible by `vitals_access` and `alert_visible`
//! (migrations/0019).

pub mod api;
pub mod news2;
mod service;
mod store;
pub mod types;

pub use store::{VITALS_SELECT, vitals};
