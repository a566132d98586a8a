//! The analytics SQL, all of it. Each statement reads one kind of figure for the period's local
//! dates, per day and in total (`grouping sets`: a row whose `day` is null is the total), in the
//! caller's transaction under RLS.

use chrono::NaiveDate;
use sea_orm::{FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    analytics::types::Period,
    db::{TenantTx, stmt},
    error::ApiResult,
};

/// The hospital's zone and the period's bounds as instants: `$1` and `$2` are its dates.
const WINDOW: &str = "h as (select timezone as tz from hospital \
       where id = nullif(current_setting('app.hospital_id', true), '')::uuid), \
     w as (select h.tz, ($1::date)::timestamp at time zone h.tz as t0, \
                  ($2::date + 1)::timestamp at time zone h.tz as t1 from h)";

/// The period's appointments with their local start date.
/// (Only the columns the figures read: the statements that join it materialize it.)
const APPOINTMENTS: &str = "a as (select (a.start_at at time zone w.tz)::date as day, a.hospital_id, \
       a.id, a.status, a.start_at, a.end_at, a.created_at, a.confirmed_at \
       from appointment a, w where a.start_at >= w.t0 and a.start_at < w.t1)";

async fn rows<T: FromQueryResult>(tx: &TenantTx, sql: &str, p: Period) -> ApiResult<Vec<T>> {
    let values: Vec<Value> = vec![p.from.into(), p.to.into()];
    Ok(T::find_by_statement(stmt(sql, values))
        .all(tx.conn())
        .await?)
}

/// Planner settings for the rest of the caller's transaction, which reads a period of a
/// hospital's rows at once. Under RLS the planner cannot see that a hospital admin's filter keeps
/// every row of the hospital (it guesses 0.5%), so it picks a nested loop of index probes per
/// appointment where one hash join is many times faster; nor is JIT compilation worth its cost
/// to a statement that runs once. Both held for every statement here (`scripts/bench.sh
/// analytics` prints the figures); nothing else in the server uses these settings.
pub async fn report_settings(tx: &TenantTx) -> ApiResult<()> {
    tx.conn_execute(
        "select set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true), \
                set_config('work_mem', '32MB', true)",
        vec![],
    )
    .await?;
    Ok(())
}

pub async fn timezone(tx: &TenantTx) -> ApiResult<String> {
    #[derive(FromQueryResult)]
    struct Tz {
        timezone: String,
    }
    let tz = Tz::find_by_statement(stmt(
        "select timezone from hospital \
         where id = nullif(current_setting('app.hospital_id', true), '')::uuid",
        [],
    ))
    .one(tx.conn())
    .await?;
    Ok(tz.map(|t| t.timezone).unwrap_or_else(|| "UTC".into()))
}

#[derive(FromQueryResult, Debug)]
pub struct StatusCount {
    pub day: Option<NaiveDate>,
    pub status: String,
    pub n: i64,
}

pub async fn appointments(tx: &TenantTx, p: Period) -> ApiResult<Vec<StatusCount>> {
    let sql = format!(
        "with {WINDOW}, {APPOINTMENTS} \
         select day, status, count(*) as n from a group by grouping sets ((day, status), (status))"
    );
    rows(tx, &sql, p).await
}

/// Booked minutes, the median time to confirm, calls and ratings: what hangs off the period's
/// appointments.
#[derive(FromQueryResult, Debug)]
pub struct VisitFigures {
    pub day: Option<NaiveDate>,
    pub booked_minutes: i64,
    pub median_minutes_to_confirm: Option<f64>,
    pub calls: i64,
    pub mean_call_minutes: Option<f64>,
    pub ratings: i64,
    pub mean_rating: Option<f64>,
}

pub async fn visits(tx: &TenantTx, p: Period) -> ApiResult<Vec<VisitFigures>> {
    let sql = format!(
        "with {WINDOW}, {APPOINTMENTS},
         c as (select e.appointment_id,
                      min(e.at) filter (where e.kind = 'started') as started,
                      max(e.at) filter (where e.kind = 'ended') as ended
                 from call_event e join a on a.id = e.appointment_id
                where e.kind in ('started', 'ended')
                group by e.appointment_id)
         select a.day,
                coalesce(sum(extract(epoch from a.end_at - a.start_at) / 60) filter
                  (where a.status in ('confirmed', 'in_progress', 'completed', 'no_show')), 0)::int8
                  as booked_minutes,
                (percentile_cont(0.5) within group
                  (order by extract(epoch from a.confirmed_at - a.created_at) / 60)
                  filter (where a.confirmed_at is not null))::float8 as median_minutes_to_confirm,
                count(c.started) as calls,
                (avg(extract(epoch from c.ended - c.started) / 60)
                  filter (where c.ended > c.started))::float8 as mean_call_minutes,
                count(r.stars) as ratings,
                avg(r.stars)::float8 as mean_rating
           from a
           left join c on c.appointment_id = a.id
           left join appointment_rating r on r.hospital_id = a.hospital_id
                                         and r.appointment_id = a.id
          group by grouping sets ((a.day), ())"
    );
    rows(tx, &sql, p).await
}

#[derive(FromQueryResult, Debug)]
pub struct RevenueRow {
    pub day: Option<NaiveDate>,
    pub currency: String,
    pub amount: i64,
    pub gross: i64,
    pub refunded: i64,
}

