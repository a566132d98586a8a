//! A hospital's custom roles (pharmacist, nurse, ...): casbin policies in the hospital's domain,
//! stored in PostgreSQL and announced to every instance over Redis. Written in the domain layers
//! (see `crate::prescriptions`): `api`, `service`, `store`, `types`.

pub mod api;
mod service;
mod store;
pub mod types;

pub use service::grantable;
pub use types::{ADMIN_ONLY_OBJECTS, BASE_ROLES, DELEGABLE, Permission, check_role_name};
