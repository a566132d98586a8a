//! `/api/v1/doctors/{id}/availability`, `/api/v1/doctors/{id}/slots` and `/api/v1/appointments`:
//! HTTP only. Each handler names the ids it was given, asks casbin for its permit and hands both
//! to `service`.

use chrono::{DateTime, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    auth::{BearerAuth, permit as perm},
    error::ApiResult,
    ids::{AppointmentId, DoctorId, PatientId},
    scheduling::{
        lifecycle::Action,
        service,
        types::{
            Appointment, AvailabilityView, Booking, Exception, Rule, Schedule, SlotRange, Slots,
            Transition,
        },
    },
};

pub struct SchedulingApi;

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
        let permit = tx.permit::<perm::Availability, perm::Update>().await?;
        let b = body.0;
        let schedule = Schedule {
            timezone: b.timezone,
            slot_minutes: b.slot_minutes,
            buffer_minutes: b.buffer_minutes,
            rules: b.rules,
            exceptions: b.exceptions.unwrap_or_default(),
        };
        let view =
            service::publish_availability(tx, &permit, DoctorId::from(id.0), schedule).await?;
        Ok(AvailabilityAnswer::Ok(Json(view)))
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
        let permit = tx.permit::<perm::Slot, perm::List>().await?;
        let view = service::availability(tx, &permit, DoctorId::from(id.0)).await?;
        Ok(AvailabilityAnswer::Ok(Json(view)))
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
        let permit = tx.permit::<perm::Slot, perm::List>().await?;
        let range = SlotRange::parse(from.0, to.0)?;
        let slots = service::free_slots(tx, &permit, DoctorId::from(id.0), range).await?;
        Ok(SlotsAnswer::Ok(Json(slots)))
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
        let permit = tx.permit::<perm::Appointment, perm::Create>().await?;
        let b = body.0;
        let booking = Booking::parse(
            DoctorId::from(b.doctor_id),
            b.patient_id.map(PatientId::from),
            b.start_at,
            b.reason,
        )?;
        let a = service::book(tx, &permit, booking).await?;
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
        let permit = tx.permit::<perm::Appointment, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list(tx, &permit, page).await?;
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
        let permit = tx.permit::<perm::Appointment, perm::Read>().await?;
        let a = service::read(tx, &permit, AppointmentId::from(id.0)).await?;
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

/// A lifecycle action: the permit for it, then the reason's length (422), then the service.
async fn act(
    auth: BearerAuth,
    id: Uuid,
    action: Action,
    body: Option<TransitionBody>,
) -> ApiResult<AppointmentAnswer> {
    let tx = auth.0;
    let permit = tx.permit_to(perm::Appointment, action).await?;
    let body = body.unwrap_or_default();
    let asked = Transition::parse(body.reason, body.start_at)?;
    let a = service::transition(tx, &permit, AppointmentId::from(id), asked).await?;
    Ok(AppointmentAnswer::Ok(Json(a)))
}
