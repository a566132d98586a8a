//! Loading and saving a doctor's availability.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    scheduling::slots::Availability,
};

/// A doctor's availability in one row: the head and, as JSON arrays, the weekly rules and the
/// exceptions. Selected with [`COLUMNS`] from `availability av`, alone ([`load`]) or beside
/// other lookups of the same request; all NULL when the doctor has published none.
#[derive(FromQueryResult)]
pub struct AvailabilityRow {
    av_timezone: Option<String>,
    av_slot_minutes: Option<i32>,
    av_buffer_minutes: Option<i32>,
    av_rules: Option<serde_json::Value>,
    av_exceptions: Option<serde_json::Value>,
}

/// The columns of [`AvailabilityRow`], over `availability av` (RLS applies to every table).
pub const COLUMNS: &str = "av.timezone as av_timezone, av.slot_minutes as av_slot_minutes,
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
pub async fn load(tx: &TenantTx, doctor_id: Uuid) -> ApiResult<Option<Availability>> {
    let row = AvailabilityRow::find_by_statement(stmt(
        &format!("select {COLUMNS} from availability av where av.doctor_id = $1"),
        [doctor_id.into()],
    ))
    .one(tx.conn())
    .await?;
    match row {
        Some(row) => row.into_availability(),
        None => Ok(None),
    }
}

/// Replaces the doctor's availability (rules and exceptions) in one go.
pub async fn save(tx: &TenantTx, doctor_id: Uuid, av: &Availability) -> ApiResult<()> {
    let hospital = tx.caller().hospital()?;
    let c = tx.conn();
    c.execute_raw(stmt(
        "delete from availability where doctor_id = $1",
        [doctor_id.into()],
    ))
    .await?;
    let res = c
        .execute_raw(stmt(
            "insert into availability (hospital_id, doctor_id, timezone, slot_minutes, buffer_minutes) values ($1, $2, $3, $4, $5)",
            [
                Value::from(hospital),
                doctor_id.into(),
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
            [Value::from(hospital), doctor_id.into(), (*weekday as i16).into(), (*start).into(), (*end).into()],
        ))
        .await?;
    }
    for (day, hours) in &av.exceptions {
        c.execute_raw(stmt(
            "insert into availability_exception (hospital_id, doctor_id, day, start_time, end_time) values ($1, $2, $3, $4, $5)",
            [
                Value::from(hospital),
                doctor_id.into(),
                (*day).into(),
                hours.map(|h| h.0).into(),
                hours.map(|h| h.1).into(),
            ],
        ))
        .await?;
    }
    Ok(())
}
