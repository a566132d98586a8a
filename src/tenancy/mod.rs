//! Tenants and their people: hospitals (super admin), doctors, patients, care teams.

pub mod hospitals;
pub mod manifest;
pub mod members;
pub mod roles;
pub mod staff;
pub mod users;
