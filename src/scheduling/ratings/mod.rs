//! Patients' ratings of completed visits (1–5 stars and a comment, once per appointment), and
//! each doctor's figures for hospital admins. In the layers of `src/prescriptions/`: `api`,
//! `service`, `store`, `types`. Rows are visible by `appointment_rating`'s policies
//! (migrations/0019): the patient and doctor of the visit, and the hospital's admins.

pub mod api;
mod service;
mod store;
pub mod types;
