//! The scheduling domain's SQL, all of it: appointments, the hospital's booking settings and
//! doctors' availability. Every statement runs in the caller's transaction, under RLS: a row the
//! caller may not see does not exist here.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{AppointmentId, DoctorId, HospitalId, PatientId, UserId},
    scheduling::{
        lifecycle::Status,
        slots::{Availability, Interval},
        types::{Appointment, CancelledBy, Settings},
    },
};

/// The columns of [`Appointment`].
macro_rules! appointment_columns {
    () => {
        "id, doctor_id, patient_id, start_at, end_at, status, reason, fee, currency,
    proposed_start_at, status_reason, cancelled_by, created_at, updated_at,
    (select u.full_name from app_user u where u.id = doctor_user_id) as doctor_name,
    (select u.full_name from app_user u where u.id = patient_user_id) as patient_name"
    };
}

pub const SELECT: &str = concat!("select ", appointment_columns!(), " from appointment");
const RETURNING: &str = appointment_columns!();

/// The columns of [`Settings`], over `hospital h`.
const SETTINGS_COLUMNS: &str = "h.approval_required, h.payment_required, h.payment_provider,
    h.appointment_fee, h.currency, h.booking_horizon_days, h.min_notice_minutes,
    h.cancellation_window_hours, h.payment_window_minutes, h.refund_window_hours";

/// The caller's hospital's booking settings.
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

