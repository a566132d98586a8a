//! Encounters and consultation notes. Doctors write; patients and admins read (admins never
//! see private notes unless the patient grants it).
//!
//! Written in the layers of `src/prescriptions/`: `api` (HTTP), `service` (rules and
//! transactions), `store` (SQL), `types` (values).

pub mod api;
mod service;
mod store;
pub mod types;

pub use crate::records::caller_doctor;
pub use store::{ENCOUNTER_SELECT, NOTE_SELECT, encounter};
pub use types::{Encounter, Note};
