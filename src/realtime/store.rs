//! The SQL of conversations, messages, read receipts, call records and socket tickets. Chat and
//! calls run in the caller's transaction under RLS (a party sees only their own conversations
//! and calls); tickets, the socket session check and the notification pusher use the system
//! pool's functions (migration 0014).

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    auth::token::TokenHash,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{AppointmentId, ConversationId, UserId},
    notifications::types::Notification,
    realtime::types::{
        CallEvent, Conversation, Counterpart, EventKind, Message, MessagePage, NewMessage, Quality,
    },
};

/// A conversation as its parties see it, with what is new for the caller.
const CONVERSATION: &str = "select c.id, c.doctor_id, c.patient_id, c.doctor_user_id, \
    c.patient_user_id, c.created_at, \
    (select max(m.created_at) from chat_message m \
      where m.hospital_id = c.hospital_id and m.conversation_id = c.id) as last_message_at, \
    (select count(*) from chat_message m \
      where m.hospital_id = c.hospital_id and m.conversation_id = c.id \
        and m.sender_id <> nullif(current_setting('app.user_id', true), '')::uuid \
        and m.id > coalesce((select r.message_id from conversation_read r \
              where r.hospital_id = c.hospital_id and r.conversation_id = c.id \
                and r.user_id = nullif(current_setting('app.user_id', true), '')::uuid), \
            '00000000-0000-0000-0000-000000000000'::uuid)) as unread \
    from conversation c";

const MESSAGE_COLUMNS: &str =
    "id, conversation_id, sender_id, body, document_id, client_id, created_at";

/// One page of the caller's conversations, oldest first.
pub async fn conversations(tx: &TenantTx, page: &Page) -> ApiResult<Listing<Conversation>> {
    page.list(tx, CONVERSATION, "c.id", "", vec![], |c: &Conversation| {
        c.id
    })
    .await
}

