//! Sends the outbox: claims due messages with a lease (FOR UPDATE SKIP LOCKED, so instances
//! share the work), sends emails over SMTP and texts through the SMS provider, retries with
//! exponential back-off and parks a message as failed after `MAX_ATTEMPTS` (at once when the
//! provider says retrying cannot help). A channel without configuration is not claimed: its
//! messages wait, untouched, until it is configured. A sender that dies mid-send leaves its
//! lease to expire and the message is sent again: delivery is at least once, nothing is lost.
//! A sender that drains (SIGTERM) lets a send under way finish (briefly) and hands its
//! unsent claims back at once instead (see [`Drain`](crate::app::drain::Drain)); each email's
//! Message-ID is its outbox row's id, so a receiver can tell a message sent twice. The same loop sends appointment reminders and marks
//! no-shows.

use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor, message::MultiPart};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait, Value};
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::{
    app::{Config, drain::Drain},
    db::stmt,
    notifications::{
        AppointmentRef, Event, enqueue,
        sms::{SendError, SmsSender},
    },
};

pub const MAX_ATTEMPTS: i32 = 5;
const LEASE_SECONDS: i32 = 120;
/// How long a send under way when draining begins may still take before it is abandoned and
/// its message handed back (sent again, then, if the server had taken it after all).
const IN_FLIGHT_GRACE: Duration = Duration::from_secs(2);
/// Confirmed appointments become no-shows this long after their end without a start.
const NO_SHOW_GRACE_MINUTES: i32 = 30;

#[derive(FromQueryResult)]
struct Claimed {
    hospital_id: Uuid,
    id: Uuid,
    channel: String,
    recipient: String,
    subject: String,
    text_body: String,
    html_body: Option<String>,
}

#[derive(FromQueryResult)]
struct Due {
    hospital_id: Uuid,
    id: Uuid,
    start_at: DateTime<Utc>,
}

/// What sends the outbox's messages: SMTP for email (`SMTP_URL`), the SMS provider for texts
/// (`SMS_PROVIDER` and its credentials). Either may be missing.
pub struct Courier {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: String,
    sms: Option<SmsSender>,
}

