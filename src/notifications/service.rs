//! In-app notifications and the outbox listing: each function takes the request's transaction
//! and the permit for what it does, and commits; the SQL is in `store`.

use crate::{
    app::paging::{Listing, Page},
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::ApiResult,
    ids::NotificationId,
    notifications::{
        store,
        types::{Notification, OutboxFilter, OutboxMessage, Which},
    },
};

/// A page of the caller's own notifications.
#[tracing::instrument(skip_all)]
pub async fn list(
    tx: TenantTx,
    _: &Permit<perm::Notification, perm::List>,
    which: Which,
    page: Page,
) -> ApiResult<Listing<Notification>> {
    let listing = store::notifications(&tx, &page, which).await?;
    tx.commit().await?;
    Ok(listing)
}

/// Marks one of the caller's notifications read; 404 for anyone else's.
#[tracing::instrument(skip_all, fields(notification = %id))]
pub async fn mark_read(
    tx: TenantTx,
    _: &Permit<perm::Notification, perm::List>,
    id: NotificationId,
) -> ApiResult<()> {
    store::mark_read(&tx, id).await?;
    tx.commit().await
}

/// A page of the hospital's outgoing messages (delivery state, not text).
#[tracing::instrument(skip_all)]
pub async fn outbox(
    tx: TenantTx,
    _: &Permit<perm::Outbox, perm::List>,
    filter: OutboxFilter,
    page: Page,
) -> ApiResult<Listing<OutboxMessage>> {
    let listing = store::outbox(&tx, &page, filter).await?;
    tx.commit().await?;
    Ok(listing)
}
