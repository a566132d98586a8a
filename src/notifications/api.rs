//! `/api/v1/notifications` and `/api/v1/outbox`: HTTP only. Each handler asks casbin for its
//! permit and hands it, with the parsed request, to `service`.

use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
    ids::NotificationId,
    notifications::{
        service,
        types::{Notification, OutboxFilter, OutboxMessage, Which},
    },
};

pub struct NotificationsApi;

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
        let permit = tx.permit::<perm::Notification, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list(tx, &permit, Which::from_unread(unread.0), page).await?;
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
        let permit = tx.permit::<perm::Notification, perm::List>().await?;
        service::mark_read(tx, &permit, NotificationId::from(id.0)).await?;
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
        let permit = tx.permit::<perm::Outbox, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let filter = OutboxFilter { status: status.0 };
        let listing = service::outbox(tx, &permit, filter, page).await?;
        Ok(OutboxList::Ok(Json(listing)))
    }
}
