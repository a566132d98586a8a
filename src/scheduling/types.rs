//! The scheduling domain's values: a doctor's weekly schedule as published and shown, free
//! slots, appointments and the hospital's booking settings, and what a request may ask for
//! (parsed and bounded here).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    ids::{DoctorId, PatientId},
    scheduling::{
        lifecycle::Status,
        slots::{Availability, DatedException, Interval},
    },
};

/// Longest range one slots query may cover.
pub const MAX_SLOT_RANGE_DAYS: i64 = 31;

/// Longest reason a booking or a transition may give.
const MAX_REASON_CHARS: usize = 2000;

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
pub struct AvailabilityView {
    pub doctor_id: Uuid,
    pub timezone: String,
    pub slot_minutes: u32,
    pub buffer_minutes: u32,
    pub rules: Vec<Rule>,
    pub exceptions: Vec<Exception>,
}

impl AvailabilityView {
    /// The doctor's availability as readers see it: local times as `HH:MM`.
    pub fn of(doctor: DoctorId, av: &Availability) -> Self {
        let hm = |t: NaiveTime| t.format("%H:%M").to_string();
        Self {
            doctor_id: doctor.uuid(),
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

impl From<Vec<Interval>> for Slots {
    fn from(free: Vec<Interval>) -> Self {
        Self {
            items: free
                .into_iter()
                .map(|(start_at, end_at)| Slot { start_at, end_at })
                .collect(),
        }
    }
}

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
    /// The doctor's name (null only where the caller may not see the account).
    #[oai(nullable)]
    pub doctor_name: Option<String>,
    /// The patient's name (null only where the caller may not see the account).
    #[oai(nullable)]
    pub patient_name: Option<String>,
}

impl Appointment {
    /// Its status as the lifecycle names it (the column's check constraint allows no other).
    pub fn lifecycle_status(&self) -> ApiResult<Status> {
        Status::parse(&self.status)
    }
}

/// The hospital's booking and payment settings.
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
    pub fn after_approval(&self) -> Status {
        if self.payment_required && self.payment_provider != "none" && self.appointment_fee > 0 {
            Status::AwaitingPayment
        } else {
            Status::Confirmed
        }
    }
}

fn parse_time(field: &str, v: &str) -> ApiResult<NaiveTime> {
    NaiveTime::parse_from_str(v, "%H:%M")
        .map_err(|_| ApiError::unprocessable(format!("{field} must be HH:MM, not {v:?}")))
}

/// A weekly schedule as given. [`Schedule::parse`] checks it; the service does so once it has
/// found the doctor and may publish for them (their 404 and 403 come first).
pub struct Schedule {
    pub timezone: String,
    pub slot_minutes: u32,
    pub buffer_minutes: Option<u32>,
    pub rules: Vec<Rule>,
    pub exceptions: Vec<Exception>,
}

impl Schedule {
    /// The availability it describes, or 422 naming what is wrong.
    pub fn parse(&self) -> ApiResult<Availability> {
        let tz: chrono_tz::Tz = self.timezone.parse().map_err(|_| {
            ApiError::unprocessable("timezone must be an IANA zone such as Asia/Kathmandu")
        })?;
        if !(5..=240).contains(&self.slot_minutes) {
            return Err(ApiError::unprocessable(
                "slot_minutes must be between 5 and 240",
            ));
        }
        let buffer = self.buffer_minutes.unwrap_or(0);
        if buffer > 120 {
            return Err(ApiError::unprocessable(
                "buffer_minutes must be at most 120",
            ));
        }
        let rules = parse_rules(&self.rules)?;
        let exceptions = parse_exceptions(&self.exceptions)?;
        if rules.len() > 100 || exceptions.len() > 400 {
            return Err(ApiError::unprocessable(
                "at most 100 rules and 400 exceptions",
            ));
        }
        Ok(Availability {
            tz,
            slot_minutes: i64::from(self.slot_minutes),
            buffer_minutes: i64::from(buffer),
            rules,
            exceptions,
        })
    }
}

/// Weekly rules: a weekday 1 to 7, an end after its start, none overlapping another on the
/// same weekday.
fn parse_rules(given: &[Rule]) -> ApiResult<Vec<(u32, NaiveTime, NaiveTime)>> {
    let mut rules = Vec::new();
    for r in given {
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
    Ok(rules)
}

/// Dated exceptions: a day off (no times) or extra hours; none may repeat or overlap another on
/// the same date.
fn parse_exceptions(given: &[Exception]) -> ApiResult<Vec<DatedException>> {
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

/// The range a slots query covers: `to` after `from`, at most [`MAX_SLOT_RANGE_DAYS`].
#[derive(Debug, Clone, Copy)]
pub struct SlotRange {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl SlotRange {
    pub fn parse(from: DateTime<Utc>, to: DateTime<Utc>) -> ApiResult<Self> {
        if to <= from {
            return Err(ApiError::unprocessable("to must be after from"));
        }
        if to - from > Duration::days(MAX_SLOT_RANGE_DAYS) {
            return Err(ApiError::unprocessable(format!(
                "a slots query covers at most {MAX_SLOT_RANGE_DAYS} days"
            )));
        }
        Ok(Self { from, to })
    }
}

fn check_reason(reason: &str) -> ApiResult<()> {
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(ApiError::unprocessable(
            "reason must have at most 2000 characters",
        ));
    }
    Ok(())
}

/// An appointment to book. `patient` is named when staff book for a patient; a patient books
/// for themself.
pub struct Booking {
    pub doctor: DoctorId,
    pub patient: Option<PatientId>,
    pub start_at: DateTime<Utc>,
    pub reason: String,
}

impl Booking {
    /// 422 for a reason over 2000 characters.
    pub fn parse(
        doctor: DoctorId,
        patient: Option<PatientId>,
        start_at: DateTime<Utc>,
        reason: String,
    ) -> ApiResult<Self> {
        check_reason(&reason)?;
        Ok(Self {
            doctor,
            patient,
            start_at,
            reason,
        })
    }
}

/// What came with a lifecycle action: a reason (to reject, cancel or propose) and, to propose,
/// the new start.
#[derive(Debug, Default)]
pub struct Transition {
    pub reason: Option<String>,
    pub start_at: Option<DateTime<Utc>>,
}

impl Transition {
    /// 422 for a reason over 2000 characters.
    pub fn parse(reason: Option<String>, start_at: Option<DateTime<Utc>>) -> ApiResult<Self> {
        if let Some(r) = &reason {
            check_reason(r)?;
        }
        Ok(Self { reason, start_at })
    }
}

/// Who cancelled an appointment (its `cancelled_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelledBy {
    Patient,
    Doctor,
    Hospital,
}

impl CancelledBy {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Patient => "patient",
            Self::Doctor => "doctor",
            Self::Hospital => "hospital",
        }
    }
}

