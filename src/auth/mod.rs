//! Authentication: opaque bearer tokens, argon2id passwords, login throttling, self-registration.

pub mod api;
pub mod authz;
pub mod guard;
pub mod password;
pub mod permit;
pub mod reset;
mod service;
mod store;
pub mod throttle;
pub mod token;
pub mod types;

pub use guard::{BearerAuth, BearerCaller, BearerRead, PendingRead};
