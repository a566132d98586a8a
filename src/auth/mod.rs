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
pub mod two_factor;
pub mod types;

pub use guard::{BearerAuth, BearerCaller, BearerRead, PendingRead};

/// Clears a member's second factor at the caller's (an admin's) hospital and ends their
/// sessions there; false when the user is not a member there.
pub async fn reset_member_totp(
    tx: &crate::db::TenantTx,
    user: uuid::Uuid,
) -> crate::error::ApiResult<bool> {
    store::totp_reset(tx, user).await
}
