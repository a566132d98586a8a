//! `/api/v1/ws/tickets`, `/api/v1/conversations…` and `/api/v1/appointments/{id}/call…`: HTTP
//! only. Each handler asks casbin for its permit, hands it with the parsed request to `service`,
//! and delivers the frames the committed change produced. The socket itself is `socket`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    auth::{BearerAuth, permit as perm, token},
    error::ApiResult,
    ids::AppointmentId,
    realtime::{
        service, store,
        types::{
            CallInfo, CallRecord, Conversation, Message, MessagePage, OpenConversation,
            PostMessage, ReadUpTo, Ticket, conversation,
        },
    },
};

/// How long a socket ticket is valid.
pub const TICKET_SECONDS: i32 = 60;

pub struct RealtimeApi;

#[derive(ApiResponse)]
pub enum TicketIssued {
    #[oai(status = 201)]
    Created(Json<Ticket>),
}
#[derive(ApiResponse)]
pub enum ConversationList {
    #[oai(status = 200)]
    Ok(Json<Listing<Conversation>>),
}
#[derive(ApiResponse)]
pub enum ConversationOpened {
    /// It already existed.
    #[oai(status = 200)]
    Existing(Json<Conversation>),
    #[oai(status = 201)]
    Created(Json<Conversation>),
}
#[derive(ApiResponse)]
pub enum History {
    #[oai(status = 200)]
    Ok(Json<MessagePage>),
}
#[derive(ApiResponse)]
pub enum MessagePosted {
    /// The sender posted this `client_id` before: the first message.
    #[oai(status = 200)]
    Existing(Json<Message>),
    #[oai(status = 201)]
    Created(Json<Message>),
}
#[derive(ApiResponse)]
pub enum ReadRecorded {
    #[oai(status = 204)]
    Done,
}
#[derive(ApiResponse)]
pub enum CallAnswer {
    #[oai(status = 200)]
    Ok(Json<CallInfo>),
}
#[derive(ApiResponse)]
pub enum CallEvents {
    #[oai(status = 200)]
    Ok(Json<CallRecord>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Realtime")]
impl RealtimeApi {
    /// A single-use ticket for `GET /api/v1/ws?ticket=…` (a browser cannot send a header).
    ///
    /// Any signed-in user. Valid for 60 seconds and once; bound to the caller's session, so the
    /// socket it opens closes (code 4401) when that session ends. Clients that can send
    /// `Authorization: Bearer` may open the socket with it instead.
    #[oai(path = "/ws/tickets", method = "post", operation_id = "createWsTicket")]
    async fn ticket(&self, auth: BearerAuth) -> ApiResult<TicketIssued> {
        let tx = auth.0;
        let ticket = token::generate();
        let session = tx.caller().session.clone();
        let expires_at = store::issue_ticket(
            &tx,
            &token::TokenHash::of(&ticket),
            &session,
            TICKET_SECONDS,
        )
        .await?;
        tx.commit().await?;
        Ok(TicketIssued::Created(Json(Ticket { ticket, expires_at })))
    }

    /// The caller's conversations, oldest first, with the time of the newest message and how
    /// many from the other party are unread.
    ///
    /// Doctors and patients. A doctor sees a conversation while on the patient's care team; a
    /// patient always sees their own. Paged with `limit` and `cursor`.
    #[oai(
        path = "/conversations",
        method = "get",
        operation_id = "listConversations"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<ConversationList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Conversation, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::conversations(tx, &permit, page).await?;
        Ok(ConversationList::Ok(Json(listing)))
    }

    /// Opens (or returns) the conversation of a doctor and a patient on that doctor's care team.
    ///
    /// A doctor sends `{patient_id}` (one of their care team's patients), a patient
    /// `{doctor_id}` (one of their doctors); 201 when it is new, 200 when it existed; 404 for
    /// anyone else.
    #[oai(
        path = "/conversations",
        method = "post",
        operation_id = "openConversation"
    )]
    async fn open(
        &self,
        auth: BearerAuth,
        body: Json<OpenConversation>,
    ) -> ApiResult<ConversationOpened> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Conversation, perm::Create>().await?;
        let other = body.0.parse(&tx.caller().role)?;
        let (c, created) = service::open(tx, &permit, other).await?;
        Ok(if created {
            ConversationOpened::Created(Json(c))
        } else {
            ConversationOpened::Existing(Json(c))
        })
    }

    /// A conversation's messages, newest first; `cursor` is the oldest id of the previous page.
    ///
    /// Its doctor and patient only (404 otherwise). Reading is audited.
    #[oai(
        path = "/conversations/:id/messages",
        method = "get",
        operation_id = "listMessages"
    )]
    async fn history(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<History> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Message, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let out = service::history(tx, &permit, conversation(id.0), page).await?;
        Ok(History::Ok(Json(out)))
    }

    /// Posts a message; it is pushed to both parties' sockets (`chat.message`).
    ///
    /// Its doctor and patient, while the doctor is on the patient's care team (409 after).
    /// `client_id` makes retries safe: the same `client_id` again answers the first message
    /// (200) and posts nothing. `document_id` attaches one of the patient's documents that the
    /// sender may read (404 otherwise); the document itself is fetched through
    /// `/documents/{id}`. Audited.
    #[oai(
        path = "/conversations/:id/messages",
        method = "post",
        operation_id = "postMessage"
    )]
    async fn post(
        &self,
        auth: BearerAuth,
        state: Data<&AppState>,
        id: Path<Uuid>,
        body: Json<PostMessage>,
    ) -> ApiResult<MessagePosted> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Message, perm::Create>().await?;
        let m = body.0.parse()?;
        let posted = service::post(tx, &permit, conversation(id.0), m).await?;
        state.hub.deliver(posted.deliveries).await;
        Ok(if posted.created {
            MessagePosted::Created(Json(posted.message))
        } else {
            MessagePosted::Existing(Json(posted.message))
        })
    }

    /// A read receipt: the caller has read up to `message_id` (pushed as `chat.read`).
    ///
    /// Its doctor and patient; 404 for a message not in this conversation. A receipt never moves
    /// back to an older message.
    #[oai(
        path = "/conversations/:id/read",
        method = "post",
        operation_id = "markConversationRead"
    )]
    async fn read(
        &self,
        auth: BearerAuth,
        state: Data<&AppState>,
        id: Path<Uuid>,
        body: Json<ReadUpTo>,
    ) -> ApiResult<ReadRecorded> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Message, perm::List>().await?;
        let out = service::mark_read(tx, &permit, conversation(id.0), body.0.message_id).await?;
        state.hub.deliver(out).await;
        Ok(ReadRecorded::Done)
    }

    /// The appointment's call: its state, window and ICE servers.
    ///
    /// Its doctor and patient only (404 for anyone else); 409 while the appointment is not
    /// confirmed (and paid, where the hospital requires payment). The room is open from 10
    /// minutes before the start until the end; TURN credentials expire after `TURN_TTL_SECONDS`.
    #[oai(
        path = "/appointments/:id/call",
        method = "get",
        operation_id = "getCall"
    )]
    async fn call(
        &self,
        auth: BearerAuth,
        state: Data<&AppState>,
        id: Path<Uuid>,
    ) -> ApiResult<CallAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Call, perm::Read>().await?;
        let info =
            service::call_info(tx, &permit, AppointmentId::from(id.0), &state.config.turn).await?;
        Ok(CallAnswer::Ok(Json(info)))
    }

    /// The call's record: joins, waiting, admission, leaves, start, end, quality reports, and
    /// its duration.
    ///
    /// Its doctor and patient only (404 otherwise). Reading is audited.
    #[oai(
        path = "/appointments/:id/call/events",
        method = "get",
        operation_id = "listCallEvents"
    )]
    async fn events(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<CallEvents> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Call, perm::Read>().await?;
        let record = service::call_record(tx, &permit, AppointmentId::from(id.0)).await?;
        Ok(CallEvents::Ok(Json(record)))
    }
}
