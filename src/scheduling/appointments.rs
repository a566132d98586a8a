//! The booking lifecycle. The exclusion constraints make double booking impossible; this
//! module decides which transitions are legal (409 otherwise).

use chrono::{DateTime, Duration, Utc};
use poem_openapi::Object;
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    scheduling::{
        availability,
        lifecycle::{self, Party, Status},
        slots::Availability,
    },
};

pub use crate::scheduling::lifecycle::Action;

/// An appointment. `status` is requested, awaiting_payment, confirmed, in_progress, completed,
/// rejected, cancelled or no_show; a pending proposal of another time shows in `proposed_start_at`.
#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Appointment {
    pub id: Uuid,
    pub doctor_id: Uuid,
    pub patient_id: Uuid,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub status: String,
    /// Only the patient, their doctor and admins see it; it never goes into an email.
    pub reason: String,
    /// Minor units.
    pub fee: i64,
    pub currency: String,
    #[oai(nullable)]
    pub proposed_start_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub status_reason: Option<String>,
    #[oai(nullable)]
    pub cancelled_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The columns of [`Appointment`].
macro_rules! appointment_columns {
    () => {
        "id, doctor_id, patient_id, start_at, end_at, status, reason, fee, currency,
    proposed_start_at, status_reason, cancelled_by, created_at, updated_at"
    };
}

pub const SELECT: &str = concat!("select ", appointment_columns!(), " from appointment");
const RETURNING: &str = appointment_columns!();

#[derive(FromQueryResult)]
pub struct Settings {
    pub approval_required: bool,
    pub payment_required: bool,
    pub payment_provider: String,
    pub appointment_fee: i64,
    pub currency: String,
    pub booking_horizon_days: i32,
    pub min_notice_minutes: i32,
    pub cancellation_window_hours: i32,
    pub payment_window_minutes: i32,
    pub refund_window_hours: i32,
}

impl Settings {
    /// The status an approved appointment moves to.
    fn after_approval(&self) -> Status {
        if self.payment_required && self.payment_provider != "none" && self.appointment_fee > 0 {
            Status::AwaitingPayment
        } else {
            Status::Confirmed
        }
    }
}

/// The columns of [`Settings`], over `hospital h`.
const SETTINGS_COLUMNS: &str = "h.approval_required, h.payment_required, h.payment_provider,
    h.appointment_fee, h.currency, h.booking_horizon_days, h.min_notice_minutes,
    h.cancellation_window_hours, h.payment_window_minutes, h.refund_window_hours";

