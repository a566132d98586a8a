//! The real-time rules and transactions: chat (open, post, history, read receipts, typing) and
//! the call (its state, the waiting room, admission, signal relay, leave, end, quality). Each
//! function takes the request's (or the frame's) transaction and the permit for what it does,
//! commits, and answers the frames to deliver; the socket layer delivers them (`hub`), so a
//! frame is only ever sent for a change that committed. The SQL is in `store`.

use chrono::{DateTime, Utc};

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{AppointmentId, ConversationId, UserId},
    notifications::{self, AppointmentRef, Event},
    realtime::{
        store::{self, CallFacts},
        turn::TurnSettings,
        types::{
            CallInfo, CallRecord, CallState, Conversation, Counterpart, Delivery, EventKind,
            MessagePage, NewMessage, Posted, Quality, ServerFrame,
        },
    },
    scheduling::appointments::{self, JOIN_EARLY_MINUTES, Status, can_join},
};

fn me(tx: &TenantTx) -> UserId {
    UserId::from(tx.caller().user_id)
}

/// A page of the caller's conversations.
#[tracing::instrument(skip_all)]
pub async fn conversations(
    tx: TenantTx,
    _: &Permit<perm::Conversation, perm::List>,
    page: Page,
) -> ApiResult<Listing<Conversation>> {
    let listing = store::conversations(&tx, &page).await?;
    tx.commit().await?;
    Ok(listing)
}

/// Opens (or finds) the caller's conversation with a member of their care team: a doctor with
/// a patient of theirs, a patient with a doctor of theirs; 404 for anyone else. Answers it and
/// whether it is new (audited when it is).
#[tracing::instrument(skip_all)]
pub async fn open(
    tx: TenantTx,
    _: &Permit<perm::Conversation, perm::Create>,
    other: Counterpart,
) -> ApiResult<(Conversation, bool)> {
    let hospital = tx.caller().hospital()?;
    let (id, created) = store::open(&tx, ConversationId::new(), me(&tx), other)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = store::conversation(&tx, id).await?;
    if created {
        tx.audit_write(
            hospital,
            AuditEntry::new("conversation.open", "conversation", id).patient(c.patient_id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok((c, created))
}

/// A page of a conversation's history, newest first; audited as a read of the patient's record.
#[tracing::instrument(skip_all, fields(conversation = %id))]
pub async fn history(
    mut tx: TenantTx,
    _: &Permit<perm::Message, perm::List>,
    id: ConversationId,
    page: Page,
) -> ApiResult<MessagePage> {
    let hospital = tx.caller().hospital()?;
    let c = store::conversation(&tx, id).await?;
    let out = store::history(&tx, id, page.after, page.limit).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("message.list", "conversation", id).patient(c.patient_id),
    );
    tx.commit().await?;
    Ok(out)
}

/// Posts a message. The same `client_id` again answers the first message and posts nothing.
/// 409 once the doctor has left the patient's care team; 404 for an attachment that is not one
/// of the patient's documents the sender may read. Audited; pushed to both parties.
#[tracing::instrument(skip_all, fields(conversation = %id))]
pub async fn post(
    tx: TenantTx,
    _: &Permit<perm::Message, perm::Create>,
    id: ConversationId,
    m: NewMessage,
) -> ApiResult<Posted> {
    let hospital = tx.caller().hospital()?;
    let c = store::conversation(&tx, id).await?;
    let me = me(&tx);
    if let Some(first) = store::posted_if_any(&tx, id, me, &m.client_id).await? {
        tx.commit().await?;
        return Ok(Posted {
            message: first,
            created: false,
            deliveries: vec![],
        });
    }
    if !store::still_a_care_team(&tx, id).await? {
        return Err(ApiError::conflict(
            "the doctor is no longer on this patient's care team",
        ));
    }
    if let Some(doc) = m.document_id
        && !store::patient_document(&tx, id, doc.uuid()).await?
    {
        return Err(ApiError::NotFound);
    }
    let (message, created) = match store::post(&tx, id, me, &m).await? {
        Some(message) => (message, true),
        // A retry raced the first attempt: the first one stands.
        None => (store::posted(&tx, id, me, &m.client_id).await?, false),
    };
    if created {
        tx.audit_write(
            hospital,
            AuditEntry::new("message.create", "chat_message", message.id).patient(c.patient_id),
        )
        .await?;
    }
    tx.commit().await?;
    let deliveries = if created {
        [c.doctor_user_id, c.patient_user_id]
            .into_iter()
            .map(|to| {
                Delivery::new(
                    to,
                    ServerFrame::ChatMessage {
                        conversation_id: id.uuid(),
                        message: message.clone(),
                    },
                )
            })
            .collect()
    } else {
        vec![]
    };
    Ok(Posted {
        message,
        created,
        deliveries,
    })
}

/// Records that the caller has read up to a message of the conversation (404 for a message
/// that is not in it); the receipt is pushed to both parties.
#[tracing::instrument(skip_all, fields(conversation = %id))]
pub async fn mark_read(
    tx: TenantTx,
    _: &Permit<perm::Message, perm::List>,
    id: ConversationId,
    message: uuid::Uuid,
) -> ApiResult<Vec<Delivery>> {
    let c = store::conversation(&tx, id).await?;
    let me = me(&tx);
    let upto = store::mark_read(&tx, id, me, message)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    Ok([c.doctor_user_id, c.patient_user_id]
        .into_iter()
        .map(|to| {
            Delivery::new(
                to,
                ServerFrame::ChatRead {
                    conversation_id: id.uuid(),
                    user_id: me.uuid(),
                    message_id: upto,
                },
            )
        })
        .collect())
}

/// "Typing…", for the other party of a conversation the caller may post in.
#[tracing::instrument(skip_all, fields(conversation = %id))]
pub async fn typing(
    tx: TenantTx,
    _: &Permit<perm::Message, perm::Create>,
    id: ConversationId,
) -> ApiResult<Vec<Delivery>> {
    let c = store::conversation(&tx, id).await?;
    let me = me(&tx).uuid();
    tx.commit().await?;
    let other = if me == c.doctor_user_id {
        c.patient_user_id
    } else {
        c.doctor_user_id
    };
    Ok(vec![Delivery::new(
        other,
        ServerFrame::ChatTyping {
            conversation_id: id.uuid(),
            user_id: me,
        },
    )])
}

/// When a call's room opens and closes: the scheduling rule (`can_join`).
fn window(f: &CallFacts) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        f.start_at - chrono::Duration::minutes(JOIN_EARLY_MINUTES),
        f.end_at,
    )
}

