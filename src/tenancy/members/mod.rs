//! Accounts in a hospital: staff with other roles, deactivation, admin-initiated password
//! resets, and one's own password change. Written in the domain layers (see
//! `crate::prescriptions`): `api`, `service`, `store`, `types`.

pub mod api;
mod service;
mod store;
pub mod types;

pub use api::change_password;
pub use types::PasswordChange;
