use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::stmt,
    error::{ApiError, ApiResult},
    scheduling::{
        appointments::{self, Action, Appointment, Booking},
        availability,
        slots::{Availability, DatedException},
    },
};

pub struct SchedulingApi;

/// Longest range one slots query may cover.
pub const MAX_SLOT_RANGE_DAYS: i64 = 31;

#[derive(Object, Clone)]
#[oai(deny_unknown_fields)]
pub struct Rule {
    /// 1 = Monday .. 7 = Sunday.
    #[oai(validator(minimum(value = "1"), maximum(value = "7")))]
    pub weekday: u8,
    /// Local time, `HH:MM`.
    pub start: String,
    /// Local time, `HH:MM`.
    pub end: String,
}

/// A day off (no times) or extra hours on a date.
#[derive(Object, Clone)]
#[oai(deny_unknown_fields)]
pub struct Exception {
    pub date: NaiveDate,
    #[oai(nullable)]
    pub start: Option<String>,
    #[oai(nullable)]
    pub end: Option<String>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct AvailabilityBody {
    /// IANA time zone the rules are written in, e.g. `Asia/Kathmandu`.
    pub timezone: String,
    /// Length of one visit, 5 to 240 minutes.
    #[oai(validator(minimum(value = "5"), maximum(value = "240")))]
    pub slot_minutes: u32,
    /// Gap left after every visit (default 0, at most 120).
    #[oai(nullable, validator(maximum(value = "120")))]
    pub buffer_minutes: Option<u32>,
    /// At most 100 weekly rules.
    #[oai(validator(max_items = 100))]
    pub rules: Vec<Rule>,
    /// At most 400 dated exceptions.
    #[oai(nullable, validator(max_items = 400))]
    pub exceptions: Option<Vec<Exception>>,
}

#[derive(Object)]
pub struct AvailabilityView {
    pub doctor_id: Uuid,
    pub timezone: String,
    pub slot_minutes: u32,
    pub buffer_minutes: u32,
    pub rules: Vec<Rule>,
    pub exceptions: Vec<Exception>,
}

#[derive(Object)]
pub struct Slot {
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
}

#[derive(Object)]
pub struct Slots {
    pub items: Vec<Slot>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewAppointment {
    pub doctor_id: Uuid,
    pub start_at: DateTime<Utc>,
    /// Seen by the patient, the doctor and admins; never sent by email.
    pub reason: String,
    /// When an admin books on a patient's behalf.
    #[oai(nullable)]
    pub patient_id: Option<Uuid>,
}

#[derive(Object, Default)]
#[oai(deny_unknown_fields)]
pub struct TransitionBody {
    #[oai(nullable)]
    pub reason: Option<String>,
    /// For `propose`: the new start.
    #[oai(nullable)]
    pub start_at: Option<DateTime<Utc>>,
}

#[derive(ApiResponse)]
pub enum AvailabilityAnswer {
    #[oai(status = 200)]
    Ok(Json<AvailabilityView>),
}
#[derive(ApiResponse)]
pub enum SlotsAnswer {
    #[oai(status = 200)]
    Ok(Json<Slots>),
}
#[derive(ApiResponse)]
pub enum Booked {
    #[oai(status = 201)]
    Created(Json<Appointment>),
}
#[derive(ApiResponse)]
pub enum AppointmentAnswer {
    #[oai(status = 200)]
    Ok(Json<Appointment>),
}
#[derive(ApiResponse)]
pub enum AppointmentList {
    #[oai(status = 200)]
    Ok(Json<Listing<Appointment>>),
}

fn parse_time(field: &str, v: &str) -> ApiResult<NaiveTime> {
    NaiveTime::parse_from_str(v, "%H:%M")
        .map_err(|_| ApiError::unprocessable(format!("{field} must be HH:MM, not {v:?}")))
}

/// Dated exceptions: a day off (no times) or extra hours; none may repeat or overlap another on
/// the same date.
fn parse_exceptions<'a>(
    given: impl Iterator<Item = &'a Exception>,
) -> ApiResult<Vec<DatedException>> {
    let mut exceptions = Vec::new();
    for x in given {
        let hours = match (&x.start, &x.end) {
            (None, None) => None,
            (Some(s), Some(e)) => {
                let (s, e) = (parse_time("start", s)?, parse_time("end", e)?);
                if e <= s {
                    return Err(ApiError::unprocessable("exception end must be after start"));
                }
                Some((s, e))
            }
            _ => {
                return Err(ApiError::unprocessable(
                    "an exception has both start and end, or neither (a day off)",
                ));
            }
        };
        let clash =
            exceptions
                .iter()
                .any(|(d, h): &(NaiveDate, Option<(NaiveTime, NaiveTime)>)| {
                    *d == x.date
                        && match (h, hours) {
                            (None, None) => true,
                            (Some((s1, e1)), Some((s2, e2))) => *s1 < e2 && s2 < *e1,
                            _ => false,
                        }
                });
        if clash {
            return Err(ApiError::unprocessable(format!(
                "the exceptions on {} repeat or overlap",
                x.date
            )));
        }
        exceptions.push((x.date, hours));
    }
    Ok(exceptions)
}

fn parse(body: &AvailabilityBody) -> ApiResult<Availability> {
    let tz: chrono_tz::Tz = body.timezone.parse().map_err(|_| {
        ApiError::unprocessable("timezone must be an IANA zone such as Asia/Kathmandu")
    })?;
    if !(5..=240).contains(&body.slot_minutes) {
        return Err(ApiError::unprocessable(
            "slot_minutes must be between 5 and 240",
        ));
    }
    let buffer = body.buffer_minutes.unwrap_or(0);
    if buffer > 120 {
        return Err(ApiError::unprocessable(
            "buffer_minutes must be at most 120",
        ));
    }
    let mut rules = Vec::new();
    for r in &body.rules {
        if !(1..=7).contains(&r.weekday) {
            return Err(ApiError::unprocessable(
                "weekday must be 1 (Monday) to 7 (Sunday)",
            ));
        }
        let (s, e) = (parse_time("start", &r.start)?, parse_time("end", &r.end)?);
        if e <= s {
            return Err(ApiError::unprocessable(format!(
                "rule {}-{}: end must be after start",
                r.start, r.end
            )));
        }
        if rules
            .iter()
            .any(|(w, rs, re): &(u32, NaiveTime, NaiveTime)| {
                *w == u32::from(r.weekday) && *rs < e && s < *re
            })
        {
            return Err(ApiError::unprocessable(
                "rules on the same weekday must not overlap",
            ));
        }
        rules.push((u32::from(r.weekday), s, e));
    }
    let exceptions = parse_exceptions(body.exceptions.iter().flatten())?;
    if rules.len() > 100 || exceptions.len() > 400 {
        return Err(ApiError::unprocessable(
            "at most 100 rules and 400 exceptions",
        ));
    }
    Ok(Availability {
        tz,
        slot_minutes: i64::from(body.slot_minutes),
        buffer_minutes: i64::from(buffer),
        rules,
        exceptions,
    })
}

fn view(doctor_id: Uuid, av: &Availability) -> AvailabilityView {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    AvailabilityView {
        doctor_id,
        timezone: av.tz.name().to_string(),
        slot_minutes: av.slot_minutes as u32,
        buffer_minutes: av.buffer_minutes as u32,
        rules: av
            .rules
            .iter()
            .map(|(w, s, e)| Rule {
                weekday: *w as u8,
                start: hm(*s),
                end: hm(*e),
            })
            .collect(),
        exceptions: av
            .exceptions
            .iter()
            .map(|(d, h)| Exception {
                date: *d,
                start: h.map(|x| hm(x.0)),
                end: h.map(|x| hm(x.1)),
            })
            .collect(),
    }
}

#[derive(FromQueryResult)]
struct DoctorUser {
    user_id: Uuid,
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Scheduling")]
impl SchedulingApi {
    /// Publish a doctor's weekly availability (that doctor or an admin); replaces the previous one.
    ///
    /// Hospital admins for any doctor of the hospital, doctors for themselves only (403 for another
    /// doctor; 404 for an unknown doctor). 422 for an invalid time zone, `slot_minutes` outside 5
    /// to 240, `buffer_minutes` over 120, times not `HH:MM`, an end not after its start,
    /// overlapping rules on one weekday, or an exception with only one of `start` and `end`. Booked
    /// appointments are not changed; audited.
    #[oai(
        path = "/doctors/:id/availability",
        method = "put",
        operation_id = "setAvailability"
    )]
    async fn set_availability(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<AvailabilityBody>,
    ) -> ApiResult<AvailabilityAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Availability, perm::Update>().await?;
        let hospital = tx.caller().hospital()?;
        let doctor = DoctorUser::find_by_statement(stmt(
            "select user_id from doctor where id = $1",
            [id.0.into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        if tx.caller().role == "doctor" && doctor.user_id != tx.caller().user_id {
            return Err(ApiError::ForbiddenBecause(
                "doctors set their own availability only",
            ));
        }
        let av = parse(&body.0)?;
        availability::save(&tx, id.0, &av).await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("availability.update", "doctor", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(AvailabilityAnswer::Ok(Json(view(id.0, &av))))
    }

    /// A doctor's published availability.
    ///
    /// Hospital admins, doctors and patients of the hospital. Answers the weekly rules, slot
    /// length, buffer and exceptions in the doctor's time zone; 404 when the doctor is unknown, of
    /// another hospital, or has published none.
    #[oai(
        path = "/doctors/:id/availability",
        method = "get",
        operation_id = "getAvailability"
    )]
    async fn get_availability(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<AvailabilityAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Slot, perm::List>().await?;
        let av = availability::load(&tx, id.0)
            .await?
            .ok_or(ApiError::NotFound)?;
        tx.commit().await?;
        Ok(AvailabilityAnswer::Ok(Json(view(id.0, &av))))
    }

    /// Free slots of a doctor between `from` and `to` (at most 31 days).
    ///
    /// Hospital admins, doctors and patients of the hospital. Booked and held time is left out
    /// without saying whose, and only slots within the hospital's minimum notice and booking
    /// horizon are listed; a doctor without published availability has none. 422 when `to` is not
    /// after `from` or the range exceeds 31 days, 404 for an unknown doctor.
    #[oai(
        path = "/doctors/:id/slots",
        method = "get",
        operation_id = "listSlots"
    )]
    async fn slots(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        from: Query<DateTime<Utc>>,
        to: Query<DateTime<Utc>>,
    ) -> ApiResult<SlotsAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Slot, perm::List>().await?;
        let (from, to) = (from.0, to.0);
        if to <= from {
            return Err(ApiError::unprocessable("to must be after from"));
        }
        if to - from > Duration::days(MAX_SLOT_RANGE_DAYS) {
            return Err(ApiError::unprocessable(format!(
                "a slots query covers at most {MAX_SLOT_RANGE_DAYS} days"
            )));
        }
        let exists = tx
            .exists("select 1 from doctor where id = $1", id.0)
            .await?;
        if !exists {
            return Err(ApiError::NotFound);
        }
        let Some(av) = availability::load(&tx, id.0).await? else {
            tx.commit().await?;
            return Ok(SlotsAnswer::Ok(Json(Slots { items: vec![] })));
        };
        let s = appointments::settings(&tx).await?;
        let busy =
            appointments::busy(&tx, id.0, from - Duration::days(1), to + Duration::days(1)).await?;
        tx.commit().await?;
        let now = Utc::now();
        let free = av.free(
            from,
            to,
            &busy,
            now + Duration::minutes(i64::from(s.min_notice_minutes)),
            now + Duration::days(i64::from(s.booking_horizon_days)),
        );
        Ok(SlotsAnswer::Ok(Json(Slots {
            items: free
                .into_iter()
                .map(|(start_at, end_at)| Slot { start_at, end_at })
                .collect(),
        })))
    }

    /// Book an appointment (a patient for themselves, an admin for a patient).
    ///
    /// Admins must give `patient_id` (422 otherwise); 404 for an unknown doctor or patient.
    /// `start_at` must be one of the doctor's free slots (422 when it is not, is too soon or too
    /// far ahead, or the doctor has no published availability; 409 when the slot or the patient's
    /// time was taken meanwhile). It starts `requested`, or `awaiting_payment` or `confirmed` where
    /// the hospital needs no approval (then the doctor joins the care team); patient and doctor are
    /// notified by email and in-app, and the booking is audited.
    #[oai(
        path = "/appointments",
        method = "post",
        operation_id = "createAppointment"
    )]
    async fn create(&self, auth: BearerAuth, body: Json<NewAppointment>) -> ApiResult<Booked> {
        let tx = auth.0;
        tx.permit::<perm::Appointment, perm::Create>().await?;
        let b = body.0;
        if b.reason.chars().count() > 2000 {
            return Err(ApiError::unprocessable(
                "reason must have at most 2000 characters",
            ));
        }
        let a = appointments::create(
            &tx,
            Booking {
                doctor_id: b.doctor_id,
                patient_id: b.patient_id,
                start_at: b.start_at,
                reason: b.reason,
            },
        )
        .await?;
        crate::notifications::appointment_event(&tx, &a, crate::notifications::Event::Booked)
            .await?;
        tx.commit().await?;
        Ok(Booked::Created(Json(a)))
    }

    /// The caller's appointments: a patient's own, a doctor's own, all of the hospital for admins.
    ///
    /// Patients, doctors and hospital admins (403 for a super admin). In creation order, paged with
    /// `limit` and `cursor`.
    #[oai(
        path = "/appointments",
        method = "get",
        operation_id = "listAppointments"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<AppointmentList> {
        let tx = auth.0;
        tx.permit::<perm::Appointment, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = page
            .list(
                &tx,
                appointments::SELECT,
                "id",
                "",
                vec![],
                |a: &Appointment| a.id,
            )
            .await?;
        tx.commit().await?;
        Ok(AppointmentList::Ok(Json(listing)))
    }

    /// One appointment.
    ///
    /// Its patient, its doctor or a hospital admin; 404 for anyone else's appointment or another
    /// hospital's id. Shows status, times, reason, fee and any pending proposal of another time
    /// (`proposed_start_at`).
    #[oai(
        path = "/appointments/:id",
        method = "get",
        operation_id = "getAppointment"
    )]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<AppointmentAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Appointment, perm::Read>().await?;
        let a = appointments::get(&tx, id.0).await?;
        tx.commit().await?;
        Ok(AppointmentAnswer::Ok(Json(a)))
    }

    /// Approve a requested appointment (its doctor or an admin).
    ///
    /// 409 unless the appointment is `requested`. It becomes `awaiting_payment` (when the hospital
    /// takes payment through a provider and the fee is above zero; the slot is held for the payment
    /// window) or `confirmed`; the doctor joins the patient's care team, the patient is notified by
    /// email and in-app, and the change is audited.
    #[oai(
        path = "/appointments/:id/approve",
        method = "post",
        operation_id = "approveAppointment"
    )]
    async fn approve(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::Approve, body.0).await
    }
    /// Reject a requested appointment with a reason (its doctor or an admin).
    ///
    /// 409 unless the appointment is `requested`; 422 without a non-empty `reason` (at most 2000
    /// characters), which is kept as `status_reason`. The patient is notified by email and in-app;
    /// audited.
    #[oai(
        path = "/appointments/:id/reject",
        method = "post",
        operation_id = "rejectAppointment"
    )]
    async fn reject(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::Reject, body.0).await
    }
    /// Propose another time (`start_at`); the patient accepts or cancels.
    ///
    /// The appointment's doctor or an admin, while it is `requested`, `awaiting_payment` or
    /// `confirmed` (409 otherwise). `start_at` must be one of the doctor's slots within the
    /// hospital's notice and horizon (422) and free (409); status and time stay as they are until
    /// the patient accepts, and the proposal holds no slot. The patient is notified by email and
    /// in-app; audited.
    #[oai(
        path = "/appointments/:id/propose",
        method = "post",
        operation_id = "proposeAppointmentTime"
    )]
    async fn propose(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::Propose, body.0).await
    }
    /// Accept the proposed time (the patient).
    ///
    /// The appointment's patient only (403 for staff); 409 when there is no pending proposal or the
    /// time was taken meanwhile. The appointment moves to the proposed time, and a `requested` one
    /// counts as approved (`awaiting_payment` or `confirmed`); the patient is notified by email and
    /// in-app, and the change is audited.
    #[oai(
        path = "/appointments/:id/accept-proposal",
        method = "post",
        operation_id = "acceptAppointmentProposal"
    )]
    async fn accept(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::AcceptProposal, body.0).await
    }
    /// Cancel (the patient, until the hospital's cancellation window; the doctor; an admin).
    ///
    /// Possible while `requested`, `awaiting_payment` or `confirmed` (409 otherwise); a patient may
    /// cancel a confirmed appointment only until `cancellation_window_hours` before its start (409
    /// after). The other side is notified by email and in-app (both when an admin cancels);
    /// audited. The payment of a confirmed appointment is owed back when the doctor or hospital
    /// cancels, or the patient does at least `refund_window_hours` ahead: Stripe refunds it
    /// automatically, a Khalti payment becomes `pending_manual`.
    #[oai(
        path = "/appointments/:id/cancel",
        method = "post",
        operation_id = "cancelAppointment"
    )]
    async fn cancel(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::Cancel, body.0).await
    }
    /// Start the consultation (the doctor, from 15 minutes before its time).
    ///
    /// The appointment's doctor only (403 for admins and patients); 409 unless it is `confirmed`
    /// and now is between 15 minutes before its start and its end. It becomes `in_progress`;
    /// audited.
    #[oai(
        path = "/appointments/:id/start",
        method = "post",
        operation_id = "startAppointment"
    )]
    async fn start(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::Start, body.0).await
    }
    /// Complete the consultation (the doctor).
    ///
    /// The appointment's doctor only (403 for admins and patients); 409 unless it is `in_progress`.
    /// It becomes `completed`; audited.
    #[oai(
        path = "/appointments/:id/complete",
        method = "post",
        operation_id = "completeAppointment"
    )]
    async fn complete(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Option<TransitionBody>>,
    ) -> ApiResult<AppointmentAnswer> {
        act(auth, id.0, Action::Complete, body.0).await
    }
}

async fn act(
    auth: BearerAuth,
    id: Uuid,
    action: Action,
    body: Option<TransitionBody>,
) -> ApiResult<AppointmentAnswer> {
    let tx = auth.0;
    let permit = tx.permit_to(perm::Appointment, action).await?;
    let body = body.unwrap_or_default();
    if body
        .reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > 2000)
    {
        return Err(ApiError::unprocessable(
            "reason must have at most 2000 characters",
        ));
    }
    let a = appointments::transition(&tx, &permit, id, body.reason, body.start_at).await?;
    let event = match action {
        Action::Approve | Action::AcceptProposal if a.status == "confirmed" => {
            Some(crate::notifications::Event::Confirmed)
        }
        Action::Approve | Action::AcceptProposal => Some(crate::notifications::Event::Approved),
        Action::Reject => Some(crate::notifications::Event::Rejected),
        Action::Propose => Some(crate::notifications::Event::Proposed),
        Action::Cancel => Some(crate::notifications::Event::Cancelled),
        Action::Start | Action::Complete => None,
    };
    if let Some(e) = event {
        crate::notifications::appointment_event(&tx, &a, e).await?;
    }
    tx.commit().await?;
    Ok(AppointmentAnswer::Ok(Json(a)))
}
