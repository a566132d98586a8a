use chrono::{DateTime, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
};

pub struct NotificationsApi;

#[derive(Object, FromQueryResult)]
pub struct Notification {
    pub id: Uuid,
    pub kind: String,
    pub title: String,
    pub body: String,
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    #[oai(nullable)]
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// An outgoing message as admins see it (delivery state, not its text).
#[derive(Object, FromQueryResult)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub channel: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    #[oai(nullable)]
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    #[oai(nullable)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(ApiResponse)]
pub enum NotificationList {
    #[oai(status = 200)]
    Ok(Json<Listing<Notification>>),
}
#[derive(ApiResponse)]
pub enum MarkedRead {
    #[oai(status = 204)]
    Done,
}
#[derive(ApiResponse)]
pub enum OutboxList {
    #[oai(status = 200)]
    Ok(Json<Listing<OutboxMessage>>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Scheduling")]
impl NotificationsApi {
    /// The caller's in-app notifications, oldest first; `unread=true` for unread only.
    ///
    /// Patients, doctors and hospital admins, each seeing only their own (appointment and payment
    /// changes, refunds, break-glass alerts for admins). Paged with `limit` and `cursor`.
    #[oai(
        path = "/notifications",
        method = "get",
        operation_id = "listNotifications"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        unread: Query<Option<bool>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<NotificationList> {
        let tx = auth.0;
        tx.permit::<perm::Notification, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = page
            .list(
                &tx,
                "select id, kind, title, body, appointment_id, read_at, created_at from notification",
                "id",
                "and (not $3 or read_at is null)",
                vec![unread.0.unwrap_or(false).into()],
                |n: &Notification| n.id,
            )
            .await?;
        tx.commit().await?;
        Ok(NotificationList::Ok(Json(listing)))
    }

    /// Mark one of the caller's notifications read.
    ///
    /// Patients, doctors and hospital admins, for their own notifications only (404 otherwise).
    /// Marking a notification that is already read changes nothing and answers 204 too.
    #[oai(
        path = "/notifications/:id/read",
        method = "post",
        operation_id = "markNotificationRead"
    )]
    async fn read(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<MarkedRead> {
        let tx = auth.0;
        tx.permit::<perm::Notification, perm::List>().await?;
        tx.execute_one(
            "update notification set read_at = coalesce(read_at, now()) where id = $1",
            vec![id.0.into()],
        )
        .await?;
        tx.commit().await?;
        Ok(MarkedRead::Done)
    }

    /// Outgoing messages of the hospital (admins), e.g. `status=failed` for those that gave up.
    ///
    /// Hospital admins only. Each email's subject and delivery state (`pending`, `sent` or
    /// `failed`, attempts, last error, next attempt), never its body; a message is marked `failed`
    /// after 5 failed attempts. Paged with `limit` and `cursor`.
    #[oai(path = "/outbox", method = "get", operation_id = "listOutbox")]
    async fn outbox(
        &self,
        auth: BearerAuth,
        status: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<OutboxList> {
        let tx = auth.0;
        tx.permit::<perm::Outbox, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = page
            .list(
                &tx,
                "select id, channel, subject, status, attempts, last_error, next_attempt_at, created_at, sent_at from outbox",
                "id",
                "and ($3::text is null or status = $3)",
                vec![status.0.into()],
                |m: &OutboxMessage| m.id,
            )
            .await?;
        tx.commit().await?;
        Ok(OutboxList::Ok(Json(listing)))
    }
}