/// How early before its start an appointment's room opens.
pub const JOIN_EARLY_MINUTES: i64 = 10;

/// The one rule the video room and chat use: only a confirmed appointment (which, where the
/// hospital requires payment, means paid and verified) or one in progress, from
/// `JOIN_EARLY_MINUTES` before its start until its end.
pub fn can_join(
    status: Status,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    matches!(status, Status::Confirmed | Status::InProgress)
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
        assert!(can_join(Status::Confirmed, start, end, at(-10)));
        assert!(can_join(Status::InProgress, start, end, at(29)));
        assert!(!can_join(Status::Confirmed, start, end, at(-11)));
        assert!(!can_join(Status::Confirmed, start, end, at(31)));
        for unpaid_or_over in [
            Status::Requested,
            Status::AwaitingPayment,
            Status::Completed,
            Status::Cancelled,
            Status::Rejected,
            Status::NoShow,
        ] {
            assert!(
                !can_join(unpaid_or_over, start, end, at(0)),
                "{unpaid_or_over:?}"
            );
        }
    }

    fn rule(weekday: u8, start: &str, end: &str) -> Rule {
        Rule {
            weekday,
            start: start.into(),
            end: end.into(),
        }
    }

    fn schedule(rules: Vec<Rule>, exceptions: Vec<Exception>) -> Schedule {
        Schedule {
            timezone: "Asia/Kathmandu".into(),
            slot_minutes: 20,
            buffer_minutes: None,
            rules,
            exceptions,
        }
    }

    fn message(e: ApiError) -> String {
        match e {
            ApiError::Unprocessable(m) => m,
            other => panic!("not a 422: {other:?}"),
        }
    }

    #[test]
    fn a_schedule_parses_and_shows_as_it_was_given() {
        let date: NaiveDate = "2026-12-24".parse().unwrap();
        let extra = Exception {
            date,
            start: Some("18:00".into()),
            end: Some("19:00".into()),
        };
        let av = schedule(
            vec![rule(1, "09:00", "12:00"), rule(1, "13:00", "17:00")],
            vec![extra],
        )
        .parse()
        .unwrap();
        assert_eq!(av.tz, chrono_tz::Asia::Kathmandu);
        assert_eq!((av.slot_minutes, av.buffer_minutes), (20, 0));
        let view = AvailabilityView::of(DoctorId::new(), &av);
        assert_eq!(view.rules[1].start, "13:00");
        assert_eq!(view.exceptions[0].end.as_deref(), Some("19:00"));
    }

    #[test]
    fn a_schedule_refuses_bad_zones_lengths_times_and_overlaps() {
        let mut bad_zone = schedule(vec![], vec![]);
        bad_zone.timezone = "Mars/Olympus".into();
        assert!(message(bad_zone.parse().unwrap_err()).starts_with("timezone"));
        let mut long_buffer = schedule(vec![], vec![]);
        long_buffer.buffer_minutes = Some(121);
        assert!(long_buffer.parse().is_err());
        assert!(
            schedule(vec![rule(8, "09:00", "10:00")], vec![])
                .parse()
                .is_err()
        );
        assert!(
            schedule(vec![rule(1, "9am", "10:00")], vec![])
                .parse()
                .is_err()
        );
        assert!(
            schedule(vec![rule(1, "10:00", "10:00")], vec![])
                .parse()
                .is_err()
        );
        let overlap = schedule(
            vec![rule(1, "09:00", "12:00"), rule(1, "11:00", "13:00")],
            vec![],
        );
        assert_eq!(
            message(overlap.parse().unwrap_err()),
            "rules on the same weekday must not overlap"
        );
        assert!(
            schedule(
                vec![rule(1, "09:00", "12:00"), rule(2, "11:00", "13:00")],
                vec![]
            )
            .parse()
            .is_ok()
        );
    }

    #[test]
    fn exceptions_have_both_times_or_neither_and_do_not_repeat() {
        let date: NaiveDate = "2026-12-25".parse().unwrap();
        let off = Exception {
            date,
            start: None,
            end: None,
        };
        let half = Exception {
            date,
            start: Some("09:00".into()),
            end: None,
        };
        assert!(schedule(vec![], vec![off.clone()]).parse().is_ok());
        assert!(schedule(vec![], vec![half]).parse().is_err());
        assert_eq!(
            message(
                schedule(vec![], vec![off.clone(), off])
                    .parse()
                    .unwrap_err()
            ),
            "the exceptions on 2026-12-25 repeat or overlap"
        );
    }

    #[test]
    fn a_slot_range_runs_forward_for_at_most_31_days() {
        let from: DateTime<Utc> = "2026-12-01T00:00:00Z".parse().unwrap();
        assert!(SlotRange::parse(from, from).is_err());
        assert!(SlotRange::parse(from, from + Duration::days(31)).is_ok());
        assert!(SlotRange::parse(from, from + Duration::days(32)).is_err());
    }

    #[test]
    fn reasons_are_at_most_2000_characters() {
        let doctor = DoctorId::new();
        let now = Utc::now();
        assert!(Booking::parse(doctor, None, now, "é".repeat(2000)).is_ok());
        assert!(Booking::parse(doctor, None, now, "x".repeat(2001)).is_err());
        assert!(Transition::parse(None, None).is_ok());
        assert!(Transition::parse(Some("x".repeat(2001)), None).is_err());
    }

    #[test]
    fn cancellers_are_named_as_stored() {
        let names = [
            CancelledBy::Patient,
            CancelledBy::Doctor,
            CancelledBy::Hospital,
        ]
        .map(CancelledBy::as_str);
        assert_eq!(names, ["patient", "doctor", "hospital"]);
    }
}