/// One conversation the caller sees; 404 otherwise.
pub async fn conversation(tx: &TenantTx, id: ConversationId) -> ApiResult<Conversation> {
    Conversation::find_by_statement(stmt(
        &format!("{CONVERSATION} where c.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// Opens the conversation of the caller and `other`, who share a care team: answers its id and
/// whether it is new. None when they share no care team (or `other` is not the caller's to see).
pub async fn open(
    tx: &TenantTx,
    id: ConversationId,
    me: UserId,
    other: Counterpart,
) -> ApiResult<Option<(ConversationId, bool)>> {
    let (patient, doctor): (Option<Uuid>, Option<Uuid>) = match other {
        Counterpart::Patient(p) => (Some(p.uuid()), None),
        Counterpart::Doctor(d) => (None, Some(d.uuid())),
    };
    // The pair as the caller's care team has it: the doctor names a patient of theirs, the
    // patient a doctor of theirs.
    let pair = "from care_team ct where ct.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid \
        and (($2::uuid is not null and ct.patient_id = $2 and ct.doctor_user_id = $4) \
          or ($3::uuid is not null and ct.doctor_id = $3 and ct.patient_user_id = $4))";
    let values: Vec<Value> = vec![id.into(), patient.into(), doctor.into(), me.into()];
    let inserted = tx
        .conn()
        .query_one_raw(stmt(
            &format!(
                "insert into conversation (hospital_id, id, doctor_id, patient_id, doctor_user_id, patient_user_id) \
                 select ct.hospital_id, $1, ct.doctor_id, ct.patient_id, ct.doctor_user_id, ct.patient_user_id {pair} \
                 on conflict (hospital_id, doctor_id, patient_id) do nothing returning id"
            ),
            values.clone(),
        ))
        .await?;
    if inserted.is_some() {
        return Ok(Some((id, true)));
    }
    let existing = tx
        .conn()
        .query_one_raw(stmt(
            &format!(
                "select c.id from conversation c join (select ct.hospital_id, ct.doctor_id, ct.patient_id {pair}) p \
                 on p.hospital_id = c.hospital_id and p.doctor_id = c.doctor_id and p.patient_id = c.patient_id \
                 where $1::uuid is not null"
            ),
            values,
        ))
        .await?;
    Ok(match existing {
        Some(row) => Some((ConversationId::from(row.try_get::<Uuid>("", "id")?), false)),
        None => None,
    })
}

/// Whether the conversation's doctor and patient are on one care team now.
pub async fn still_a_care_team(tx: &TenantTx, id: ConversationId) -> ApiResult<bool> {
    tx.exists(
        "select 1 from conversation c join care_team ct on ct.hospital_id = c.hospital_id \
           and ct.doctor_id = c.doctor_id and ct.patient_id = c.patient_id where c.id = $1",
        id.uuid(),
    )
    .await
}

/// Whether `document` is one of the conversation's patient's documents that the caller may read.
pub async fn patient_document(
    tx: &TenantTx,
    id: ConversationId,
    document: Uuid,
) -> ApiResult<bool> {
    Ok(tx
        .conn()
        .query_one_raw(stmt(
            "select 1 from conversation c join document d \
               on d.hospital_id = c.hospital_id and d.patient_id = c.patient_id \
             where c.id = $1 and d.id = $2",
            [id.into(), document.into()],
        ))
        .await?
        .is_some())
}

/// Posts a message; None when the sender already posted one with this `client_id`.
pub async fn post(
    tx: &TenantTx,
    id: ConversationId,
    me: UserId,
    m: &NewMessage,
) -> ApiResult<Option<Message>> {
    Ok(Message::find_by_statement(stmt(
        &format!(
            "insert into chat_message (hospital_id, id, conversation_id, doctor_user_id, patient_user_id, \
               sender_id, client_id, body, document_id) \
             select c.hospital_id, $2, c.id, c.doctor_user_id, c.patient_user_id, $3, $4, $5, $6 \
               from conversation c where c.id = $1 \
             on conflict (hospital_id, conversation_id, sender_id, client_id) do nothing \
             returning {MESSAGE_COLUMNS}"
        ),
        [
            id.into(),
            m.id.into(),
            me.into(),
            m.client_id.clone().into(),
            m.body.clone().into(),
            m.document_id.map(|d| d.uuid()).into(),
        ],
    ))
    .one(tx.conn())
    .await?)
}

/// The message the sender posted with `client_id`, if any.
pub async fn posted_if_any(
    tx: &TenantTx,
    id: ConversationId,
    me: UserId,
    client_id: &str,
) -> ApiResult<Option<Message>> {
    Ok(Message::find_by_statement(stmt(
        &format!(
            "select {MESSAGE_COLUMNS} from chat_message \
             where conversation_id = $1 and sender_id = $2 and client_id = $3"
        ),
        [id.into(), me.into(), client_id.into()],
    ))
    .one(tx.conn())
    .await?)
}

/// The message the sender posted with `client_id`.
pub async fn posted(
    tx: &TenantTx,
    id: ConversationId,
    me: UserId,
    client_id: &str,
) -> ApiResult<Message> {
    posted_if_any(tx, id, me, client_id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// A page of a conversation's history, newest first, older than `before`.
pub async fn history(
    tx: &TenantTx,
    id: ConversationId,
    before: Option<Uuid>,
    limit: u32,
) -> ApiResult<MessagePage> {
    let mut rows = Message::find_by_statement(stmt(
        &format!(
            "select {MESSAGE_COLUMNS} from chat_message \
             where conversation_id = $1 and ($2::uuid is null or id < $2) \
             order by id desc limit $3"
        ),
        [id.into(), before.into(), (i64::from(limit) + 1).into()],
    ))
    .all(tx.conn())
    .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|m| m.id)
    } else {
        None
    };
    Ok(MessagePage {
        items: rows,
        next_cursor,
    })
}

/// Records that the caller has read up to `message` (never moving back); None when the message
/// is not in this conversation as the caller sees it.
pub async fn mark_read(
    tx: &TenantTx,
    id: ConversationId,
    me: UserId,
    message: Uuid,
) -> ApiResult<Option<Uuid>> {
    let row = tx
        .conn()
        .query_one_raw(stmt(
            "insert into conversation_read (hospital_id, conversation_id, user_id, message_id) \
             select m.hospital_id, m.conversation_id, $3, m.id from chat_message m \
              where m.id = $2 and m.conversation_id = $1 \
             on conflict (hospital_id, conversation_id, user_id) do update \
               set message_id = greatest(conversation_read.message_id, excluded.message_id), \
                   read_at = now() \
             returning message_id",
            [id.into(), message.into(), me.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => Some(r.try_get("", "message_id")?),
        None => None,
    })
}

/// What the call's rules look at: the appointment (as one of its two parties sees it) and
/// what its record says so far.
#[derive(FromQueryResult, Debug)]
pub struct CallFacts {
    pub patient_id: Uuid,
    pub doctor_user_id: Uuid,
    pub patient_user_id: Uuid,
    pub status: String,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    /// The doctor has admitted the patient (once is enough: a rejoin goes straight in).
    pub admitted: bool,
    pub started: bool,
    pub ended: bool,
    pub doctor_present: bool,
    pub patient_present: bool,
    /// The patient joined and was not admitted, and has not left since.
    pub waiting: bool,
}

impl CallFacts {
    /// Whether `me` (one of the two parties) is in the call.
    pub fn present(&self, me: Uuid) -> bool {
        if me == self.doctor_user_id {
            self.doctor_present
        } else {
            self.patient_present
        }
    }

    /// The party who is not `me`.
    pub fn other(&self, me: Uuid) -> Uuid {
        if me == self.doctor_user_id {
            self.patient_user_id
        } else {
            self.doctor_user_id
        }
    }
}

/// The call of appointment `id` as its doctor or patient sees it; None for anyone else.
/// `lock` takes the appointment's row: call changes of one appointment apply one at a time.
pub async fn call_facts(
    tx: &TenantTx,
    id: AppointmentId,
    lock: bool,
) -> ApiResult<Option<CallFacts>> {
    let ev = |cond: &str| {
        format!(
            "exists (select 1 from call_event e where e.hospital_id = a.hospital_id \
             and e.appointment_id = a.id and {cond})"
        )
    };
    let last = |user: &str| {
        format!(
            "coalesce((select e.kind = 'joined' from call_event e where e.hospital_id = a.hospital_id \
             and e.appointment_id = a.id and e.user_id = {user} and e.kind in ('joined', 'left') \
             order by e.id desc limit 1), false)"
        )
    };
    let sql = format!(
        "select a.patient_id, a.doctor_user_id, a.patient_user_id, a.status, a.start_at, a.end_at, \
           {admitted} as admitted, {started} as started, {ended} as ended, \
           {doctor} as doctor_present, {patient} as patient_present, \
           {patient} and not {admitted} as waiting \
         from appointment a \
         where a.id = $1 \
           and nullif(current_setting('app.user_id', true), '')::uuid in (a.doctor_user_id, a.patient_user_id) \
         {lock}",
        admitted = ev("e.kind = 'admitted'"),
        started = ev("e.kind = 'started'"),
        ended = ev("e.kind = 'ended'"),
        doctor = last("a.doctor_user_id"),
        patient = last("a.patient_user_id"),
        lock = if lock { "for update of a" } else { "" },
    );
    Ok(CallFacts::find_by_statement(stmt(&sql, [id.into()]))
        .one(tx.conn())
        .await?)
}

/// Adds an event to the call's record. `started` and `ended` are kept once: a second is
/// ignored.
pub async fn record(
    tx: &TenantTx,
    id: AppointmentId,
    about: Uuid,
    kind: EventKind,
    quality: Option<Quality>,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into call_event (hospital_id, id, appointment_id, user_id, actor_id, kind, \
           rtt_ms, packet_loss, bitrate_kbps) \
         select a.hospital_id, $2, a.id, $3, nullif(current_setting('app.user_id', true), '')::uuid, $4, $5, $6, $7 \
           from appointment a where a.id = $1 \
         on conflict (hospital_id, appointment_id, kind) where kind in ('started', 'ended') do nothing",
        vec![
            id.into(),
            Uuid::now_v7().into(),
            about.into(),
            kind.name().into(),
            quality.map(|q| q.rtt_ms).into(),
            quality.map(|q| q.packet_loss).into(),
            quality.map(|q| q.bitrate_kbps).into(),
        ],
    )
    .await?;
    Ok(())
}

/// The call's record, oldest first.
pub async fn events(tx: &TenantTx, id: AppointmentId) -> ApiResult<Vec<CallEvent>> {
    Ok(CallEvent::find_by_statement(stmt(
        "select id, kind, user_id, actor_id, rtt_ms, packet_loss, bitrate_kbps, at \
           from call_event where appointment_id = $1 order by id",
        [id.into()],
    ))
    .all(tx.conn())
    .await?)
}

/// Issues a ticket for the caller's own session; answers when it expires.
pub async fn issue_ticket(
    tx: &TenantTx,
    ticket: &TokenHash,
    session: &TokenHash,
    seconds: i32,
) -> ApiResult<DateTime<Utc>> {
    let row = tx
        .conn()
        .query_one_raw(stmt(
            "select ws_ticket_issue($1, $2, $3) as expires_at",
            [
                ticket.as_bytes().to_vec().into(),
                session.as_bytes().to_vec().into(),
                seconds.into(),
            ],
        ))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(row.try_get("", "expires_at")?)
}

/// Uses a ticket up: the session it was issued for, while unexpired (once only).
pub async fn take_ticket(
    system: &DatabaseConnection,
    ticket: &TokenHash,
) -> ApiResult<Option<TokenHash>> {
    let row = system
        .query_one_raw(stmt(
            "select ws_ticket_take($1) as session",
            [ticket.as_bytes().to_vec().into()],
        ))
        .await?;
    let bytes: Option<Vec<u8>> = match row {
        Some(r) => r.try_get("", "session")?,
        None => None,
    };
    Ok(bytes.as_deref().and_then(TokenHash::from_stored))
}

/// Of `sessions` (each with the epoch it was checked at), those still valid at that epoch.
pub async fn sessions_current(
    system: &DatabaseConnection,
    sessions: &[(TokenHash, i64)],
    idle_seconds: i32,
) -> ApiResult<Vec<TokenHash>> {
    let hashes: Vec<Vec<u8>> = sessions
        .iter()
        .map(|(h, _)| h.as_bytes().to_vec())
        .collect();
    let epochs: Vec<i64> = sessions.iter().map(|(_, e)| *e).collect();
    let rows = system
        .query_all_raw(stmt(
            "select auth_sessions_current($1, $2, $3) as h",
            [hashes.into(), epochs.into(), idle_seconds.into()],
        ))
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let b: Vec<u8> = r.try_get("", "h")?;
        out.extend(TokenHash::from_stored(&b));
    }
    Ok(out)
}

#[derive(FromQueryResult)]
struct Claimed {
    user_id: Uuid,
    id: Uuid,
    kind: String,
    title: String,
    body: String,
    appointment_id: Option<Uuid>,
    read_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

/// Claims up to `limit` in-app notifications not pushed yet (each is claimed once, by one
/// instance), with whom each is for.
pub async fn claim_pushes(
    system: &DatabaseConnection,
    limit: i32,
) -> anyhow::Result<Vec<(UserId, Notification)>> {
    let rows = Claimed::find_by_statement(stmt(
        "select * from notification_claim_pushes($1)",
        [limit.into()],
    ))
    .all(system)
    .await?;
    Ok(rows
        .into_iter()
        .map(|c| {
            (
                UserId::from(c.user_id),
                Notification {
                    id: c.id,
                    kind: c.kind,
                    title: c.title,
                    body: c.body,
                    appointment_id: c.appointment_id,
                    read_at: c.read_at,
                    created_at: c.created_at,
                },
            )
        })
        .collect())
}
