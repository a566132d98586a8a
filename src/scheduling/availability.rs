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

#[derive(FromQueryResult)]
struct Head {
    timezone: String,
    slot_minutes: i32,
    buffer_minutes: i32,
}

#[derive(FromQueryResult)]
struct RuleRow {
    weekday: i16,
    start_time: NaiveTime,
    end_time: NaiveTime,
}

#[derive(FromQueryResult)]
struct ExceptionRow {
    day: NaiveDate,
    start_time: Option<NaiveTime>,
    end_time: Option<NaiveTime>,
}

/// The doctor's availability, or None when the doctor has published none.
pub async fn load(tx: &TenantTx, doctor_id: Uuid) -> ApiResult<Option<Availability>> {
    let Some(head) = Head::find_by_statement(stmt(
        "select timezone, slot_minutes, buffer_minutes from availability where doctor_id = $1",
        [doctor_id.into()],
    ))
    .one(tx.conn())
    .await?
    else {
        return Ok(None);
    };
    let rules = RuleRow::find_by_statement(stmt(
        "select weekday, start_time, end_time from availability_rule where doctor_id = $1 order by 1, 2",
        [doctor_id.into()],
    ))
    .all(tx.conn())
    .await?;
    let exceptions = ExceptionRow::find_by_statement(stmt(
        "select day, start_time, end_time from availability_exception where doctor_id = $1 order by 1, 2",
        [doctor_id.into()],
    ))
    .all(tx.conn())
    .await?;
    Ok(Some(Availability {
        tz: chrono_tz::Tz::from_str(&head.timezone)
            .map_err(|e| anyhow::anyhow!("stored timezone: {e}"))?,
        slot_minutes: i64::from(head.slot_minutes),
        buffer_minutes: i64::from(head.buffer_minutes),
        rules: rules
            .into_iter()
            .map(|r| (r.weekday as u32, r.start_time, r.end_time))
            .collect(),
        exceptions: exceptions
            .into_iter()
            .map(|e| (e.day, e.start_time.zip(e.end_time)))
            .collect(),
    }))
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