impl Courier {
    pub fn new(config: &Config) -> anyhow::Result<Self> {
        let smtp = match &config.smtp_url {
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())?
                    .timeout(Some(Duration::from_secs(15)))
                    .build(),
            ),
            None => None,
        };
        let sms = config.sms.clone().map(SmsSender::new).transpose()?;
        Ok(Self {
            smtp,
            from: config.mail_from.clone(),
            sms,
        })
    }

    /// The channels this courier can send, as `outbox.channel` names them.
    fn channels(&self) -> Vec<String> {
        let mut c = Vec::with_capacity(2);
        if self.smtp.is_some() {
            c.push("email".to_string());
        }
        if self.sms.is_some() {
            c.push("sms".to_string());
        }
        c
    }

    async fn send(&self, m: &Claimed) -> Result<(), SendError> {
        match (m.channel.as_str(), &self.sms) {
            ("sms", Some(sms)) => sms.send(&m.recipient, &m.text_body).await,
            ("email", _) => self.email(m).await.map_err(|message| SendError {
                message,
                permanent: false,
            }),
            _ => Err(SendError {
                message: format!("no {} sender is configured", m.channel),
                permanent: false,
            }),
        }
    }

    async fn email(&self, m: &Claimed) -> Result<(), String> {
        let Some(t) = &self.smtp else {
            return Err("SMTP_URL is not configured".into());
        };
        let body = match &m.html_body {
            Some(html) => MultiPart::alternative_plain_html(m.text_body.clone(), html.clone()),
            None => MultiPart::alternative_plain_html(m.text_body.clone(), String::new()),
        };
        let msg = Message::builder()
            .from(self.from.parse().map_err(|e| format!("MAIL_FROM: {e}"))?)
            .to(m
                .recipient
                .parse()
                .map_err(|e| format!("recipient address: {e}"))?)
            .subject(m.subject.clone())
            // The outbox row's id: a message sent again (at least once) is recognisable as the
            // same message by whoever receives it.
            .message_id(Some(format!("<{}@outbox.carebridge>", m.id)))
            .multipart(body)
            .map_err(|e| e.to_string())?;
        t.send(msg).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// One pass: send what is due on the configured channels. Answers how many messages were sent.
pub async fn send_due(db: &DatabaseConnection, courier: &Courier) -> anyhow::Result<usize> {
    send_due_until(db, courier, &Drain::default()).await
}

/// Hands claimed, unsent messages back: claimable again at once, their attempt undone.
async fn release(db: &DatabaseConnection, claimed: &[Claimed]) -> anyhow::Result<()> {
    for m in claimed {
        db.execute_raw(stmt(
            "select outbox_release($1, $2)",
            [m.hospital_id.into(), m.id.into()],
        ))
        .await?;
    }
    tracing::info!(
        released = claimed.len(),
        "draining: outbox claims handed back"
    );
    Ok(())
}

/// [`send_due`], stopping when `drain` begins: the message being sent may finish (for up to
/// `IN_FLIGHT_GRACE`, or it is handed back too) and the rest of the claimed batch is handed back.
pub async fn send_due_until(
    db: &DatabaseConnection,
    courier: &Courier,
    drain: &Drain,
) -> anyhow::Result<usize> {
    // Password-reset requests wait in their own queue (see migration 0011) until now.
    db.execute_raw(stmt(
        "select auth_expand_password_resets($1)",
        [Value::from(100)],
    ))
    .await?;
    let channels = courier.channels();
    if channels.is_empty() {
        return Ok(0);
    }
    let claimed = Claimed::find_by_statement(stmt(
        "select hospital_id, id, channel, recipient, subject, text_body, html_body
           from outbox_claim($1, $2, $3)",
        [Value::from(20), Value::from(LEASE_SECONDS), channels.into()],
    ))
    .all(db)
    .await?;
    let mut sent = 0;
    for (i, m) in claimed.iter().enumerate() {
        if drain.is_draining() {
            release(db, &claimed[i..]).await?;
            return Ok(sent);
        }
        let send = courier.send(m);
        tokio::pin!(send);
        let result = tokio::select! {
            r = &mut send => r,
            // Cut off once the server has taken it, the message would be sent again by the
            // instance that claims it next: a send under way may still finish, briefly.
            _ = drain.started() => match tokio::time::timeout(IN_FLIGHT_GRACE, &mut send).await {
                Ok(r) => r,
                Err(_) => {
                    release(db, &claimed[i..]).await?;
                    return Ok(sent);
                }
            },
        };
        if result.is_ok() {
            sent += 1;
        }
        report(db, m, result).await?;
    }
    Ok(sent)
}

/// Records a send's outcome: sent, or retried later with back-off (parked as failed after
/// `MAX_ATTEMPTS`, at once when retrying cannot help).
async fn report(
    db: &DatabaseConnection,
    m: &Claimed,
    result: Result<(), SendError>,
) -> anyhow::Result<()> {
    let max_attempts = match &result {
        Err(e) if e.permanent => 0,
        _ => MAX_ATTEMPTS,
    };
    if let Err(e) = &result {
        // The address or number is the only personal data here, and it is not logged.
        tracing::warn!(hospital_id = %m.hospital_id, message_id = %m.id,
            channel = %m.channel, error = %e.message, "message not sent");
    }
    db.execute_raw(stmt(
        "select outbox_report($1, $2, $3, $4)",
        [
            m.hospital_id.into(),
            m.id.into(),
            result.err().map(|e| e.message).into(),
            Value::from(max_attempts),
        ],
    ))
    .await?;
    Ok(())
}

/// Enqueues the 24-hour and 1-hour reminders that are due, each exactly once.
pub async fn enqueue_reminders(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let mut n = 0;
    for (kind, minutes, event) in [
        ("24h", 24 * 60, Event::Reminder24h),
        ("1h", 60, Event::Reminder1h),
    ] {
        let txn = db.begin().await?;
        let due = Due::find_by_statement(stmt(
            "select hospital_id, id, start_at from appointment_due_reminders($1, $2)",
            [Value::from(kind), Value::from(minutes)],
        ))
        .all(&txn)
        .await?;
        for d in &due {
            txn.execute_raw(stmt(
                "select set_config('app.hospital_id', $1, true), set_config('app.role', 'system', true)",
                [Value::from(d.hospital_id.to_string())],
            ))
            .await?;
            let r = AppointmentRef {
                id: d.id,
                start_at: d.start_at,
                proposed_start_at: None,
            };
            enqueue(&txn, d.hospital_id, &r, event, None)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        // The marks and the messages commit together.
        txn.commit().await?;
        n += due.len();
    }
    Ok(n)
}

pub async fn mark_no_shows(db: &DatabaseConnection) -> anyhow::Result<i32> {
    let row = db
        .query_one_raw(stmt(
            "select appointment_mark_no_shows($1) as n",
            [Value::from(NO_SHOW_GRACE_MINUTES)],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<i32>("", "n"))
        .transpose()?
        .unwrap_or(0))
}

/// The background loop: inside `serve`, or alone as `carebridge worker`. It ends when `drain`
/// begins, after handing back what it had claimed; `drain` waits for that.
pub fn spawn(db: DatabaseConnection, config: &Config, drain: &Drain) -> anyhow::Result<()> {
    let courier = Courier::new(config)?;
    let khalti = match &config.khalti_secret_key {
        Some(key) => Some(crate::payments::khalti::Khalti::new(
            &config.khalti_base_url,
            key.clone(),
        )?),
        None => None,
    };
    let stripe = match &config.stripe_secret_key {
        Some(key) => Some(crate::payments::stripe::Stripe::new(
            &config.stripe_api_base,
            key,
        )?),
        None => None,
    };
    let stop = drain.clone();
    drain.track(tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        let mut n: u64 = 0;
        loop {
            tokio::select! {
                biased;
                _ = stop.started() => break,
                _ = tick.tick() => {}
            }
            n += 1;
            if let Err(e) = send_due_until(&db, &courier, &stop).await {
                tracing::warn!(error = %e, "outbox pass failed; will retry");
            }
            if n.is_multiple_of(20) {
                if let Err(e) = enqueue_reminders(&db).await {
                    tracing::warn!(error = %e, "reminder pass failed; will retry");
                }
                if let Err(e) = mark_no_shows(&db).await {
                    tracing::warn!(error = %e, "no-show pass failed; will retry");
                }
                if let Err(e) =
                    crate::payments::reconcile(&db, khalti.as_ref(), stripe.as_ref()).await
                {
                    tracing::warn!(error = %e, "payment reconciliation failed; will retry");
                }
            }
        }
    }));
    Ok(())
}
