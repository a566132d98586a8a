//! `cargo bench --bench http` (or scripts/bench.sh): throughput and latency of the service on
//! this machine, all in one run:
//!  1. a bare poem route running the same patient SELECT as the owner (no auth, no RLS),
//!  2. GET /api/v1/auth/me,
//!  3. GET /api/v1/patients/{id} (authenticated, RLS, casbin, audited),
//!  4. GET /api/v1/patients/{id} with auditing switched off (the audit cost),
//!  5. /auth/me while a storm of failing logins (argon2 on every one) runs beside it.
//!
//! Environment: BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 64).

mod common;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::Duration,
};

use carebridge::{
    app::Config,
    tenancy::staff::{PATIENT_SELECT, Patient},
};
use common::*;
use poem::{
    EndpointExt, Route, get, handler,
    listener::{Acceptor, Listener, TcpListener},
    web::{Data, Path},
};
use poem_openapi::types::ToJSON;
use sea_orm::ConnectionTrait;
use sea_orm::{DatabaseConnection, FromQueryResult};
use serde_json::json;
use uuid::Uuid;

const DB: &str = "carebridge_bench";

/// GETs `url` in a closed loop on `conns` connections.
async fn load(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    conns: usize,
    secs: u64,
) -> Stats {
    let (client, url, token) = (client.clone(), url.to_string(), token.map(str::to_owned));
    closed_loop(conns, secs, move |_, _| {
        let (client, url, token) = (client.clone(), url.clone(), token.clone());
        async move {
            let mut req = client.get(&url);
            if let Some(t) = &token {
                req = req.bearer_auth(t);
            }
            match req.send().await {
                Ok(r) => {
                    let ok = r.status().is_success();
                    let _ = r.bytes().await;
                    ok
                }
                Err(_) => false,
            }
        }
    })
    .await
}

#[handler]
async fn bare(
    Path(id): Path<Uuid>,
    db: Data<&DatabaseConnection>,
) -> poem::Result<poem::web::Json<serde_json::Value>> {
    let p = Patient::find_by_statement(carebridge::db::stmt(
        &format!("{PATIENT_SELECT} where p.id = $1"),
        [id.into()],
    ))
    .one(*db)
    .await
    .map_err(poem::error::InternalServerError)?
    .ok_or_else(|| poem::Error::from_status(poem::http::StatusCode::NOT_FOUND))?;
    Ok(poem::web::Json(p.to_json().unwrap_or_default()))
}

/// Serves the bare route on a port of its own, its SELECT on `db`.
async fn serve_bare(db: DatabaseConnection) -> anyhow::Result<u16> {
    let acceptor = TcpListener::bind("127.0.0.1:0").into_acceptor().await?;
    let port = acceptor.local_addr()[0].as_socket_addr().unwrap().port();
    tokio::spawn(
        poem::Server::new_with_acceptor(acceptor)
            .run(Route::new().at("/bare/:id", get(bare)).data(db)),
    );
    Ok(port)
}

