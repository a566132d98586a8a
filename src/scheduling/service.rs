//! The scheduling domain's rules and transactions: publishing availability, free slots, booking
//! and the appointment lifecycle. Each function takes the request's transaction and the permit
//! casbin gave for what it does, and commits when it is done. The SQL is in `store`; which
//! lifecycle action is legal from which status is `lifecycle`'s table, and the slot arithmetic is
//! `slots`'.

use chrono::{DateTime, Duration, Utc};

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{AppointmentId, DoctorId, HospitalId, PatientId, UserId},
    notifications::{self, Event},
    scheduling::{
        lifecycle::{self, Action, Party, Status},
        slots::Availability,
        store::{self, Change, Insert, PatientBy, Person},
        types::{
            Appointment, AvailabilityView, Booking, CancelledBy, Schedule, Settings, SlotRange,
            Slots, Transition,
        },
    },
};

/// Publishes a doctor's weekly availability, replacing the previous one. Hospital admins for any
/// doctor of the hospital, doctors for themselves only (403); 404 for a doctor the caller may
/// not see. The schedule is checked after both (422). Audited.
#[tracing::instrument(skip_all, fields(doctor = %doctor))]
pub async fn publish_availability(
    tx: TenantTx,
    _: &Permit<perm::Availability, perm::Update>,
    doctor: DoctorId,
    schedule: Schedule,
) -> ApiResult<AvailabilityView> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let user = store::doctor_user(&tx, doctor)
        .await?
        .ok_or(ApiError::NotFound)?;
    if tx.caller().role == "doctor" && user != UserId::from(tx.caller().user_id) {
        return Err(ApiError::ForbiddenBecause(
            "doctors set their own availability only",
        ));
    }
    let av = schedule.parse()?;
    store::save(&tx, hospital, doctor, &av).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("availability.update", "doctor", doctor),
    )
    .await?;
    tx.commit().await?;
    Ok(AvailabilityView::of(doctor, &av))
}

/// A doctor's published availability; 404 when the doctor is not visible or has published none.
#[tracing::instrument(skip_all, fields(doctor = %doctor))]
pub async fn availability(
    tx: TenantTx,
    _: &Permit<perm::Slot, perm::List>,
    doctor: DoctorId,
) -> ApiResult<AvailabilityView> {
    let av = store::load(&tx, doctor).await?.ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    Ok(AvailabilityView::of(doctor, &av))
}

/// The doctor's free slots in `range` that start within the hospital's minimum notice and
/// booking horizon; none without published availability, 404 for a doctor the caller may not
/// see.
#[tracing::instrument(skip_all, fields(doctor = %doctor))]
pub async fn free_slots(
    tx: TenantTx,
    _: &Permit<perm::Slot, perm::List>,
    doctor: DoctorId,
    range: SlotRange,
) -> ApiResult<Slots> {
    if !store::doctor_exists(&tx, doctor).await? {
        return Err(ApiError::NotFound);
    }
    let Some(av) = store::load(&tx, doctor).await? else {
        tx.commit().await?;
        return Ok(Slots { items: vec![] });
    };
    let s = store::settings(&tx).await?;
    let (from, to) = (range.from, range.to);
    let busy = store::busy(
        &tx,
        doctor,
        from - Duration::days(1),
        to + Duration::days(1),
    )
    .await?;
    tx.commit().await?;
    let now = Utc::now();
    let free = av.free(
        from,
        to,
        &busy,
        now + Duration::minutes(i64::from(s.min_notice_minutes)),
        now + Duration::days(i64::from(s.booking_horizon_days)),
    );
    Ok(Slots::from(free))
}

/// Books an appointment at one of the doctor's free slots. It starts `requested`, or where the
/// hospital needs no approval as approved (then the doctor joins the care team); audited, and
/// patient and doctor are notified.
#[tracing::instrument(skip_all, fields(doctor = %b.doctor))]
pub async fn book(
    tx: TenantTx,
    _: &Permit<perm::Appointment, perm::Create>,
    b: Booking,
) -> ApiResult<Appointment> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let (patient, doctor, s, av) = parties(&tx, hospital, &b).await?;
    let end_at = check_slot(&av, &s, b.start_at, Utc::now())?;
    let status = if s.approval_required {
        Status::Requested
    } else {
        s.after_approval()
    };
    let id = AppointmentId::new();
    let hold_until = (status == Status::AwaitingPayment)
        .then(|| Utc::now() + Duration::minutes(i64::from(s.payment_window_minutes)));
    let row = Insert {
        hospital,
        id,
        patient: &patient,
        doctor: &doctor,
        start_at: b.start_at,
        end_at,
        status,
        reason: &b.reason,
        settings: &s,
        hold_until,
    };
    let a = store::insert(&tx, row).await?;
    if status != Status::Requested {
        store::join_care_team(&tx, id).await?;
    }
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("appointment.create", "appointment", id).patient(patient.id.uuid()),
    )
    .await?;
    notifications::appointment_event(&tx, &a, Event::Booked).await?;
    tx.commit().await?;
    Ok(a)
}