fn state(f: &CallFacts, status: Status, now: DateTime<Utc>) -> CallState {
    let (opens, closes) = window(f);
    if f.ended || now > closes || !matches!(status, Status::Confirmed | Status::InProgress) {
        CallState::Ended
    } else if now < opens {
        CallState::NotOpen
    } else {
        CallState::Open
    }
}

/// The call of an appointment as one of its two parties sees it (404 for anyone else), and
/// 409 while the appointment is not confirmed (paid, where the hospital requires it).
async fn facts(tx: &TenantTx, id: AppointmentId, lock: bool) -> ApiResult<(CallFacts, Status)> {
    let f = store::call_facts(tx, id, lock)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = Status::parse(&f.status)?;
    if matches!(
        status,
        Status::Requested | Status::AwaitingPayment | Status::Rejected | Status::Cancelled
    ) {
        return Err(ApiError::conflict(
            "the call opens once the appointment is confirmed (and paid, where the hospital requires it)",
        ));
    }
    Ok((f, status))
}

/// [`facts`] for a frame that acts in the call: 409 unless the call is open now.
async fn open_call(tx: &TenantTx, id: AppointmentId, lock: bool) -> ApiResult<CallFacts> {
    let (f, status) = facts(tx, id, lock).await?;
    if f.ended {
        return Err(ApiError::conflict("the call has ended"));
    }
    if !can_join(status, f.start_at, f.end_at, Utc::now()) {
        return Err(ApiError::conflict(format!(
            "the call is open from {JOIN_EARLY_MINUTES} minutes before the appointment until its end"
        )));
    }
    Ok(f)
}

/// The call's state, window and ICE servers (TURN credentials for the caller, time-limited).
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn call_info(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
    turn: &TurnSettings,
) -> ApiResult<CallInfo> {
    let (f, status) = facts(&tx, id, false).await?;
    let me = me(&tx).uuid();
    tx.commit().await?;
    let now = Utc::now();
    let (opens_at, closes_at) = window(&f);
    Ok(CallInfo {
        state: state(&f, status, now).name().into(),
        opens_at,
        closes_at,
        ice_servers: turn.ice_servers(me, now),
    })
}