async fn start_app_audit(mut config: Config, audit: bool) -> anyhow::Result<String> {
    config.audit_reads = audit;
    start_app(config).await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("http") {
        return Ok(());
    }
    let secs = env_or("BENCH_SECONDS", 8);
    let conns = env_or("BENCH_CONNECTIONS", 64) as usize;
    let config = fresh_database(DB).await?;
    let base = start_app_audit(config.clone(), true).await?;
    let unaudited = start_app_audit(config.clone(), false).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(conns * 2)
        .build()?;

    // Seed one hospital with a doctor and a patient on the doctor's care team.
    let root_email = "bench-root@platform.test";
    create_root(&config, root_email).await?;
    let root = login(&client, &base, root_email).await?;
    post(
        &client,
        format!("{base}/api/v1/hospitals"),
        Some(&root),
        json!({"name": "Bench", "slug": "bench", "timezone": "UTC",
        "currency": "USD", "appointment_fee": 5000, "payment_provider": "stripe",
        "admin": {"email": "admin@bench.test", "full_name": "Admin", "password": PASSWORD}}),
    )
    .await?;
    let admin = login(&client, &base, "admin@bench.test").await?;
    let doctor = post(
        &client,
        format!("{base}/api/v1/doctors"),
        Some(&admin),
        json!({"email": "dr@bench.test", "full_name": "Dr B",
        "password": PASSWORD, "specialization": "GP", "license_number": "B-1"}),
    )
    .await?;
    let patient_id = patient_in_care_of(
        &client,
        &base,
        &admin,
        "pt@bench.test",
        "Pat B",
        doctor["id"].as_str().unwrap(),
    )
    .await?;
    let dr = login(&client, &base, "dr@bench.test").await?;

    // The bare route: same SELECT, as the owner (no RLS), no auth, no audit.
    let owner =
        carebridge::db::connect(&config.database_admin_url, config.database_pool_size).await?;
    let bare_port = serve_bare(owner.clone()).await?;

    // The same route and SELECT as the runtime role, on connections opened with the doctor's
    // context already set (session-wide, at connect): what RLS alone adds to the bare route, with
    // no session check, no transaction and no audit row.
    let who = owner
        .query_one_raw(carebridge::db::stmt(
            "select hospital_id, user_id from doctor where id = $1",
            [Uuid::parse_str(doctor["id"].as_str().unwrap())?.into()],
        ))
        .await?
        .expect("the doctor exists");
    let context = [
        (
            "app.hospital_id",
            who.try_get::<Uuid>("", "hospital_id")?.to_string(),
        ),
        (
            "app.user_id",
            who.try_get::<Uuid>("", "user_id")?.to_string(),
        ),
        ("app.role", "doctor".to_string()),
    ];
    let mut opts = sea_orm::ConnectOptions::new(
        secrecy::ExposeSecret::expose_secret(&config.database_url).to_owned(),
    );
    opts.max_connections(config.database_pool_size)
        .sqlx_logging(false)
        .map_sqlx_postgres_opts(move |o| {
            o.ssl_mode(sea_orm::sqlx::postgres::PgSslMode::Disable)
                .options(context.clone())
        });
    let runtime = sea_orm::Database::connect(opts).await?;
    let rls_port = serve_bare(runtime).await?;

    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "carebridge http bench: {conns} connections, {secs} s per scenario, {cores} cores, pool {}",
        config.database_pool_size
    );
    let bare_s = load(
        &client,
        &format!("http://127.0.0.1:{bare_port}/bare/{patient_id}"),
        None,
        conns,
        secs,
    )
    .await;
    print("bare poem route, same SELECT, no auth/RLS", &bare_s);
    let rls_s = load(
        &client,
        &format!("http://127.0.0.1:{rls_port}/bare/{patient_id}"),
        None,
        conns,
        secs,
    )
    .await;
    print("the same route under RLS, context preset", &rls_s);
    let me = load(
        &client,
        &format!("{base}/api/v1/auth/me"),
        Some(&dr),
        conns,
        secs,
    )
    .await;
    print("GET /api/v1/auth/me", &me);
    let read = load(
        &client,
        &format!("{base}/api/v1/patients/{patient_id}"),
        Some(&dr),
        conns,
        secs,
    )
    .await;
    print("GET /api/v1/patients/{id} (audited)", &read);
    let plain = load(
        &client,
        &format!("{unaudited}/api/v1/patients/{patient_id}"),
        Some(&dr),
        conns,
        secs,
    )
    .await;
    print("GET /api/v1/patients/{id} (audit off)", &plain);

    // A storm of failing logins from many addresses against unknown accounts: every one costs
    // an argon2 verification, none is throttled away early.
    let storm_stop = Arc::new(AtomicBool::new(false));
    let storm_count = Arc::new(AtomicU64::new(0));
    let mut storm = Vec::new();
    for w in 0..32u32 {
        let (client, base, stop, count) = (
            client.clone(),
            base.clone(),
            storm_stop.clone(),
            storm_count.clone(),
        );
        storm.push(tokio::spawn(async move {
            let mut i = 0u32;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let _ = client
                    .post(format!("{base}/api/v1/auth/login"))
                    .header("x-forwarded-for", format!("10.{}.{}.{}", w, i / 250 % 250, i % 250))
                    .json(&json!({"email": format!("nobody-{w}-{i}@storm.test"), "password": "wrong password"}))
                    .send()
                    .await;
                count.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let stormy = load(
        &client,
        &format!("{base}/api/v1/auth/me"),
        Some(&dr),
        conns,
        secs,
    )
    .await;
    storm_stop.store(true, Ordering::Relaxed);
    for t in storm {
        let _ = t.await;
    }
    // The storm runs in this process and in PostgreSQL too: its CPU figures would be the storm's.
    print_latency("GET /api/v1/auth/me during a login storm", &stormy);
    println!(
        "  failing logins answered during the storm: {}",
        storm_count.load(Ordering::Relaxed)
    );
    println!();
    println!(
        "authenticated tenant read / bare route: {:.0}% (target >= 50%)",
        100.0 * read.rps / bare_s.rps
    );
    println!(
        "the same route under RLS / bare route:  {:.0}% (RLS alone; the read adds a session check, a transaction and an audit row)",
        100.0 * rls_s.rps / bare_s.rps
    );
    let cpu = |s: &Stats| s.cpu_us_self + s.cpu_us_pg;
    println!(
        "CPU per request, bare / audited read:   {:.0} us / {:.0} us = {:.0}% (throughput is capped by it)",
        cpu(&bare_s),
        cpu(&read),
        100.0 * cpu(&bare_s) / cpu(&read)
    );
    println!(
        "audited read / unaudited read:         {:.0}% (target >= 70%)",
        100.0 * read.rps / plain.rps
    );
    println!(
        "/auth/me p99 storm / quiet:            {:.2}x (target <= 2x)",
        stormy.p99_ms / me.p99_ms
    );
    Ok(())
}
