//! `cargo bench --bench booking`: booking throughput against the database's own single-row
//! INSERT rate at the same commit settings, and a race of 1000 attempts on 50 slots.
//! Environment: BENCH_SECONDS (default 8).

mod common;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;

use chrono::{Duration, Utc};
use common::*;
use futures_util::future::join_all;
use sea_orm::ConnectionTrait;
use serde_json::json;

const CONNS: usize = 32;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("booking") {
        return Ok(());
    }
    let secs = env_or("BENCH_SECONDS", 8);
    let mut config = fresh_database("carebridge_bench_booking").await?;
    config.run_workers = false; // measure booking, not email sending
    let base = start_app(config.clone()).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1100)
        .build()?;

    create_root(&config, "root@bench.test").await?;
    let root = login(&client, &base, "root@bench.test").await?;
    post(&client, format!("{base}/api/v1/hospitals"), Some(&root), json!({"name": "Bench", "slug": "bench", "timezone": "UTC",
        "currency": "USD", "appointment_fee": 0, "payment_provider": "none", "approval_required": false,
        "admin": {"email": "admin@bench.test", "full_name": "Admin", "password": PASSWORD}})).await?;
    let admin = login(&client, &base, "admin@bench.test").await?;
    let mut doctors = Vec::new();
    for i in 0..3 {
        let d = post(&client, format!("{base}/api/v1/doctors"), Some(&admin), json!({"email": format!("dr{i}@bench.test"),
            "full_name": format!("Dr {i}"), "password": PASSWORD, "specialization": "GP", "license_number": format!("L-{i}")})).await?;
        let id = d["id"].as_str().unwrap().to_string();
        let rules: Vec<_> = (1..=7)
            .map(|w| json!({"weekday": w, "start": "00:00", "end": "23:55"}))
            .collect();
        client
            .put(format!("{base}/api/v1/doctors/{id}/availability"))
            .bearer_auth(&admin)
            .json(&json!({"timezone": "UTC", "slot_minutes": 5, "rules": rules}))
            .send()
            .await?
            .error_for_status()?;
        doctors.push(id);
    }
    let mut patients = Vec::new();
    for i in 0..CONNS.max(64) {
        let email = format!("p{i}@bench.test");
        post(
            &client,
            format!("{base}/api/v1/patients"),
            Some(&admin),
            json!({"email": email, "full_name": format!("P {i}"), "password": PASSWORD}),
        )
        .await?;
        patients.push(login(&client, &base, &email).await?);
    }
    // Every 5-minute slot from tomorrow on, per doctor, handed out once.
    let day = Utc::now().date_naive() + Duration::days(1);
    let first = day.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let slots: Arc<Vec<String>> = Arc::new(
        (0..(55 * 24 * 12))
            .map(|k| first + Duration::minutes(5 * k))
            // Availability ends at 23:55, so 23:55 itself is no slot.
            .filter(|t| t.format("%H:%M").to_string() != "23:55")
            .map(|t| t.to_rfc3339())
            .collect(),
    );

    println!("carebridge booking bench: {CONNS} connections, {secs} s, 2 cores");
    let (c, b, d, p, s) = (
        client.clone(),
        base.clone(),
        Arc::new(doctors.clone()),
        Arc::new(patients.clone()),
        slots.clone(),
    );
    let booking = closed_loop(CONNS, secs, move |w, i| {
        let (c, b, d, p, s) = (c.clone(), b.clone(), d.clone(), p.clone(), s.clone());
        async move {
            // Worker w is patient w and books times of its own, so no booking conflicts.
            let k = i as usize * CONNS + w;
            let (doctor, slot) = (&d[w % d.len()], &s[k % s.len()]);
            let r = c
                .post(format!("{b}/api/v1/appointments"))
                .bearer_auth(&p[w])
                .json(&json!({"doctor_id": doctor, "start_at": slot, "reason": "bench"}))
                .send()
                .await;
            matches!(r, Ok(r) if r.status().as_u16() == 201)
        }
    })
    .await;
    print("POST /api/v1/appointments", &booking);

    // The same database, the same commit settings: single-row INSERTs in autocommit.
    let owner = carebridge::db::connect(&config.database_admin_url, CONNS as u32).await?;
    owner.execute_unprepared("create table if not exists bench_insert (id bigserial primary key, hospital_id uuid, at timestamptz, note text)").await?;
    let o = owner.clone();
    let inserts = closed_loop(CONNS, secs, move |_, _| {
        let o = o.clone();
        async move {
            o.execute_unprepared("insert into bench_insert (hospital_id, at, note) values (gen_random_uuid(), now(), 'x')").await.is_ok()
        }
    })
    .await;
    print("single-row INSERT, same database (autocommit)", &inserts);
    let sync = owner
        .query_one_raw(carebridge::db::stmt(
            "select current_setting('synchronous_commit') as s",
            [],
        ))
        .await?
        .unwrap()
        .try_get::<String>("", "s")?;
    println!("  synchronous_commit = {sync}");

    // What no booking can do without: its appointment INSERT (two exclusion constraints over
    // tstzrange, composite foreign keys, five indexes), alone, as the owner (no session, RLS,
    // audit or notifications), in autocommit; every worker at times of its own, far from the rest.
    let pair = owner
        .query_one_raw(carebridge::db::stmt(
            "select d.hospital_id, d.id as doctor_id, d.user_id as doctor_user_id, p.id as patient_id,
                    p.user_id as patient_user_id
               from doctor d join patient p on p.hospital_id = d.hospital_id limit 1",
            [],
        ))
        .await?
        .expect("the bench made a doctor and patients");
    let ids: Arc<Vec<sea_orm::Value>> = Arc::new(
        [
            "hospital_id",
            "doctor_id",
            "patient_id",
            "doctor_user_id",
            "patient_user_id",
        ]
        .iter()
        .map(|c| pair.try_get::<uuid::Uuid>("", c).map(Into::into))
        .collect::<Result<_, _>>()?,
    );
    let far = Utc::now() + Duration::days(365 * 50);
    let o = owner.clone();
    let appointments = closed_loop(CONNS, secs, move |w, i| {
        let (o, ids) = (o.clone(), ids.clone());
        async move {
            let start = far + Duration::minutes(5 * (i as i64 * CONNS as i64 + w as i64));
            let mut values = ids.to_vec();
            values.push(start.into());
            o.execute_raw(carebridge::db::stmt(
                "insert into appointment (hospital_id, id, doctor_id, patient_id, doctor_user_id,
                   patient_user_id, start_at, end_at, status, fee, currency)
                 values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $6 + interval '5 minutes',
                   'confirmed', 0, 'NPR')",
                values,
            ))
            .await
            .is_ok()
        }
    })
    .await;
    print("the appointment INSERT alone, as the owner", &appointments);
    owner
        .execute_raw(carebridge::db::stmt(
            "delete from appointment where start_at >= $1",
            [far.into()],
        ))
        .await?;

    // The race: 1000 concurrent attempts on 50 slots of one doctor, far from the others.
    let race_day = first + Duration::days(50);
    let race_slots: Vec<String> = (0..50)
        .map(|k| (race_day + Duration::minutes(5 * k)).to_rfc3339())
        .collect();
    let attempts = (0..1000).map(|k| {
        let (c, b, doctor) = (client.clone(), base.clone(), doctors[0].clone());
        let (token, slot) = (
            patients[k % patients.len()].clone(),
            race_slots[k % 50].clone(),
        );
        async move {
            let r = c
                .post(format!("{b}/api/v1/appointments"))
                .bearer_auth(token)
                .json(&json!({"doctor_id": doctor, "start_at": slot, "reason": "race"}))
                .send()
                .await;
            r.map(|r| r.status().as_u16()).unwrap_or(0)
        }
    });
    let t0 = std::time::Instant::now();
    let codes = join_all(attempts).await;
    let won = codes.iter().filter(|c| **c == 201).count();
    let lost = codes.iter().filter(|c| **c == 409).count();
    let other = codes.len() - won - lost;
    println!(
        "race: 1000 concurrent attempts on 50 slots -> {won} created, {lost} conflicts (409), {other} other, in {:.2} s",
        t0.elapsed().as_secs_f64()
    );
    println!();
    println!(
        "booking / single-row INSERT: {:.2} (target >= 0.5)",
        booking.rps / inserts.rps
    );
    println!(
        "appointment INSERT alone / single-row INSERT: {:.2} (a booking that did nothing else, in a transaction of its own)",
        appointments.rps / inserts.rps
    );
    println!("race winners: {won} (must be exactly 50)");
    Ok(())
}