/// The call's record: events oldest first, when it started and ended, how long it lasted.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn call_record(
    mut tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
) -> ApiResult<CallRecord> {
    let hospital = tx.caller().hospital()?;
    let f = store::call_facts(&tx, id, false)
        .await?
        .ok_or(ApiError::NotFound)?;
    let items = store::events(&tx, id).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("call.read", "appointment", id).patient(f.patient_id),
    );
    tx.commit().await?;
    let at = |kind: EventKind| items.iter().find(|e| e.kind == kind.name()).map(|e| e.at);
    let started_at = at(EventKind::Started);
    let ended_at = at(EventKind::Ended).or_else(|| {
        let left = items
            .iter()
            .rev()
            .find(|e| e.kind == EventKind::Left.name());
        started_at.and(left.map(|e| e.at))
    });
    let duration_seconds = match (started_at, ended_at) {
        (Some(s), Some(e)) => Some((e - s).num_seconds().max(0)),
        _ => None,
    };
    Ok(CallRecord {
        items,
        started_at,
        ended_at,
        duration_seconds,
    })
}

/// `call.join`: the doctor is in at once; a patient the doctor admitted before goes straight
/// back in (a reconnect), any other patient waits in the waiting room and the doctor is told.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn join(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
) -> ApiResult<Vec<Delivery>> {
    let f = open_call(&tx, id, true).await?;
    let me = me(&tx).uuid();
    let a = id.uuid();
    let (doctor, patient) = (f.doctor_user_id, f.patient_user_id);
    let peer = |to, user_id| {
        Delivery::new(
            to,
            ServerFrame::CallPeer {
                appointment_id: a,
                user_id,
                present: true,
            },
        )
    };
    let waiting = |user_id| {
        Delivery::new(
            doctor,
            ServerFrame::CallWaiting {
                appointment_id: a,
                user_id,
            },
        )
    };
    let mut out = Vec::new();
    if me == doctor && !f.admitted && !f.waiting && !f.patient_present {
        tell_patient_the_call_is_open(&tx, id, &f).await?;
    }
    store::record(&tx, id, me, EventKind::Joined, None).await?;
    if me == doctor {
        out.push(Delivery::new(
            doctor,
            ServerFrame::CallAdmitted { appointment_id: a },
        ));
        if f.waiting {
            out.push(waiting(patient));
        } else if f.admitted && f.patient_present {
            out.extend([peer(doctor, patient), peer(patient, doctor)]);
        }
    } else if f.admitted {
        out.push(Delivery::new(
            patient,
            ServerFrame::CallAdmitted { appointment_id: a },
        ));
        if f.doctor_present {
            out.extend([peer(patient, doctor), peer(doctor, patient)]);
        }
    } else {
        store::record(&tx, id, me, EventKind::Waiting, None).await?;
        out.push(waiting(patient));
    }
    tx.commit().await?;
    Ok(out)
}

/// The first time the doctor joins before the patient, the patient hears of it (in the app, and
/// by email or SMS as they chose) in the join's transaction.
async fn tell_patient_the_call_is_open(
    tx: &TenantTx,
    id: AppointmentId,
    f: &CallFacts,
) -> ApiResult<()> {
    let joined_before = store::events(tx, id)
        .await?
        .iter()
        .any(|e| e.kind == EventKind::Joined.name() && e.user_id == f.doctor_user_id);
    if joined_before {
        return Ok(());
    }
    let a = AppointmentRef {
        id: id.uuid(),
        start_at: f.start_at,
        proposed_start_at: None,
    };
    let (hospital, me) = (tx.caller().hospital()?, tx.caller().user_id);
    notifications::enqueue(tx.conn(), hospital, &a, Event::CallOpen, Some(me)).await
}

/// `call.admit` (the doctor, who must be in the call): lets the waiting patient in. The first
/// time both are in, the call starts and a confirmed appointment moves to `in_progress`.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn admit(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
    user: UserId,
) -> ApiResult<Vec<Delivery>> {
    let hospital = tx.caller().hospital()?;
    let f = open_call(&tx, id, true).await?;
    let me = me(&tx).uuid();
    if me != f.doctor_user_id {
        return Err(ApiError::ForbiddenBecause(
            "only the appointment's doctor admits",
        ));
    }
    if user.uuid() != f.patient_user_id {
        return Err(ApiError::NotFound);
    }
    if !f.doctor_present {
        return Err(ApiError::conflict("join the call before admitting"));
    }
    if !f.patient_present {
        return Err(ApiError::conflict("the patient is not in the waiting room"));
    }
    let a = id.uuid();
    if !f.admitted {
        store::record(&tx, id, f.patient_user_id, EventKind::Admitted, None).await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("call.admit", "appointment", id).patient(f.patient_id),
        )
        .await?;
    }
    if !f.started {
        store::record(&tx, id, me, EventKind::Started, None).await?;
        if f.status == Status::Confirmed.as_str() {
            let start = tx
                .permit_to(perm::Appointment, appointments::Action::Start)
                .await?;
            appointments::start_in(&tx, &start, id).await?;
        }
    }
    tx.commit().await?;
    let peer = |to, user_id| {
        Delivery::new(
            to,
            ServerFrame::CallPeer {
                appointment_id: a,
                user_id,
                present: true,
            },
        )
    };
    Ok(vec![
        Delivery::new(
            f.patient_user_id,
            ServerFrame::CallAdmitted { appointment_id: a },
        ),
        peer(f.patient_user_id, f.doctor_user_id),
        peer(f.doctor_user_id, f.patient_user_id),
    ])
}

