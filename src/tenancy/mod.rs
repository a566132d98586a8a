//! Tenants and their people: hospitals (super admin), doctors, patients, care teams.

pub mod hospitals;
pub mod staff;
pub mod users;