/// The booking's patient and doctor (404 unless the caller may see both), the hospital's
/// settings and the doctor's availability (422 when there is none).
async fn parties(
    tx: &TenantTx,
    hospital: HospitalId,
    b: &Booking,
) -> ApiResult<(Person<PatientId>, Person<DoctorId>, Settings, Availability)> {
    let caller = tx.caller();
    // A patient books for themself (found by their user id); staff name the patient.
    let by = match (caller.role.as_str(), b.patient) {
        ("patient", _) => PatientBy::User(UserId::from(caller.user_id)),
        (_, Some(p)) => PatientBy::Id(p),
        (_, None) => {
            return Err(ApiError::unprocessable(
                "patient_id is required when staff book for a patient",
            ));
        }
    };
    let found = store::booking_lookup(tx, hospital, by, b.doctor).await?;
    let patient = found.patient.ok_or(ApiError::NotFound)?;
    if b.patient.is_some_and(|p| p != patient.id) {
        return Err(ApiError::NotFound);
    }
    let doctor = found.doctor.ok_or(ApiError::NotFound)?;
    let av = found
        .availability
        .into_availability()?
        .ok_or_else(|| ApiError::unprocessable("this doctor has not published availability"))?;
    Ok((patient, doctor, found.settings, av))
}

/// Checks that `start` is one of the doctor's slots and bookable now, and answers its end. Taken
/// slots are left to the exclusion constraint, which also settles races.
fn check_slot(
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

/// A page of the caller's appointments (RLS decides which: a patient's own, a doctor's own, the
/// hospital's for admins).
#[tracing::instrument(skip_all)]
pub async fn list(
    tx: TenantTx,
    _: &Permit<perm::Appointment, perm::List>,
    page: Page,
) -> ApiResult<Listing<Appointment>> {
    let listing = store::page(&tx, &page).await?;
    tx.commit().await?;
    Ok(listing)
}

/// One appointment the caller may see; 404 otherwise.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn read(
    tx: TenantTx,
    _: &Permit<perm::Appointment, perm::Read>,
    id: AppointmentId,
) -> ApiResult<Appointment> {
    let a = store::find(&tx, id).await?;
    tx.commit().await?;
    Ok(a)
}

/// Takes the lifecycle action the permit allows, or answers 409 when the appointment's state
/// does not allow it ([`lifecycle`] decides; this checks what each action needs besides and
/// stores it). Audited; the other side is notified of what concerns them.
#[tracing::instrument(skip_all, fields(appointment = %id, action = permit.action().name()))]
pub async fn transition(
    tx: TenantTx,
    permit: &Permit<perm::Appointment, Action>,
    id: AppointmentId,
    asked: Transition,
) -> ApiResult<Appointment> {
    let action = *permit.action();
    let a = apply(&tx, action, id, asked).await?;
    if let Some(e) = event(action, a.lifecycle_status()?) {
        notifications::appointment_event(&tx, &a, e).await?;
    }
    tx.commit().await?;
    Ok(a)
}

/// Starts a confirmed appointment inside another domain's transaction (the call, once doctor
/// and patient are both in it): the lifecycle's `start` with its rules (only the doctor, only
/// from confirmed) and audit row, without committing.
pub async fn start_in(
    tx: &TenantTx,
    permit: &Permit<perm::Appointment, Action>,
    id: AppointmentId,
) -> ApiResult<Appointment> {
    if *permit.action() != Action::Start {
        return Err(ApiError::Forbidden);
    }
    apply(tx, Action::Start, id, Transition::default()).await
}

/// Who is told of an action that left an appointment in `now`.
fn event(action: Action, now: Status) -> Option<Event> {
    match action {
        Action::Approve | Action::AcceptProposal if now == Status::Confirmed => {
            Some(Event::Confirmed)
        }
        Action::Approve | Action::AcceptProposal => Some(Event::Approved),
        Action::Reject => Some(Event::Rejected),
        Action::Propose => Some(Event::Proposed),
        Action::Cancel => Some(Event::Cancelled),
        Action::Start | Action::Complete => None,
    }
}