/// `call.signal`: an offer, answer or ICE candidate for the other participant, relayed only
/// between the two admitted participants who are in the call; screen sharing (`data.screen`)
/// is the doctor's.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn signal(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
    to: UserId,
    data: serde_json::Value,
) -> ApiResult<Vec<Delivery>> {
    let f = open_call(&tx, id, false).await?;
    let me = me(&tx).uuid();
    tx.commit().await?;
    let (doctor, patient) = (f.doctor_user_id, f.patient_user_id);
    let other = f.other(me);
    if to.uuid() != other {
        return Err(ApiError::NotFound);
    }
    let in_call = |user| {
        if user == doctor {
            f.doctor_present
        } else {
            f.patient_present && f.admitted
        }
    };
    if me == patient && !f.admitted {
        return Err(ApiError::ForbiddenBecause(
            "wait until the doctor admits you",
        ));
    }
    if !in_call(me) || !in_call(other) {
        return Err(ApiError::conflict(
            "both participants must be in the call to exchange signals",
        ));
    }
    if me != doctor && data.get("screen").and_then(|s| s.as_bool()) == Some(true) {
        return Err(ApiError::ForbiddenBecause("screen sharing is the doctor's"));
    }
    Ok(vec![Delivery::new(
        other,
        ServerFrame::CallSignal {
            appointment_id: id.uuid(),
            from: me,
            data,
        },
    )])
}

/// `call.leave` (also when a socket in the call closes): recorded, and the other party told.
/// Leaving a call one is not in changes nothing.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn leave(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
) -> ApiResult<Vec<Delivery>> {
    let f = store::call_facts(&tx, id, true)
        .await?
        .ok_or(ApiError::NotFound)?;
    let me = me(&tx).uuid();
    let present = f.present(me);
    if !present {
        return Ok(vec![]);
    }
    store::record(&tx, id, me, EventKind::Left, None).await?;
    tx.commit().await?;
    let other = f.other(me);
    Ok(vec![Delivery::new(
        other,
        ServerFrame::CallPeer {
            appointment_id: id.uuid(),
            user_id: me,
            present: false,
        },
    )])
}

/// `call.end` (the doctor): the call is over for both; nobody may join again.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn end(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
) -> ApiResult<Vec<Delivery>> {
    let hospital = tx.caller().hospital()?;
    let (f, _) = facts(&tx, id, true).await?;
    let me = me(&tx).uuid();
    if me != f.doctor_user_id {
        return Err(ApiError::ForbiddenBecause(
            "only the appointment's doctor ends the call",
        ));
    }
    if !f.ended {
        store::record(&tx, id, me, EventKind::Ended, None).await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("call.end", "appointment", id).patient(f.patient_id),
        )
        .await?;
    }
    tx.commit().await?;
    let frame = ServerFrame::CallEnded {
        appointment_id: id.uuid(),
    };
    Ok(vec![
        Delivery::new(f.doctor_user_id, frame.clone()),
        Delivery::new(f.patient_user_id, frame),
    ])
}

/// `call.quality`: a participant's connection report, kept in the call's record.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn quality(
    tx: TenantTx,
    _: &Permit<perm::Call, perm::Read>,
    id: AppointmentId,
    q: Quality,
) -> ApiResult<Vec<Delivery>> {
    let f = open_call(&tx, id, false).await?;
    let me = me(&tx).uuid();
    let present = f.present(me);
    if !present {
        return Err(ApiError::conflict(
            "join the call before reporting its quality",
        ));
    }
    store::record(&tx, id, me, EventKind::Quality, Some(q)).await?;
    tx.commit().await?;
    Ok(vec![])
}