pub async fn settings(tx: &TenantTx) -> ApiResult<Settings> {
    let h = tx.caller().hospital()?;
    Settings::find_by_statement(stmt(
        &format!("select {SETTINGS_COLUMNS} from hospital h where h.id = $1"),
        [h.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> ApiResult<Appointment> {
    Appointment::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

struct Person {
    id: Uuid,
    user_id: Uuid,
}

/// Busy time of the doctor (any patient's), without revealing whose.
pub async fn busy(
    tx: &TenantTx,
    doctor_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ApiResult<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let rows = tx
        .conn()
        .query_all_raw(stmt(
            "select start_at, end_at from doctor_busy($1, $2, $3)",
            [doctor_id.into(), from.into(), to.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "start_at")?, r.try_get("", "end_at")?)))
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(Into::into)
}

/// Checks that `start` is one of the doctor's slots and bookable now. Taken slots are left to
/// the exclusion constraint, which also settles races.
pub fn check_slot(
    av: &Availability,
    s: &Settings,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> ApiResult<DateTime<Utc>> {
    let on_grid = av
        .grid(start, start + Duration::minutes(1))
        .into_iter()
        .find(|(slot_start, _)| *slot_start == start);
    let Some((_, end)) = on_grid else {
        return Err(ApiError::unprocessable(
            "start_at is not one of this doctor's slots (see GET /doctors/{id}/slots)",
        ));
    };
    if start < now + Duration::minutes(i64::from(s.min_notice_minutes)) {
        return Err(ApiError::unprocessable(format!(
            "appointments must be booked at least {} minutes ahead",
            s.min_notice_minutes
        )));
    }
    if start > now + Duration::days(i64::from(s.booking_horizon_days)) {
        return Err(ApiError::unprocessable(format!(
            "appointments can be booked at most {} days ahead",
            s.booking_horizon_days
        )));
    }
    Ok(end)
}

pub struct Booking {
    pub doctor_id: Uuid,
    pub patient_id: Option<Uuid>,
    pub start_at: DateTime<Utc>,
    pub reason: String,
}

/// What a booking looks up before it inserts, in one row: the patient, the doctor, the
/// hospital's settings and the doctor's availability (NULLs where a party is not visible).
#[derive(FromQueryResult)]
struct BookingLookup {
    patient_id: Option<Uuid>,
    patient_user_id: Option<Uuid>,
    doctor_id: Option<Uuid>,
    doctor_user_id: Option<Uuid>,
}

/// The booking's patient and doctor (404 unless the caller may see both), the hospital's
/// settings and the doctor's availability, in one round trip.
async fn booking_lookup(
    tx: &TenantTx,
    hospital: Uuid,
    b: &Booking,
) -> ApiResult<(Person, Person, Settings, Availability)> {
    let caller = tx.caller();
    // A patient books for themself (found by their user id); staff name the patient.
    let (by_user, by_id) = match (caller.role.as_str(), b.patient_id) {
        ("patient", _) => (Some(caller.user_id), None),
        (_, Some(pid)) => (None, Some(pid)),
        (_, None) => {
            return Err(ApiError::unprocessable(
                "patient_id is required when staff book for a patient",
            ));
        }
    };
    // Every lookup in one round trip; RLS applies to each table as in separate statements.
    let row = tx
        .conn()
        .query_one_raw(stmt(
            &format!(
                "select p.id as patient_id, p.user_id as patient_user_id,
                        d.id as doctor_id, d.user_id as doctor_user_id, {SETTINGS_COLUMNS}, {}
                   from hospital h
                   left join patient p on p.hospital_id = h.id
                        and (p.user_id = $2 or p.id = $3)
                   left join doctor d on d.hospital_id = h.id and d.id = $4
                   left join availability av on av.hospital_id = d.hospital_id and av.doctor_id = d.id
                  where h.id = $1",
                availability::COLUMNS
            ),
            [
                Value::from(hospital),
                by_user.into(),
                by_id.into(),
                b.doctor_id.into(),
            ],
        ))
        .await?
        .ok_or(ApiError::NotFound)?;
    let found = BookingLookup::from_query_result(&row, "")?;
    let party = |id: Option<Uuid>, user_id: Option<Uuid>| {
        id.zip(user_id)
            .map(|(id, user_id)| Person { id, user_id })
            .ok_or(ApiError::NotFound)
    };
    let patient = party(found.patient_id, found.patient_user_id)?;
    if b.patient_id.is_some_and(|p| p != patient.id) {
        return Err(ApiError::NotFound);
    }
    let doctor = party(found.doctor_id, found.doctor_user_id)?;
    let s = Settings::from_query_result(&row, "")?;
    let av = availability::AvailabilityRow::from_query_result(&row, "")?
        .into_availability()?
        .ok_or_else(|| ApiError::unprocessable("this doctor has not published availability"))?;
    Ok((patient, doctor, s, av))
}

pub async fn create(tx: &TenantTx, b: Booking) -> ApiResult<Appointment> {
    let hospital = tx.caller().hospital()?;
    let (patient, doctor, s, av) = booking_lookup(tx, hospital, &b).await?;
    let end = check_slot(&av, &s, b.start_at, Utc::now())?;
    let status = if s.approval_required {
        Status::Requested
    } else {
        s.after_approval()
    }
    .as_str();
    let id = Uuid::now_v7();
    let res = Appointment::find_by_statement(stmt(
            &format!("insert into appointment (hospital_id, id, doctor_id, patient_id, doctor_user_id, patient_user_id,
               start_at, end_at, status, reason, fee, currency, hold_until)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             returning {RETURNING}"),
            [
                Value::from(hospital),
                id.into(),
                doctor.id.into(),
                patient.id.into(),
                doctor.user_id.into(),
                patient.user_id.into(),
                b.start_at.into(),
                end.into(),
                status.into(),
                b.reason.into(),
                s.appointment_fee.into(),
                s.currency.clone().into(),
                (status == "awaiting_payment")
                    .then(|| Utc::now() + Duration::minutes(i64::from(s.payment_window_minutes)))
                    .into(),
            ],
        ))
        .one(tx.conn())
        .await?;
    // RETURNING shows the row through the SELECT policy, which admits the caller's own.
    let appointment = res.ok_or(ApiError::NotFound)?;
    if status != "requested" {
        join_care_team(tx, id).await?;
    }
    tx.audit_write(
        hospital,
        AuditEntry::new("appointment.create", "appointment", id).patient(patient.id),
    )
    .await?;
    Ok(appointment)
}

/// A doctor who takes on an appointment joins the patient's care team.
async fn join_care_team(tx: &TenantTx, appointment_id: Uuid) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "insert into care_team (hospital_id, patient_id, doctor_id, patient_user_id, doctor_user_id)
             select hospital_id, patient_id, doctor_id, patient_user_id, doctor_user_id from appointment where id = $1
             on conflict do nothing",
            [appointment_id.into()],
        ))
        .await?;
    Ok(())
}

/// What a transition writes besides its status.
#[derive(Default)]
struct Change {
    /// A new (start, end).
    new_start: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The proposal: `Some(None)` clears it.
    proposed: Option<Option<DateTime<Utc>>>,
    status_reason: Option<String>,
    cancelled_by: Option<&'static str>,
}

#[derive(FromQueryResult)]
struct Owners {
    doctor_user_id: Uuid,
    patient_user_id: Uuid,
}

/// How the caller stands to appointment `id`.
async fn party(tx: &TenantTx, id: Uuid) -> ApiResult<Party> {
    let owners = Owners::find_by_statement(stmt(
        "select doctor_user_id, patient_user_id from appointment where id = $1",
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)?;
    let caller = tx.caller();
    Ok(Party {
        patient: caller.user_id == owners.patient_user_id,
        doctor: caller.user_id == owners.doctor_user_id,
        admin: caller.role == "hospital_admin",
    })
}

/// Applies a transition, or answers 409 when the appointment's state does not allow it
/// ([`lifecycle`] decides; this checks what each action needs besides and stores it).
pub async fn transition(
    tx: &TenantTx,
    permit: &Permit<perm::Appointment, Action>,
    id: Uuid,
    reason: Option<String>,
    start_at: Option<DateTime<Utc>>,
) -> ApiResult<Appointment> {
    let action = *permit.action();
    let hospital = tx.caller().hospital()?;
    // Lock the row: concurrent transitions of one appointment apply one after the other.
    let a = Appointment::find_by_statement(stmt(
        &format!("{SELECT} where id = $1 for update"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)?;
    let party = party(tx, id).await?;
    lifecycle::may(action, party)?;
    let s = settings(tx).await?;
    let now = Utc::now();
    let to = lifecycle::next(Status::parse(&a.status)?, action, s.after_approval())?;
    let asked = Asked {
        action,
        reason,
        start_at,
    };
    let change = change(tx, &a, &s, party, asked, now).await?;
    store(tx, id, to, &change, &s).await?;
    if matches!(to, Status::AwaitingPayment | Status::Confirmed) {
        join_care_team(tx, id).await?;
    }
    if action == Action::Cancel && a.status == Status::Confirmed.as_str() {
        refund_if_due(tx, hospital, &a, &s, change.cancelled_by, now).await?;
    }
    tx.audit_write(
        hospital,
        AuditEntry::new(action.audit_action(), "appointment", id).patient(a.patient_id),
    )
    .await?;
    get(tx, id).await
}

/// What the caller asked: the action, and the reason and time that came with it.
struct Asked {
    action: Action,
    reason: Option<String>,
    start_at: Option<DateTime<Utc>>,
}

/// What the asked action needs besides a legal status, and what it writes.
async fn change(
    tx: &TenantTx,
    a: &Appointment,
    s: &Settings,
    party: Party,
    asked: Asked,
    now: DateTime<Utc>,
) -> ApiResult<Change> {
    let Asked {
        action,
        reason,
        start_at,
    } = asked;
    Ok(match action {
        Action::Approve | Action::Complete => Change::default(),
        Action::Reject => Change {
            status_reason: Some(
                reason
                    .filter(|r| !r.trim().is_empty())
                    .ok_or_else(|| ApiError::unprocessable("a reason is required to reject"))?,
            ),
            ..Change::default()
        },
        Action::Propose => {
            let start = start_at
                .ok_or_else(|| ApiError::unprocessable("start_at is required to propose a time"))?;
            proposable(tx, a, s, start, now).await?;
            Change {
                proposed: Some(Some(start)),
                status_reason: reason,
                ..Change::default()
            }
        }
        Action::AcceptProposal => {
            let start = a
                .proposed_start_at
                .ok_or_else(|| ApiError::conflict("there is no proposed time to accept"))?;
            Change {
                new_start: Some((start, start + (a.end_at - a.start_at))),
                proposed: Some(None),
                ..Change::default()
            }
        }
        Action::Cancel => {
            let by_patient = party.patient && !party.doctor_side();
            let window = Duration::hours(i64::from(s.cancellation_window_hours));
            if by_patient && a.status == Status::Confirmed.as_str() && a.start_at - now < window {
                return Err(ApiError::conflict(format!(
                    "confirmed appointments can be cancelled up to {} hours before they start; contact the hospital",
                    s.cancellation_window_hours
                )));
            }
            Change {
                proposed: Some(None),
                status_reason: reason,
                cancelled_by: Some(match party {
                    _ if by_patient => "patient",
                    Party { doctor: true, .. } => "doctor",
                    _ => "hospital",
                }),
                ..Change::default()
            }
        }
        Action::Start => {
            if now < a.start_at - Duration::minutes(15) || now > a.end_at {
                return Err(ApiError::conflict(
                    "an appointment can start from 15 minutes before its time until its end",
                ));
            }
            Change::default()
        }
    })
}

/// A proposed start must be one of the doctor's free slots.
async fn proposable(
    tx: &TenantTx,
    a: &Appointment,
    s: &Settings,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let av = availability::load(tx, a.doctor_id)
        .await?
        .ok_or_else(|| ApiError::unprocessable("this doctor has not published availability"))?;
    check_slot(&av, s, start, now)?;
    let taken = busy(
        tx,
        a.doctor_id,
        start,
        start + Duration::minutes(av.slot_minutes),
    )
    .await?;
    if taken.iter().any(|(bs, _)| *bs != a.start_at) {
        return Err(ApiError::conflict("the proposed slot is taken"));
    }
    Ok(())
}

/// Writes the transition (a taken time answers 409: the exclusion constraints, through
/// `From<DbErr>`).
async fn store(tx: &TenantTx, id: Uuid, to: Status, c: &Change, s: &Settings) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "update appointment set status = $2,
               start_at = coalesce($3, start_at), end_at = coalesce($4, end_at),
               proposed_start_at = case when $5 then $6 else proposed_start_at end,
               status_reason = coalesce($7, status_reason), cancelled_by = coalesce($8, cancelled_by),
               hold_until = case when $2 = 'awaiting_payment' and status <> 'awaiting_payment'
                                 then now() + make_interval(mins => $9) else hold_until end,
               updated_at = now()
             where id = $1",
            [
                Value::from(id),
                to.as_str().into(),
                c.new_start.map(|x| x.0).into(),
                c.new_start.map(|x| x.1).into(),
                c.proposed.is_some().into(),
                c.proposed.flatten().into(),
                c.status_reason.clone().into(),
                c.cancelled_by.map(str::to_string).into(),
                s.payment_window_minutes.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// A confirmed appointment cancelled by the hospital side, or by the patient early enough, is
/// refunded: the payment is marked due and the refund audited.
async fn refund_if_due(
    tx: &TenantTx,
    hospital: Uuid,
    a: &Appointment,
    s: &Settings,
    cancelled_by: Option<&str>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let early = a.start_at - now >= Duration::hours(i64::from(s.refund_window_hours));
    if cancelled_by == Some("patient") && !early {
        return Ok(());
    }
    let owed = tx
        .conn()
        .query_one_raw(stmt("select payment_refund_due($1) as n", [a.id.into()]))
        .await?
        .map(|r| r.try_get::<i32>("", "n"))
        .transpose()?
        .unwrap_or(0);
    if owed > 0 {
        tx.audit_write(
            hospital,
            AuditEntry::new("payment.refund_due", "appointment", a.id).patient(a.patient_id),
        )
        .await?;
    }
    Ok(())
}

/// How early before its start an appointment's room opens.
pub const JOIN_EARLY_MINUTES: i64 = 10;

/// The one rule the video room and chat use: only a confirmed appointment (which, where the
/// hospital requires payment, means paid and verified) or one in progress, from
/// `JOIN_EARLY_MINUTES` before its start until its end.
pub fn can_join(
    status: &str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    matches!(status, "confirmed" | "in_progress")
        && now >= start - Duration::minutes(JOIN_EARLY_MINUTES)
        && now <= end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_confirmed_appointments_inside_their_window_can_be_joined() {
        let start: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().unwrap();
        let end = start + Duration::minutes(30);
        let at = |m: i64| start + Duration::minutes(m);
        assert!(can_join("confirmed", start, end, at(-10)));
        assert!(can_join("in_progress", start, end, at(29)));
        assert!(!can_join("confirmed", start, end, at(-11)));
        assert!(!can_join("confirmed", start, end, at(31)));
        for unpaid_or_over in [
            "requested",
            "awaiting_payment",
            "completed",
            "cancelled",
            "rejected",
            "no_show",
        ] {
            assert!(
                !can_join(unpaid_or_over, start, end, at(0)),
                "{unpaid_or_over}"
            );
        }
    }
}
