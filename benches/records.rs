//! `cargo bench --bench records`: encrypted upload and download of a 50 MiB file through the
//! API against a raw S3 PUT and GET of the same bytes (same S3 server, same client library),
//! and the server's peak RSS above idle during the uploads.
//!
//! The server runs as its own process (`carebridge serve`, release) so that its memory can be
//! read from /proc; the S3 server is s3s-fs from scripts/tools.sh. Environment: BENCH_REPS
//! (default 5), BENCH_MIB (default 50).

mod common;

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use bytes::Bytes;
use carebridge_storage::{ObjectStore, S3Settings};
use common::*;
use secrecy::ExposeSecret;
use serde_json::json;
use sha2::{Digest, Sha256};

const KEY: &str = "benchkey";
const SECRET: &str = "benchsecret-0123456789";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tools_bin(name: &str) -> std::path::PathBuf {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    std::path::PathBuf::from(home)
        .join(".cache/carebridge-tools/bin")
        .join(name)
}

async fn wait_for(port: u16) -> anyhow::Result<()> {
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("nothing listens on {port}")
}

/// (current RSS, peak RSS since the last reset) of `pid`, in KiB.
fn rss_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn reset_peak(pid: u32) {
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

fn mb_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1_000_000.0 / d.as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("records") {
        return Ok(());
    }
    let reps = env_or("BENCH_REPS", 5) as usize;
    let size = env_or("BENCH_MIB", 50) as usize * 1024 * 1024;
    let s3_bin = tools_bin("s3s-fs");
    anyhow::ensure!(
        s3_bin.exists(),
        "run scripts/tools.sh first (installs s3s-fs)"
    );
    let scratch = std::env::temp_dir().join(format!("carebridge-bench-{}", std::process::id()));
    std::fs::create_dir_all(scratch.join("s3"))?;

    let s3_port = free_port();
    let _s3 = Killed(
        Command::new(&s3_bin)
            .args(["--host", "127.0.0.1", "--port", &s3_port.to_string()])
            .args(["--access-key", KEY, "--secret-key", SECRET])
            .arg(scratch.join("s3"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?,
    );
    wait_for(s3_port).await?;
    let endpoint = format!("http://127.0.0.1:{s3_port}");
    let settings = |bucket: &str| S3Settings {
        endpoint: Some(endpoint.clone()),
        bucket: bucket.into(),
        region: "us-east-1".into(),
        access_key_id: KEY.into(),
        secret_access_key: SECRET.into(),
    };

    let config = fresh_database("carebridge_bench_records").await?;
    create_root(&config, "root@bench.test").await?;
    let port = free_port();
    let master = carebridge::crypto::SecretKey::generate();
    let server = Killed(
        Command::new(
            std::env::var("CAREBRIDGE_BIN").unwrap_or(env!("CARGO_BIN_EXE_carebridge").into()),
        )
        .arg("serve")
        .env("DATABASE_URL", config.database_url.expose_secret())
        .env(
            "DATABASE_SYSTEM_URL",
            config.database_system_url.expose_secret(),
        )
        .env(
            "DATABASE_ADMIN_URL",
            config.database_admin_url.expose_secret(),
        )
        .env("REDIS_NAMESPACE", &config.redis_namespace)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("RUN_WORKERS", "false")
        .env("DATA_DIR", scratch.join("data"))
        .env("S3_ENDPOINT", &endpoint)
        .env("S3_BUCKET", "documents")
        .env("S3_ACCESS_KEY_ID", KEY)
        .env("S3_SECRET_ACCESS_KEY", SECRET)
        .env("MASTER_KEY", master.to_base64())
        .env("MAX_UPLOAD_BYTES", (size + 1024).to_string())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()?,
    );
    let pid = server.0.id();
    wait_for(port).await?;
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();

    let root = login(&client, &base, "root@bench.test").await?;
    post(
        &client,
        format!("{base}/api/v1/hospitals"),
        Some(&root),
        json!({"name": "Bench", "slug": "bench", "timezone": "UTC",
        "currency": "USD", "appointment_fee": 0, "payment_provider": "none",
        "admin": {"email": "admin@bench.test", "full_name": "Admin", "password": PASSWORD}}),
    )
    .await?;
    let admin = login(&client, &base, "admin@bench.test").await?;
    let doctor = post(&client, format!("{base}/api/v1/doctors"), Some(&admin), json!({"email": "dr@bench.test",
        "full_name": "Dr B", "password": PASSWORD, "specialization": "Neurology", "license_number": "L-1"})).await?;
    let pid_patient = patient_in_care_of(
        &client,
        &base,
        &admin,
        "p@bench.test",
        "P B",
        doctor["id"].as_str().unwrap(),
    )
    .await?;
    let dr = login(&client, &base, "dr@bench.test").await?;

    // Pseudo-random bytes (not compressible, not all zero).
    let mut data = vec![0u8; size];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for chunk in data.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
    }
    let data = Bytes::from(data);
    let digest = hex::encode(Sha256::digest(&data));

    // Raw S3 with the same client library and part size the server uses.
    let raw = ObjectStore::s3(settings("raw"));
    raw.ensure_ready().await?;
    let (mut raw_put, mut raw_get) = (Vec::new(), Vec::new());
    for i in 0..reps {
        let t = Instant::now();
        raw.put(&format!("obj-{i}"), data.clone()).await?;
        raw_put.push(mb_s(size, t.elapsed()));
        let t = Instant::now();
        let back = raw.get(&format!("obj-{i}")).await?;
        raw_get.push(mb_s(size, t.elapsed()));
        anyhow::ensure!(back.len() == size);
    }

    // Through the API: multipart upload (encrypted on the way), download (verified, decrypted).
    let upload = |bytes: Bytes| {
        let form = reqwest::multipart::Form::new()
            .text("title", "overnight EEG")
            .text("kind", "eeg")
            .part(
                "file",
                reqwest::multipart::Part::stream_with_length(bytes.clone(), bytes.len() as u64)
                    .file_name("night.edf"),
            );
        client
            .post(format!("{base}/api/v1/patients/{pid_patient}/documents"))
            .bearer_auth(&dr)
            .multipart(form)
            .send()
    };
    // Warm up (connection pools, first hospital key), then measure idle memory.
    let warm = upload(Bytes::from_static(b"warm-up")).await?;
    anyhow::ensure!(
        warm.status().as_u16() == 201,
        "warm-up upload: {}",
        warm.text().await?
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (idle_kib, _) = rss_kib(pid);
    let (mut api_put, mut api_get, mut peaks) = (Vec::new(), Vec::new(), Vec::new());
    // The upload's own footprint: its peak above the RSS it started from (what the previous
    // download left resident counts in the peak above idle, not here).
    let mut own = Vec::new();
    for _ in 0..reps {
        reset_peak(pid);
        let before = rss_kib(pid).0;
        let t = Instant::now();
        let r = upload(data.clone()).await?;
        let elapsed = t.elapsed();
        let status = r.status();
        let body: serde_json::Value = r.json().await?;
        anyhow::ensure!(status.as_u16() == 201, "upload: {status} {body}");
        anyhow::ensure!(body["sha256"] == digest.as_str(), "sha256 differs");
        api_put.push(mb_s(size, elapsed));
        let peak = rss_kib(pid).1;
        peaks.push(peak);
        own.push(peak.saturating_sub(before));
        let doc = body["id"].as_str().unwrap().to_string();
        let t = Instant::now();
        let got = client
            .get(format!("{base}/api/v1/documents/{doc}/content"))
            .bearer_auth(&dr)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        api_get.push(mb_s(size, t.elapsed()));
        anyhow::ensure!(
            hex::encode(Sha256::digest(&got)) == digest,
            "downloaded bytes differ"
        );
    }
    let peak = peaks.iter().copied().max().unwrap_or(0);
    let (rp, rg, ap, ag) = (
        median(raw_put),
        median(raw_get),
        median(api_put),
        median(api_get),
    );
    println!(
        "records bench: {} MiB file, {reps} runs each (medians), S3 = s3s-fs on loopback",
        size / 1024 / 1024
    );
    println!("  raw S3 PUT            {rp:8.1} MB/s");
    println!(
        "  API upload (encrypt)  {ap:8.1} MB/s   {:5.1}% of raw PUT (target >= 70%)",
        100.0 * ap / rp
    );
    println!("  raw S3 GET            {rg:8.1} MB/s");
    println!(
        "  API download (verify+decrypt) {ag:8.1} MB/s   {:5.1}% of raw GET (target >= 70%)",
        100.0 * ag / rg
    );
    println!(
        "  server RSS: idle {:.1} MiB, peak during uploads {:.1} MiB, {:.1} MiB above idle (target < 64)",
        idle_kib as f64 / 1024.0,
        peak as f64 / 1024.0,
        peak.saturating_sub(idle_kib) as f64 / 1024.0
    );
    println!(
        "  one upload's own footprint (peak above the RSS it started from): max {:.1} MiB; \
         RSS after the last download {:.1} MiB",
        own.iter().copied().max().unwrap_or(0) as f64 / 1024.0,
        rss_kib(pid).0 as f64 / 1024.0
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}
