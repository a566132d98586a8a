//! `cargo bench --bench analytics`: `GET /api/v1/analytics/hospital` over one year of a busy
//! hospital (200 000 appointments, 50 doctors, 20 000 patients, with their payments, calls and
//! ratings, generated in SQL), cold and warm; and the specialty model's held-out accuracy and
//! top-3 accuracy, recomputed from the committed weights.
//! Environment: BENCH_APPOINTMENTS (default 200000), BENCH_REQUESTS (warm requests, default 30).

mod common;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use carebridge::inference::registry::BUILTIN_SPECIALTY;
use carebridge_ml::specialty::{self, Suggester};
use chrono::{Duration, Utc};
use common::*;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

const DOCTORS: usize = 50;
const PATIENTS: u64 = 20_000;
const TZ: &str = "Asia/Kathmandu";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("analytics") {
        return Ok(());
    }
    let appointments = env_or("BENCH_APPOINTMENTS", 200_000);
    let requests = env_or("BENCH_REQUESTS", 30) as usize;
    let mut config = fresh_database("carebridge_bench_analytics").await?;
    config.run_workers = false;
    let base = start_app(config.clone()).await?;
    let client = reqwest::Client::new();
    create_root(&config, "root@bench.test").await?;
    let root = login(&client, &base, "root@bench.test").await?;
    let h = post(
        &client,
        format!("{base}/api/v1/hospitals"),
        Some(&root),
        json!({"name": "Bench",
        "slug": "bench", "timezone": TZ, "currency": "NPR", "appointment_fee": 50000,
        "payment_provider": "none", "admin": {"email": "admin@bench.test", "full_name": "Admin",
        "password": PASSWORD}}),
    )
    .await?;
    let hospital = h["id"].as_str().unwrap().to_string();
    let admin = login(&client, &base, "admin@bench.test").await?;
    seed_doctors(&client, &base, &admin).await?;

    let t0 = Instant::now();
    let db = carebridge::db::connect(&config.database_admin_url, 1).await?;
    db.execute_unprepared(&seed_sql(&hospital, appointments))
        .await?;
    db.execute_unprepared("analyze").await?;
    println!(
        "carebridge analytics bench: {appointments} appointments, {DOCTORS} doctors, {PATIENTS} patients \
         over one year, generated in {:.1} s",
        t0.elapsed().as_secs_f64()
    );

    let to = (Utc::now() - Duration::days(1)).date_naive();
    let from = to - Duration::days(364);
    let url = format!("{base}/api/v1/analytics/hospital?from={from}&to={to}");
    let get = || async {
        let t = Instant::now();
        let r = client.get(&url).bearer_auth(&admin).send().await?;
        let status = r.status();
        let body: Value = r.json().await?;
        anyhow::ensure!(status.is_success(), "{status} {body}");
        Ok::<_, anyhow::Error>((t.elapsed().as_micros() as u64, body))
    };
    let (cold, body) = get().await?;
    let counted: i64 = body["totals"]["appointments"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_i64().unwrap())
        .sum();
    anyhow::ensure!(
        counted == appointments as i64,
        "the totals count {counted} appointments, {appointments} were made"
    );
    let mut warm = Vec::with_capacity(requests);
    for _ in 0..requests {
        warm.push(get().await?.0);
    }
    warm.sort_unstable();
    println!(
        "hospital analytics, 365 days ({} day rows)       cold {:.1} ms   warm p50 {:.1} ms  p95 {:.1} ms  max {:.1} ms  ({requests} requests; goal < 200 ms)",
        body["days"].as_array().map_or(0, Vec::len),
        cold as f64 / 1000.0,
        percentile(&warm, 0.5),
        percentile(&warm, 0.95),
        *warm.last().unwrap() as f64 / 1000.0,
    );
    let t = &body["totals"];
    println!(
        "  totals: no-show rate {:.3}, utilisation {:.3}, median minutes to confirm {:.0}, calls {}, mean call {:.1} min, ratings {} (mean {:.2}), revenue {}",
        t["no_show_rate"].as_f64().unwrap_or(0.0),
        t["utilisation"].as_f64().unwrap_or(0.0),
        t["median_minutes_to_confirm"].as_f64().unwrap_or(0.0),
        t["calls"],
        t["mean_call_minutes"].as_f64().unwrap_or(0.0),
        t["ratings"],
        t["mean_rating"].as_f64().unwrap_or(0.0),
        t["revenue"],
    );
    floor(&config, &hospital, from, to, requests).await?;
    specialty_accuracy()
}