/// The transition itself, in `tx`: the row locked, who may (403), from which status (409), what
/// the action needs besides (422, 409), the write, the care team, a refund owed, the audit row.
async fn apply(
    tx: &TenantTx,
    action: Action,
    id: AppointmentId,
    asked: Transition,
) -> ApiResult<Appointment> {
    let hospital = tx.caller().hospital()?;
    // Lock the row: concurrent transitions of one appointment apply one after the other.
    let a = store::lock(tx, id).await?;
    let party = party(tx, id).await?;
    lifecycle::may(action, party)?;
    let s = store::settings(tx).await?;
    let now = Utc::now();
    let from = a.lifecycle_status()?;
    let to = lifecycle::next(from, action, s.after_approval())?;
    let change = change(tx, &a, &s, party, action, asked, now).await?;
    store::update(tx, id, to, &change, s.payment_window_minutes).await?;
    if matches!(to, Status::AwaitingPayment | Status::Confirmed) {
        store::join_care_team(tx, id).await?;
    }
    if action == Action::Cancel && from == Status::Confirmed {
        refund_if_due(tx, hospital, &a, &s, change.cancelled_by, now).await?;
    }
    tx.audit_write(
        hospital,
        AuditEntry::new(action.audit_action(), "appointment", id).patient(a.patient_id),
    )
    .await?;
    store::find(tx, id).await
}

/// How the caller stands to appointment `id`.
async fn party(tx: &TenantTx, id: AppointmentId) -> ApiResult<Party> {
    let owners = store::owners(tx, id).await?;
    let caller = tx.caller();
    let me = UserId::from(caller.user_id);
    Ok(Party {
        patient: me == owners.patient,
        doctor: me == owners.doctor,
        admin: caller.role == "hospital_admin",
    })
}

/// What the asked action needs besides a legal status, and what it writes.
async fn change(
    tx: &TenantTx,
    a: &Appointment,
    s: &Settings,
    party: Party,
    action: Action,
    asked: Transition,
    now: DateTime<Utc>,
) -> ApiResult<Change> {
    let Transition { reason, start_at } = asked;
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
        Action::Cancel => cancellation(a, s, party, reason, now)?,
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

/// A cancellation: a patient may cancel a confirmed appointment only until the hospital's
/// cancellation window before its start (409 after); it records who cancelled.
fn cancellation(
    a: &Appointment,
    s: &Settings,
    party: Party,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> ApiResult<Change> {
    let by_patient = party.patient && !party.doctor_side();
    let window = Duration::hours(i64::from(s.cancellation_window_hours));
    if by_patient && a.lifecycle_status()? == Status::Confirmed && a.start_at - now < window {
        return Err(ApiError::conflict(format!(
            "confirmed appointments can be cancelled up to {} hours before they start; contact the hospital",
            s.cancellation_window_hours
        )));
    }
    Ok(Change {
        proposed: Some(None),
        status_reason: reason,
        cancelled_by: Some(match party {
            _ if by_patient => CancelledBy::Patient,
            Party { doctor: true, .. } => CancelledBy::Doctor,
            _ => CancelledBy::Hospital,
        }),
        ..Change::default()
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
    let doctor = DoctorId::from(a.doctor_id);
    let av = store::load(tx, doctor)
        .await?
        .ok_or_else(|| ApiError::unprocessable("this doctor has not published availability"))?;
    check_slot(&av, s, start, now)?;
    let taken = store::busy(
        tx,
        doctor,
        start,
        start + Duration::minutes(av.slot_minutes),
    )
    .await?;
    if taken.iter().any(|(bs, _)| *bs != a.start_at) {
        return Err(ApiError::conflict("the proposed slot is taken"));
    }
    Ok(())
}

/// A confirmed appointment cancelled by the hospital side, or by the patient early enough, is
/// refunded: the payment is marked due and the refund audited.
async fn refund_if_due(
    tx: &TenantTx,
    hospital: uuid::Uuid,
    a: &Appointment,
    s: &Settings,
    cancelled_by: Option<CancelledBy>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let early = a.start_at - now >= Duration::hours(i64::from(s.refund_window_hours));
    if cancelled_by == Some(CancelledBy::Patient) && !early {
        return Ok(());
    }
    let owed = store::refund_due(tx, AppointmentId::from(a.id)).await?;
    if owed > 0 {
        tx.audit_write(
            hospital,
            AuditEntry::new("payment.refund_due", "appointment", a.id).patient(a.patient_id),
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approvals_tell_of_confirmation_or_of_payment_due_and_consultations_tell_no_one() {
        for a in [Action::Approve, Action::AcceptProposal] {
            assert!(matches!(
                event(a, Status::Confirmed),
                Some(Event::Confirmed)
            ));
            assert!(matches!(
                event(a, Status::AwaitingPayment),
                Some(Event::Approved)
            ));
        }
        assert!(matches!(
            event(Action::Reject, Status::Rejected),
            Some(Event::Rejected)
        ));
        assert!(matches!(
            event(Action::Propose, Status::Requested),
            Some(Event::Proposed)
        ));
        assert!(matches!(
            event(Action::Cancel, Status::Cancelled),
            Some(Event::Cancelled)
        ));
        assert!(event(Action::Start, Status::InProgress).is_none());
        assert!(event(Action::Complete, Status::Completed).is_none());
    }
}
