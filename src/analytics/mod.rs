//! Analytics: a hospital's figures for its admins, per day and in total, and the platform's
//! per-hospital figures for super admins (counts and sums, never a patient's row). Computed in
//! SQL under RLS (a hospital's admin reads only their hospital's rows; the platform's figures
//! come from `platform_analytics`, a definer function that answers only a super admin).
//!
//! In the layers of `src/prescriptions/`: `api` (HTTP), `service` (the period's checks and the
//! assembly of the figures), `store` (SQL), `types` (the answers).

pub mod api;
mod service;
mod store;
pub mod types;