/// The least any analytics request over the period does: one pass over its appointments,
/// grouped by local date, as the admin under RLS (same connection role and settings).
async fn floor(
    config: &carebridge::app::Config,
    hospital: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    requests: usize,
) -> anyhow::Result<()> {
    let owner = carebridge::db::connect(&config.database_admin_url, 1).await?;
    let admin = owner
        .query_one_raw(sea_orm::Statement::from_string(
            owner.get_database_backend(),
            "select id::text from app_user where email = 'admin@bench.test'",
        ))
        .await?
        .unwrap()
        .try_get_by_index::<String>(0)?;
    let db = carebridge::db::connect(&config.database_url, 1).await?;
    let sql = format!(
        "select (a.start_at at time zone 'Asia/Kathmandu')::date as day, a.status, count(*) \
           from appointment a \
          where a.start_at >= '{from}'::timestamp at time zone 'Asia/Kathmandu' \
            and a.start_at < '{to}'::timestamp at time zone 'Asia/Kathmandu' + interval '1 day' \
          group by 1, 2"
    );
    let mut times = Vec::with_capacity(requests);
    for _ in 0..requests {
        db.execute_unprepared(&format!(
            "begin; select set_config('app.hospital_id', '{hospital}', true), \
               set_config('app.role', 'hospital_admin', true), \
               set_config('app.user_id', '{admin}', true), set_config('jit', 'off', true)"
        ))
        .await?;
        let t = Instant::now();
        db.execute_unprepared(&sql).await?;
        times.push(t.elapsed().as_micros() as u64);
        db.execute_unprepared("rollback").await?;
    }
    times.sort_unstable();
    println!(
        "floor: one pass over the year's appointments by local date and status, under RLS: p50 {:.1} ms  p95 {:.1} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
    Ok(())
}

/// Fifty doctors through the API, each publishing weekdays 09:00–17:00.
async fn seed_doctors(client: &reqwest::Client, base: &str, admin: &str) -> anyhow::Result<()> {
    let rules: Vec<Value> = (1..=5)
        .map(|w| json!({"weekday": w, "start": "09:00", "end": "17:00"}))
        .collect();
    for i in 0..DOCTORS {
        let d = post(
            client,
            format!("{base}/api/v1/doctors"),
            Some(admin),
            json!({
            "email": format!("dr{i}@bench.test"), "full_name": format!("Dr {i}"),
            "password": PASSWORD, "specialization": "General medicine",
            "license_number": format!("L-{i}")}),
        )
        .await?;
        let id = d["id"].as_str().unwrap();
        client
            .put(format!("{base}/api/v1/doctors/{id}/availability"))
            .bearer_auth(admin)
            .json(&json!({"timezone": TZ, "slot_minutes": 30, "rules": rules}))
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(())
}

/// Patients, then a year of weekday 30-minute visits (16 a doctor a day, the newest
/// `appointments` of them) with a mix of outcomes; payments for the kept ones (one in twenty
/// refunded), a call for each completed one, a rating for three in ten.
fn seed_sql(hospital: &str, appointments: u64) -> String {
    format!(
        "insert into app_user (id, email, password_hash, full_name)
           select gen_random_uuid(), 'p' || i || '@bench.test', 'not-a-login', 'Patient ' || i
             from generate_series(0, {last_patient}) i;
         insert into membership (hospital_id, user_id, role)
           select '{hospital}', id, 'patient' from app_user where email like 'p%@bench.test';
         insert into patient (hospital_id, id, user_id)
           select '{hospital}', gen_random_uuid(), id from app_user where email like 'p%@bench.test';
         create temporary table slot as
           with d as (select row_number() over (order by id) - 1 as dn, id, user_id from doctor),
                p as (select row_number() over (order by id) - 1 as pn, id, user_id from patient),
                s as (select row_number() over (order by day desc, k, dn) - 1 as n, day, k, d.*
                        from generate_series(current_date - 365, current_date - 1, interval '1 day') day,
                             generate_series(0, 15) k, d
                       where extract(isodow from day) <= 5)
           select s.n, gen_random_uuid() as id, s.id as doctor_id, s.user_id as doctor_user_id,
                  p.id as patient_id, p.user_id as patient_user_id,
                  (s.day::date + time '09:00' + s.k * interval '30 minutes') at time zone '{TZ}' as start_at,
                  case when s.n % 100 < 75 then 'completed' when s.n % 100 < 83 then 'no_show'
                       when s.n % 100 < 93 then 'cancelled' when s.n % 100 < 96 then 'rejected'
                       else 'confirmed' end as status
             from s join p on p.pn = s.n % {PATIENTS}
            where s.n < {appointments};
         insert into appointment (hospital_id, id, doctor_id, patient_id, doctor_user_id,
                                  patient_user_id, start_at, end_at, status, fee, currency,
                                  created_at, confirmed_at)
           select '{hospital}', id, doctor_id, patient_id, doctor_user_id, patient_user_id, start_at,
                  start_at + interval '30 minutes', status, 50000, 'NPR',
                  start_at - interval '3 days',
                  case when status in ('rejected') then null
                       else start_at - interval '3 days' + (n % 240) * interval '1 minute' end
             from slot;
         insert into payment (hospital_id, id, appointment_id, provider, status, amount, currency,
                              completed_at)
           select '{hospital}', gen_random_uuid(), id, 'khalti',
                  case when n % 20 = 0 then 'refunded' else 'succeeded' end, 50000, 'NPR',
                  start_at - interval '2 days'
             from slot where status in ('completed', 'no_show', 'confirmed');
         insert into call_event (hospital_id, id, appointment_id, user_id, actor_id, kind, at)
           select '{hospital}', gen_random_uuid(), id, doctor_user_id, doctor_user_id, kind,
                  start_at + case kind when 'started' then interval '1 minute'
                                       else (11 + n % 15) * interval '1 minute' end
             from slot, (values ('started'), ('ended')) k(kind) where status = 'completed';
         insert into appointment_rating (hospital_id, appointment_id, doctor_id, patient_user_id,
                                         doctor_user_id, stars)
           select '{hospital}', id, doctor_id, patient_user_id, doctor_user_id, 1 + (n / 10) % 5
             from slot where status = 'completed' and n % 10 < 3;",
        last_patient = PATIENTS - 1,
    )
}

/// The committed specialty model on its held-out phrases (the same seeded split as training).
fn specialty_accuracy() -> anyhow::Result<()> {
    let suggester = Suggester::from_bytes(BUILTIN_SPECIALTY)?;
    let phrases = specialty::parse(specialty::PHRASES)?;
    let (_, held) = specialty::split(&phrases, specialty::SPLIT_SEED);
    let e = specialty::evaluate(&suggester, &held)?;
    println!(
        "specialty model v1, {} held-out phrases: accuracy {:.3}, top-3 accuracy {:.3}",
        held.len(),
        e.overall.accuracy,
        e.top3_accuracy
    );
    for l in &e.languages {
        println!(
            "  {}: {} phrases, accuracy {:.3}, top-3 {:.3}",
            l.language, l.phrases, l.accuracy, l.top3_accuracy
        );
    }
    Ok(())
}
