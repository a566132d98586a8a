//! Hospitals, the tenants: super admins onboard, edit and suspend them; members read their own.
//! Written in the domain layers (see `crate::prescriptions`): `api`, `service`, `store`, `types`.

pub mod api;
mod service;
mod store;
pub mod types;

pub use types::{Hospital, PaymentProvider};
pub(crate) use types::{
    check_currency, check_fee, check_name, check_provider, check_slug, check_timezone,
};
