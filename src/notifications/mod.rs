//! Notifications through a transactional outbox: the state change, its emails, its texts (SMS,
//! for patients who chose them) and its in-app notifications commit together; the dispatcher
//! sends the emails and texts afterwards.

pub mod api;
pub mod dispatcher;
mod service;
pub mod sms;
mod store;
pub mod templates;
pub mod types;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    db::{TenantTx, stmt},
    error::ApiResult,
    scheduling::appointments::Appointment,
};

/// What a notification needs to know of an appointment.
pub struct AppointmentRef {
    pub id: Uuid,
    pub start_at: DateTime<Utc>,
    pub proposed_start_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Booked,
    Approved,
    Confirmed,
    Rejected,
    Proposed,
    Cancelled,
    Reminder24h,
    Reminder1h,
    Refunded,
    /// The doctor is in the video call, waiting for the patient.
    CallOpen,
}

impl Event {
    pub fn kind(self) -> &'static str {
        match self {
            Self::Booked => "appointment.booked",
            Self::Approved => "appointment.approved",
            Self::Confirmed => "appointment.confirmed",
            Self::Rejected => "appointment.rejected",
            Self::Proposed => "appointment.proposed",
            Self::Cancelled => "appointment.cancelled",
            Self::Reminder24h => "appointment.reminder_24h",
            Self::Reminder1h => "appointment.reminder_1h",
            Self::Refunded => "payment.refunded",
            Self::CallOpen => "call.open",
        }
    }
}

#[derive(FromQueryResult)]
struct Contacts {
    patient_user_id: Uuid,
    patient_email: String,
    patient_name: String,
    patient_language: String,
    patient_timezone: String,
    doctor_user_id: Uuid,
    doctor_email: String,
    doctor_name: String,
    doctor_language: String,
    doctor_timezone: String,
    hospital_name: String,
    patient_wants_email: bool,
    /// The patient's phone when they chose SMS.
    patient_sms_phone: Option<String>,
}

struct Recipient<'a> {
    user_id: Uuid,
    /// None when the recipient chose no email.
    email: Option<&'a str>,
    /// The phone number (E.164) when the recipient chose SMS.
    sms: Option<&'a str>,
    name: &'a str,
    language: &'a str,
    timezone: &'a str,
    other: &'a str,
    to_doctor: bool,
}

/// Enqueues the emails and in-app notifications for an appointment event, in `tx`.
pub async fn appointment_event(tx: &TenantTx, a: &Appointment, event: Event) -> ApiResult<()> {
    let r = AppointmentRef {
        id: a.id,
        start_at: a.start_at,
        proposed_start_at: a.proposed_start_at,
    };
    enqueue(
        tx.conn(),
        tx.caller().hospital()?,
        &r,
        event,
        Some(tx.caller().user_id),
    )
    .await
}

/// Each recipient's email and text (as outbox rows, by the channels they chose) and in-app
/// notification, in their language and time zone, as the JSON the enqueueing statement reads.
fn messages(
    recipients: &[&Recipient],
    event: Event,
    a: &AppointmentRef,
    hospital: &str,
) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let mut outgoing = Vec::with_capacity(recipients.len());
    let mut notes = Vec::with_capacity(recipients.len());
    for r in recipients.iter().copied() {
        let facts = templates::Facts {
            recipient_name: r.name,
            other_party: r.other,
            hospital,
            when: templates::local_time(a.start_at, r.timezone),
            proposed: a
                .proposed_start_at
                .map(|p| templates::local_time(p, r.timezone)),
            to_doctor: r.to_doctor,
        };
        let msg = templates::render(event, r.language, &facts);
        notes.push(serde_json::json!({
            "id": Uuid::now_v7(),
            "user_id": r.user_id,
            "title": msg.subject,
            "body": msg.text.lines().nth(2).unwrap_or_default(),
        }));
        if let Some(phone) = r.sms {
            let text = templates::sms(event, r.language, &facts);
            outgoing.push(serde_json::json!({
                "id": Uuid::now_v7(),
                "channel": "sms",
                "recipient": phone,
                "subject": msg.subject,
                "text_body": text,
                "html_body": null,
                "segments": sms::segments(&text).count,
            }));
        }
        if let Some(email) = r.email {
            outgoing.push(serde_json::json!({
                "id": Uuid::now_v7(),
                "channel": "email",
                "recipient": email,
                "subject": msg.subject,
                "text_body": msg.text,
                "html_body": msg.html,
                "segments": null,
            }));
        }
    }
    (outgoing, notes)
}

/// Enqueues on any connection whose context names `hospital` (requests, the reminder job).
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    hospital: Uuid,
    a: &AppointmentRef,
    event: Event,
    by: Option<Uuid>,
) -> ApiResult<()> {
    let Some(c) = Contacts::find_by_statement(stmt(
        "select * from appointment_contacts($1)",
        [a.id.into()],
    ))
    .one(conn)
    .await?
    else {
        return Ok(());
    };
    let patient = Recipient {
        user_id: c.patient_user_id,
        email: c.patient_wants_email.then_some(c.patient_email.as_str()),
        sms: c.patient_sms_phone.as_deref(),
        name: &c.patient_name,
        language: &c.patient_language,
        timezone: &c.patient_timezone,
        other: &c.doctor_name,
        to_doctor: false,
    };
    let doctor = Recipient {
        user_id: c.doctor_user_id,
        email: Some(&c.doctor_email),
        sms: None,
        name: &c.doctor_name,
        language: &c.doctor_language,
        timezone: &c.doctor_timezone,
        other: &c.patient_name,
        to_doctor: true,
    };
    let recipients: Vec<&Recipient> = match event {
        Event::Booked | Event::Reminder24h | Event::Reminder1h => vec![&patient, &doctor],
        Event::Cancelled => {
            // The other side hears of it; an admin's cancellation goes to both.
            [&patient, &doctor]
                .into_iter()
                .filter(|r| Some(r.user_id) != by)
                .collect()
        }
        _ => vec![&patient],
    };
    if recipients.is_empty() {
        return Ok(());
    }
    // Every recipient's emails and texts (outbox) and in-app notification, in one statement.
    let (outgoing, notes) = messages(&recipients, event, a, &c.hospital_name);
    conn.execute_raw(stmt(
        "with outgoing as (
           insert into outbox (hospital_id, id, channel, recipient, subject, text_body, html_body,
                               segments)
           select $1, o.id, o.channel, o.recipient, o.subject, o.text_body, o.html_body, o.segments
             from jsonb_to_recordset($2::jsonb)
                  as o(id uuid, channel text, recipient text, subject text, text_body text,
                       html_body text, segments integer))
         insert into notification (hospital_id, id, user_id, kind, title, body, appointment_id)
         select $1, n.id, n.user_id, $4, n.title, n.body, $5
           from jsonb_to_recordset($3::jsonb) as n(id uuid, user_id uuid, title text, body text)",
        vec![
            Value::from(hospital),
            Value::from(serde_json::Value::Array(outgoing)),
            Value::from(serde_json::Value::Array(notes)),
            event.kind().into(),
            a.id.into(),
        ],
    ))
    .await?;
    Ok(())
}
