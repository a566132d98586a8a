//! Shared by the benches: a fresh database, the server, a closed-loop load generator.

#![allow(
    dead_code,
    reason = "each bench uses part of this module; `expect` would fail in the one that uses all of it"
)]

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use carebridge::app::{Application, Config};
use sea_orm::ConnectionTrait;
use secrecy::SecretString;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery";
pub const SERVER: &str = "postgres://postgres@127.0.0.1:5432";

pub struct Stats {
    pub requests: usize,
    pub errors: usize,
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// CPU time per counted request, in microseconds: this process (the load generator and,
    /// for the service benches, the server too) and all PostgreSQL processes together. Less
    /// sensitive than throughput to what else the machine is doing.
    pub cpu_us_self: f64,
    pub cpu_us_pg: f64,
}

/// Linux reports process CPU time in USER_HZ ticks, 100 per second.
const TICKS_PER_SECOND: f64 = 100.0;

/// utime + stime, in ticks, from a /proc/<pid>/stat file.
fn process_ticks(stat: &std::path::Path) -> Option<u64> {
    let s = std::fs::read_to_string(stat).ok()?;
    // The command name (field 2) may hold spaces; the fields after it start at field 3.
    let fields: Vec<&str> = s[s.rfind(')')? + 1..].split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// CPU ticks used so far by this process and by every process named `postgres`.
fn cpu_ticks() -> (u64, u64) {
    let own = process_ticks(std::path::Path::new("/proc/self/stat")).unwrap_or(0);
    let mut pg = 0;
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let dir = entry.path();
        if std::fs::read_to_string(dir.join("comm")).is_ok_and(|c| c.trim() == "postgres") {
            pg += process_ticks(&dir.join("stat")).unwrap_or(0);
        }
    }
    (own, pg)
}

pub fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `cargo test --all-targets` runs benches as tests: only `cargo bench` (which passes
/// `--bench`) measures.
pub fn skipped(name: &str) -> bool {
    if std::env::args().any(|a| a == "--bench") {
        return false;
    }
    println!("{name} bench: skipped (run `cargo bench --bench {name}`)");
    true
}

/// A freshly migrated database named `db`, and a config pointing at it.
pub async fn fresh_database(db: &str) -> anyhow::Result<Config> {
    let server =
        carebridge::db::connect(&SecretString::from(format!("{SERVER}/postgres")), 1).await?;
    server
        .execute_unprepared(&format!("drop database if exists {db} with (force)"))
        .await?;
    server.close().await?;
    let mut config = Config::from_env()?;
    config.database_admin_url = SecretString::from(format!("{SERVER}/{db}"));
    config.database_url =
        SecretString::from(format!("postgres://carebridge_app@127.0.0.1:5432/{db}"));
    config.database_system_url =
        SecretString::from(format!("postgres://carebridge_sys@127.0.0.1:5432/{db}"));
    config.bind_addr = "127.0.0.1:0".into();
    config.trust_forwarded_for = true;
    config.redis_namespace = format!("bench:{}", Uuid::new_v4());
    carebridge::db::migrate::run(&config).await?;
    Ok(config)
}

pub async fn start_app(config: Config) -> anyhow::Result<String> {
    let app = Application::build(config).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    Ok(base)
}

/// A super admin with the benches' password, created directly (no server needed).
pub async fn create_root(config: &Config, email: &str) -> anyhow::Result<()> {
    carebridge::cli::super_admin::create(config, email, "Root", PASSWORD.to_string().into(), true)
        .await?;
    Ok(())
}

/// A patient registered by `admin` and put on `doctor_id`'s care team; returns the patient's id.
pub async fn patient_in_care_of(
    client: &reqwest::Client,
    base: &str,
    admin: &str,
    email: &str,
    full_name: &str,
    doctor_id: &str,
) -> anyhow::Result<String> {
    let p = post(
        client,
        format!("{base}/api/v1/patients"),
        Some(admin),
        serde_json::json!({"email": email, "full_name": full_name, "password": PASSWORD}),
    )
    .await?;
    let id = p["id"].as_str().unwrap().to_string();
    post(
        client,
        format!("{base}/api/v1/patients/{id}/care-team"),
        Some(admin),
        serde_json::json!({"doctor_id": doctor_id}),
    )
    .await?;
    Ok(id)
}

pub async fn post(
    client: &reqwest::Client,
    url: String,
    token: Option<&str>,
    body: serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    let mut req = client.post(url).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let r = req.send().await?;
    let status = r.status();
    let v: serde_json::Value = r.json().await?;
    anyhow::ensure!(status.is_success(), "seeding failed: {status} {v}");
    Ok(v)
}

pub async fn login(client: &reqwest::Client, base: &str, email: &str) -> anyhow::Result<String> {
    let v = post(
        client,
        format!("{base}/api/v1/auth/login"),
        None,
        serde_json::json!({"email": email, "password": PASSWORD}),
    )
    .await?;
    Ok(v["token"].as_str().unwrap().to_string())
}

pub fn percentile(sorted: &[u64], p: f64) -> f64 {
    sorted
        .get(((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0) as f64
        / 1000.0
}

/// Runs `conns` closed loops of `request(worker, i)` for `secs` seconds after a one-second warm-up.
pub async fn closed_loop<F, Fut>(conns: usize, secs: u64, request: F) -> Stats
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let request = Arc::new(request);
    let stop = Arc::new(AtomicBool::new(false));
    let warm_until = Instant::now() + Duration::from_secs(1);
    let mut tasks = Vec::new();
    for w in 0..conns {
        let (request, stop) = (request.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let (mut lat, mut errors, mut i) = (Vec::with_capacity(4096), 0usize, 0u64);
            while !stop.load(Ordering::Relaxed) {
                let t0 = Instant::now();
                let ok = request(w, i).await;
                i += 1;
                if Instant::now() < warm_until {
                    continue;
                }
                if ok {
                    lat.push(t0.elapsed().as_micros() as u64)
                } else {
                    errors += 1
                }
            }
            (lat, errors)
        }));
    }
    // CPU is counted over the same window as the requests: after the warm-up second.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let before = cpu_ticks();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let after = cpu_ticks();
    stop.store(true, Ordering::Relaxed);
    let (mut all, mut errors) = (Vec::new(), 0);
    for t in tasks {
        let (lat, e) = t.await.unwrap();
        all.extend(lat);
        errors += e;
    }
    all.sort_unstable();
    // Failed requests cost CPU too: count them.
    let counted = (all.len() + errors).max(1) as f64;
    let per_request = |ticks: u64| ticks as f64 / TICKS_PER_SECOND * 1e6 / counted;
    Stats {
        requests: all.len(),
        errors,
        rps: all.len() as f64 / secs as f64,
        p50_ms: percentile(&all, 0.5),
        p99_ms: percentile(&all, 0.99),
        cpu_us_self: per_request(after.0.saturating_sub(before.0)),
        cpu_us_pg: per_request(after.1.saturating_sub(before.1)),
    }
}

/// Throughput and latency only: for a scenario that shares the process with other load (its CPU
/// figures would include that load).
pub fn print_latency(name: &str, s: &Stats) {
    println!(
        "{name:<46} {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({} ok, {} errors)",
        s.rps, s.p50_ms, s.p99_ms, s.requests, s.errors
    );
}

pub fn print(name: &str, s: &Stats) {
    print_latency(name, s);
    println!(
        "{:<46} CPU per request: {:.0} us this process + {:.0} us PostgreSQL = {:.0} us",
        "",
        s.cpu_us_self,
        s.cpu_us_pg,
        s.cpu_us_self + s.cpu_us_pg
    );
}
