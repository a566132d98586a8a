//! E-prescriptions: written by a doctor of the patient's care team, read by the patient and
//! their doctors, dispensed by the hospital's pharmacists; printable as a PDF whose
//! verification code anyone can check without seeing patient data.
//!
//! The layers every domain is written in: `api` (HTTP: parse, permit, call the service, answer),
//! `service` (rules and transactions; each function takes the permit for what it does), `store`
//! (the domain's SQL, all of it), `types` (values: parsed requests, answers, statuses). Beside
//! them, `printout` says what the printed copy shows and `pdf` writes it.

pub mod api;
pub mod pdf;
mod printout;
mod service;
mod store;
pub mod types;

pub use store::{Row, SELECT};
pub use types::{Item, Prescription};
