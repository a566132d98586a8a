//! The SQL of in-app notifications and the outbox listing, run in the caller's transaction under
//! RLS: callers see only their own notifications, admins their hospital's outbox.

use crate::{
    app::paging::{Listing, Page},
    db::TenantTx,
    error::ApiResult,
    ids::NotificationId,
    notifications::types::{Notification, OutboxFilter, OutboxMessage, Which},
};

/// One page of the caller's notifications, oldest first.
pub async fn notifications(
    tx: &TenantTx,
    page: &Page,
    which: Which,
) -> ApiResult<Listing<Notification>> {
    page.list(
        tx,
        "select id, kind, title, body, appointment_id, read_at, created_at from notification",
        "id",
        "and (not $3 or read_at is null)",
        vec![which.unread_only().into()],
        |n: &Notification| n.id,
    )
    .await
}

/// Marks one of the caller's notifications read (keeping the first time); 404 when the caller
/// has no such notification.
pub async fn mark_read(tx: &TenantTx, id: NotificationId) -> ApiResult<()> {
    tx.execute_one(
        "update notification set read_at = coalesce(read_at, now()) where id = $1",
        vec![id.into()],
    )
    .await
}

/// One page of the hospital's outgoing messages, oldest first.
pub async fn outbox(
    tx: &TenantTx,
    page: &Page,
    filter: OutboxFilter,
) -> ApiResult<Listing<OutboxMessage>> {
    page.list(
        tx,
        "select id, channel, subject, status, attempts, segments, last_error, next_attempt_at, created_at, sent_at from outbox",
        "id",
        "and ($3::text is null or status = $3)",
        vec![filter.status.into()],
        |m: &OutboxMessage| m.id,
    )
    .await
}