/// Payments of the period's appointments, by the appointment's local start date.
pub async fn revenue(tx: &TenantTx, p: Period) -> ApiResult<Vec<RevenueRow>> {
    let sql = format!(
        "with {WINDOW}, {APPOINTMENTS}
         select a.day, pm.currency,
                coalesce(sum(pm.amount) filter (where pm.status = 'succeeded'), 0)::int8 as amount,
                coalesce(sum(pm.amount) filter
                  (where pm.status in ('succeeded', 'refund_pending', 'refunded')), 0)::int8 as gross,
                coalesce(sum(pm.amount) filter
                  (where pm.status in ('refund_pending', 'refunded')), 0)::int8 as refunded
           from a join payment pm on pm.hospital_id = a.hospital_id and pm.appointment_id = a.id
          where pm.status in ('succeeded', 'refund_pending', 'refunded')
          group by grouping sets ((a.day, pm.currency), (pm.currency))"
    );
    rows(tx, &sql, p).await
}

#[derive(FromQueryResult, Debug)]
pub struct Published {
    pub day: Option<NaiveDate>,
    pub minutes: i64,
}

/// The minutes the doctors published for each date: their weekly hours that weekday (none on a
/// day off), plus any extra hours that date.
pub async fn published(tx: &TenantTx, p: Period) -> ApiResult<Vec<Published>> {
    let sql =
        "with d as (select g::date as day from generate_series($1::date, $2::date, '1 day') g),
         m as (
           select d.day, sum(extract(epoch from r.end_time - r.start_time) / 60) as minutes
             from d
             join availability_rule r on r.weekday = extract(isodow from d.day)
            where not exists (select 1 from availability_exception x
                               where x.hospital_id = r.hospital_id and x.doctor_id = r.doctor_id
                                 and x.day = d.day and x.start_time is null)
            group by d.day
           union all
           select x.day, sum(extract(epoch from x.end_time - x.start_time) / 60)
             from availability_exception x
            where x.day between $1::date and $2::date and x.start_time is not null
            group by x.day)
         select day, coalesce(sum(minutes), 0)::int8 as minutes from m
          group by grouping sets ((day), ())";
    rows(tx, sql, p).await
}

#[derive(FromQueryResult, Debug)]
pub struct JobCount {
    pub day: Option<NaiveDate>,
    pub kind: String,
    pub status: String,
    pub n: i64,
}

const JOBS: &str = "j as (select (j.created_at at time zone w.tz)::date as day, j.* \
       from inference_job j, w where j.created_at >= w.t0 and j.created_at < w.t1)";

pub async fn jobs(tx: &TenantTx, p: Period) -> ApiResult<Vec<JobCount>> {
    let sql = format!(
        "with {WINDOW}, {JOBS} \
         select day, kind, status, count(*) as n from j \
          group by grouping sets ((day, kind, status), (kind, status))"
    );
    rows(tx, &sql, p).await
}

#[derive(FromQueryResult, Debug)]
pub struct LatencyRow {
    pub day: Option<NaiveDate>,
    pub kind: String,
    pub jobs: i64,
    pub p50_ms: f64,
    pub p95_ms: f64,
}

pub async fn latency(tx: &TenantTx, p: Period) -> ApiResult<Vec<LatencyRow>> {
    let sql = format!(
        "with {WINDOW}, {JOBS}, \
         s as (select day, kind, extract(epoch from finished_at - started_at) * 1000 as ms from j \
                where status = 'succeeded' and started_at is not null and finished_at is not null) \
         select day, kind, count(*) as jobs, \
                percentile_cont(0.5) within group (order by ms)::float8 as p50_ms, \
                percentile_cont(0.95) within group (order by ms)::float8 as p95_ms \
           from s group by grouping sets ((day, kind), (kind))"
    );
    rows(tx, &sql, p).await
}

#[derive(FromQueryResult, Debug)]
pub struct Agreement {
    pub day: Option<NaiveDate>,
    pub epochs: i64,
    pub changed: i64,
}

/// Reviewed sleep-staging jobs (those with a correction): their epochs, and how many a doctor
/// set to another stage than the model's.
pub async fn agreement(tx: &TenantTx, p: Period) -> ApiResult<Vec<Agreement>> {
    let sql = format!(
        "with {WINDOW}, {JOBS}, \
         r as (select j.day, jsonb_array_length(j.result -> 'stages') as epochs, \
                      (select count(*) from inference_correction c \
                        where c.hospital_id = j.hospital_id and c.job_id = j.id \
                          and c.stage is distinct from (j.result -> 'stages' ->> c.epoch)) as changed \
                 from j where j.kind = 'sleep_staging' and j.status = 'succeeded' \
                  and jsonb_typeof(j.result -> 'stages') = 'array' \
                  and exists (select 1 from inference_correction c \
                               where c.hospital_id = j.hospital_id and c.job_id = j.id)) \
         select day, coalesce(sum(epochs), 0)::int8 as epochs, coalesce(sum(changed), 0)::int8 as changed \
           from r group by grouping sets ((day), ())"
    );
    rows(tx, &sql, p).await
}

#[derive(FromQueryResult, Debug)]
pub struct PlatformRow {
    pub hospital_id: Uuid,
    pub slug: String,
    pub name: String,
    pub appointments: serde_json::Value,
    pub revenue: serde_json::Value,
    pub active_users: i64,
}

pub async fn platform(tx: &TenantTx, p: Period) -> ApiResult<Vec<PlatformRow>> {
    rows(
        tx,
        "select hospital_id, slug, name, appointments, revenue, active_users \
         from platform_analytics($1::date, $2::date)",
        p,
    )
    .await
}
