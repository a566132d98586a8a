//! Tenants and their people: hospitals (super admin), doctors, patients, care teams, members
//! and custom roles. Each sub-area is written in the domain layers (see `crate::prescriptions`):
//! `api` (HTTP), `service` (rules and transactions), `store` (SQL), `types` (values). `manifest`
//! applies `tenants/*.toml` from the CLI; `users` creates accounts for the services.

pub mod hospitals;
pub mod manifest;
pub mod members;
pub mod roles;
pub mod staff;
pub mod users;