/// One appointment the caller may see; 404 otherwise.
pub async fn find(tx: &TenantTx, id: AppointmentId) -> ApiResult<Appointment> {
    Appointment::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// [`find`], locking the row: concurrent transitions of one appointment apply one after the
/// other.
pub async fn lock(tx: &TenantTx, id: AppointmentId) -> ApiResult<Appointment> {
    Appointment::find_by_statement(stmt(
        &format!("{SELECT} where id = $1 for update"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// One page of the appointments the caller may see, in creation order.
pub async fn page(tx: &TenantTx, page: &Page) -> ApiResult<Listing<Appointment>> {
    page.list(tx, SELECT, "id", "", vec![], |a: &Appointment| a.id)
        .await
}

#[derive(FromQueryResult)]
struct OwnersRow {
    doctor_user_id: Uuid,
    patient_user_id: Uuid,
}

/// The user accounts of an appointment's doctor and patient.
pub struct Owners {
    pub doctor: UserId,
    pub patient: UserId,
}

/// Whose appointment `id` is; 404 when the caller may not see it.
pub async fn owners(tx: &TenantTx, id: AppointmentId) -> ApiResult<Owners> {
    let o = OwnersRow::find_by_statement(stmt(
        "select doctor_user_id, patient_user_id from appointment where id = $1",
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)?;
    Ok(Owners {
        doctor: o.doctor_user_id.into(),
        patient: o.patient_user_id.into(),
    })
}

/// Busy time of the doctor (any patient's), without revealing whose.
pub async fn busy(
    tx: &TenantTx,
    doctor: DoctorId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ApiResult<Vec<Interval>> {
    let rows = tx
        .conn()
        .query_all_raw(stmt(
            "select start_at, end_at from doctor_busy($1, $2, $3)",
            [doctor.into(), from.into(), to.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "start_at")?, r.try_get("", "end_at")?)))
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(Into::into)
}

/// A patient or doctor of this hospital and their user account.
pub struct Person<I> {
    pub id: I,
    pub user: UserId,
}

fn person<I: From<Uuid>>(id: Option<Uuid>, user: Option<Uuid>) -> Option<Person<I>> {
    id.zip(user).map(|(id, user)| Person {
        id: I::from(id),
        user: UserId::from(user),
    })
}

/// What a booking looks up before it inserts: the patient, the doctor (None where the caller
/// may not see them), the hospital's settings and the doctor's availability.
pub struct Lookup {
    pub patient: Option<Person<PatientId>>,
    pub doctor: Option<Person<DoctorId>>,
    pub settings: Settings,
    pub availability: AvailabilityRow,
}

#[derive(FromQueryResult)]
struct LookupRow {
    patient_id: Option<Uuid>,
    patient_user_id: Option<Uuid>,
    doctor_id: Option<Uuid>,
    doctor_user_id: Option<Uuid>,
}

/// Which patient a booking is for: the caller's own record, or one named by id.
pub enum PatientBy {
    User(UserId),
    Id(PatientId),
}

/// The booking's patient and doctor, the hospital's settings and the doctor's availability, in
/// one round trip; 404 when the caller's hospital is not visible.
pub async fn booking_lookup(
    tx: &TenantTx,
    hospital: HospitalId,
    patient: PatientBy,
    doctor: DoctorId,
) -> ApiResult<Lookup> {
    let (by_user, by_id) = match patient {
        PatientBy::User(u) => (Some(u.uuid()), None),
        PatientBy::Id(p) => (None, Some(p.uuid())),
    };
    // Every lookup in one round trip; RLS applies to each table as in separate statements.
    let row = tx
        .conn()
        .query_one_raw(stmt(
            &format!(
                "select p.id as patient_id, p.user_id as patient_user_id,
                        d.id as doctor_id, d.user_id as doctor_user_id, {SETTINGS_COLUMNS}, {AVAILABILITY_COLUMNS}
                   from hospital h
                   left join patient p on p.hospital_id = h.id
                        and (p.user_id = $2 or p.id = $3)
                   left join doctor d on d.hospital_id = h.id and d.id = $4
                   left join availability av on av.hospital_id = d.hospital_id and av.doctor_id = d.id
                  where h.id = $1",
            ),
            [
                Value::from(hospital),
                by_user.into(),
                by_id.into(),
                doctor.into(),
            ],
        ))
        .await?
        .ok_or(ApiError::NotFound)?;
    let found = LookupRow::from_query_result(&row, "")?;
    Ok(Lookup {
        patient: person(found.patient_id, found.patient_user_id),
        doctor: person(found.doctor_id, found.doctor_user_id),
        settings: Settings::from_query_result(&row, "")?,
        availability: AvailabilityRow::from_query_result(&row, "")?,
    })
}

/// A new appointment's row.
pub struct Insert<'a> {
    pub hospital: HospitalId,
    pub id: AppointmentId,
    pub patient: &'a Person<PatientId>,
    pub doctor: &'a Person<DoctorId>,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub status: Status,
    pub reason: &'a str,
    pub settings: &'a Settings,
    pub hold_until: Option<DateTime<Utc>>,
}

/// Inserts the appointment (a taken slot answers 409: the exclusion constraints, through
/// `From<DbErr>`) and answers it as the caller now sees it.
pub async fn insert(tx: &TenantTx, n: Insert<'_>) -> ApiResult<Appointment> {
    let res = Appointment::find_by_statement(stmt(
            &format!("insert into appointment (hospital_id, id, doctor_id, patient_id, doctor_user_id, patient_user_id,
               start_at, end_at, status, reason, fee, currency, hold_until)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             returning {RETURNING}"),
            [
                Value::from(n.hospital),
                n.id.into(),
                n.doctor.id.into(),
                n.patient.id.into(),
                n.doctor.user.into(),
                n.patient.user.into(),
                n.start_at.into(),
                n.end_at.into(),
                n.status.as_str().into(),
                n.reason.into(),
                n.settings.appointment_fee.into(),
                n.settings.currency.clone().into(),
                n.hold_until.into(),
            ],
        ))
        .one(tx.conn())
        .await?;
    // RETURNING shows the row through the SELECT policy, which admits the caller's own.
    res.ok_or(ApiError::NotFound)
}

/// The appointment's doctor joins its patient's care team (if not on it already).
pub async fn join_care_team(tx: &TenantTx, id: AppointmentId) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "insert into care_team (hospital_id, patient_id, doctor_id, patient_user_id, doctor_user_id)
             select hospital_id, patient_id, doctor_id, patient_user_id, doctor_user_id from appointment where id = $1
             on conflict do nothing",
            [id.into()],
        ))
        .await?;
    Ok(())
}

/// What a transition writes besides its status.
#[derive(Default)]
pub struct Change {
    /// A new (start, end).
    pub new_start: Option<Interval>,
    /// The proposal: `Some(None)` clears it.
    pub proposed: Option<Option<DateTime<Utc>>>,
    pub status_reason: Option<String>,
    pub cancelled_by: Option<CancelledBy>,
}

/// Writes a transition to `to`; a newly awaited payment holds the slot for
/// `payment_window_minutes`. A taken time answers 409: the exclusion constraints, through
/// `From<DbErr>`.
pub async fn update(
    tx: &TenantTx,
    id: AppointmentId,
    to: Status,
    c: &Change,
    payment_window_minutes: i32,
) -> ApiResult<()> {
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
                c.cancelled_by.map(|b| b.as_str().to_string()).into(),
                payment_window_minutes.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// Marks the appointment's payment as owed back; answers how many payments that concerned.
pub async fn refund_due(tx: &TenantTx, id: AppointmentId) -> ApiResult<i32> {
    Ok(tx
        .conn()
        .query_one_raw(stmt("select payment_refund_due($1) as n", [id.into()]))
        .await?
        .map(|r| r.try_get::<i32>("", "n"))
        .transpose()?
        .unwrap_or(0))
}

#[derive(FromQueryResult)]
struct DoctorUser {
    user_id: Uuid,
}

/// The user account of doctor `doctor`, if the caller may see the doctor.
pub async fn doctor_user(tx: &TenantTx, doctor: DoctorId) -> ApiResult<Option<UserId>> {
    Ok(DoctorUser::find_by_statement(stmt(
        "select user_id from doctor where id = $1",
        [doctor.into()],
    ))
    .one(tx.conn())
    .await?
    .map(|d| d.user_id.into()))
}

/// Whether the caller may see doctor `doctor`.
pub async fn doctor_exists(tx: &TenantTx, doctor: DoctorId) -> ApiResult<bool> {
    tx.exists("select 1 from doctor where id = $1", doctor.uuid())
        .await
}

/// A doctor's availability in one row: the head and, as JSON arrays, the weekly rules and the
/// exceptions. Selected with [`AVAILABILITY_COLUMNS`] from `availability av`, alone ([`load`])
/// or beside other lookups of the same request; all NULL when the doctor has published none.
#[derive(FromQueryResult)]
pub struct AvailabilityRow {
    av_timezone: Option<String>,
    av_slot_minutes: Option<i32>,
    av_buffer_minutes: Option<i32>,
    av_rules: Option<serde_json::Value>,
    av_exceptions: Option<serde_json::Value>,
}

/// The columns of [`AvailabilityRow`], over `availability av` (RLS applies to every table).
const AVAILABILITY_COLUMNS: &str = "av.timezone as av_timezone, av.slot_minutes as av_slot_minutes,
    av.buffer_minutes as av_buffer_minutes,
    (select json_agg(json_build_array(r.weekday, r.start_time, r.end_time) order by r.weekday, r.start_time)
       from availability_rule r where r.hospital_id = av.hospital_id and r.doctor_id = av.doctor_id) as av_rules,
    (select json_agg(json_build_array(e.day, e.start_time, e.end_time) order by e.day, e.start_time)
       from availability_exception e where e.hospital_id = av.hospital_id and e.doctor_id = av.doctor_id) as av_exceptions";

fn stored<T: serde::de::DeserializeOwned>(v: Option<serde_json::Value>) -> ApiResult<Vec<T>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => serde_json::from_value(v)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored availability: {e}"))),
    }
}

impl AvailabilityRow {
    /// The availability the row holds; None when the doctor has published none.
    pub fn into_availability(self) -> ApiResult<Option<Availability>> {
        let (Some(timezone), Some(slot_minutes), Some(buffer_minutes)) = (
            self.av_timezone,
            self.av_slot_minutes,
            self.av_buffer_minutes,
        ) else {
            return Ok(None);
        };
        let rules: Vec<(u32, NaiveTime, NaiveTime)> = stored(self.av_rules)?;
        let exceptions: Vec<(NaiveDate, Option<NaiveTime>, Option<NaiveTime>)> =
            stored(self.av_exceptions)?;
        Ok(Some(Availability {
            tz: chrono_tz::Tz::from_str(&timezone)
                .map_err(|e| anyhow::anyhow!("stored timezone: {e}"))?,
            slot_minutes: i64::from(slot_minutes),
            buffer_minutes: i64::from(buffer_minutes),
            rules,
            exceptions: exceptions
                .into_iter()
                .map(|(day, start, end)| (day, start.zip(end)))
                .collect(),
        }))
    }
}

/// The doctor's availability, or None when the doctor has published none. One round trip.
pub async fn load(tx: &TenantTx, doctor: DoctorId) -> ApiResult<Option<Availability>> {
    let row = AvailabilityRow::find_by_statement(stmt(
        &format!("select {AVAILABILITY_COLUMNS} from availability av where av.doctor_id = $1"),
        [doctor.into()],
    ))
    .one(tx.conn())
    .await?;
    match row {
        Some(row) => row.into_availability(),
        None => Ok(None),
    }
}

/// Replaces the doctor's availability (rules and exceptions) in one go; 404 when the doctor is
/// not visible or the caller may not write it.
pub async fn save(
    tx: &TenantTx,
    hospital: HospitalId,
    doctor: DoctorId,
    av: &Availability,
) -> ApiResult<()> {
    let c = tx.conn();
    c.execute_raw(stmt(
        "delete from availability where doctor_id = $1",
        [doctor.into()],
    ))
    .await?;
    let res = c
        .execute_raw(stmt(
            "insert into availability (hospital_id, doctor_id, timezone, slot_minutes, buffer_minutes) values ($1, $2, $3, $4, $5)",
            [
                Value::from(hospital),
                doctor.into(),
                av.tz.name().into(),
                (av.slot_minutes as i32).into(),
                (av.buffer_minutes as i32).into(),
            ],
        ))
        .await;
    if let Err(e) = res {
        // The doctor row is invisible or absent (RLS), or the caller may not write it.
        tracing::debug!(error = %e, "availability insert refused");
        return Err(ApiError::NotFound);
    }
    for (weekday, start, end) in &av.rules {
        c.execute_raw(stmt(
            "insert into availability_rule (hospital_id, doctor_id, weekday, start_time, end_time) values ($1, $2, $3, $4, $5)",
            [Value::from(hospital), doctor.into(), (*weekday as i16).into(), (*start).into(), (*end).into()],
        ))
        .await?;
    }
    for (day, hours) in &av.exceptions {
        c.execute_raw(stmt(
            "insert into availability_exception (hospital_id, doctor_id, day, start_time, end_time) values ($1, $2, $3, $4, $5)",
            [
                Value::from(hospital),
                doctor.into(),
                (*day).into(),
                hours.map(|h| h.0).into(),
                hours.map(|h| h.1).into(),
            ],
        ))
        .await?;
    }
    Ok(())
}
