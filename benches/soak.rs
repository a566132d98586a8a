//! `scripts/bench.sh soak`: mixed traffic at a steady rate through HAProxy over the instances
//! that scripts/cluster.sh started (release binaries, one fresh database): reads (the caller,
//! a doctor's free slots, a conversation's history), bookings, chat messages and document
//! uploads, sent in an open loop (a request is due every 1/SOAK_RATE s whatever the answers
//! do). Prints the error rate, p50/p99 latency overall and per kind after the warm-up, and the
//! RSS of each instance after the warm-up and at the end (the drift), with a line a minute.
//!
//! Environment: CAREBRIDGE_URL, CLUSTER_PIDS, CAREBRIDGE_SUPER_EMAIL and
//! CAREBRIDGE_SUPER_PASSWORD (from scripts/cluster.sh); SOAK_SECONDS (default 600, warm-up
//! included), SOAK_WARMUP_SECONDS (default 30), SOAK_RATE (requests a second, default 40).

mod common;

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use common::*;
use serde_json::{Value, json};
use tokio::sync::Semaphore;

/// Doctor and patient pairs: each pair books, chats and uploads on its own.
const PAIRS: usize = 8;
/// Requests in flight at most; one due while this many are pending is counted as an error.
const IN_FLIGHT: usize = 256;
/// The document each upload sends (a lab report of this size).
const UPLOAD_BYTES: usize = 64 * 1024;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Read,
    Book,
    Chat,
    Upload,
}

const KINDS: [Kind; 4] = [Kind::Read, Kind::Book, Kind::Chat, Kind::Upload];

/// Out of every 20 requests: 10 reads, 3 bookings, 5 messages, 2 uploads.
fn kind_of(n: u64) -> Kind {
    match n % 20 {
        0..=9 => Kind::Read,
        10..=12 => Kind::Book,
        13..=17 => Kind::Chat,
        _ => Kind::Upload,
    }
}

struct Pair {
    doctor: String,
    doctor_token: String,
    patient: String,
    patient_token: String,
    conversation: String,
    /// Free slots left to book, taken from the end.
    slots: Mutex<Vec<String>>,
}

/// One answer after the warm-up: its kind, latency (µs) and whether it was the expected one.
type Sample = (Kind, u64, bool);

fn day(n: i64) -> String {
    let t = chrono::Utc::now() + chrono::Duration::days(n);
    (t - chrono::Duration::seconds(t.timestamp() % 86400))
        .to_rfc3339()
        .replace('+', "%2B")
}

async fn get(c: &reqwest::Client, url: String, token: &str) -> anyhow::Result<Value> {
    let r = c.get(url).bearer_auth(token).send().await?;
    anyhow::ensure!(r.status().is_success(), "seeding read: {}", r.status());
    Ok(r.json().await?)
}

/// A hospital (no approval, no payment), `PAIRS` doctors open all week in 15-minute slots,
/// each with a patient of their care team, their conversation and four weeks of free slots.
async fn seed(c: &reqwest::Client, base: &str) -> anyhow::Result<Vec<Pair>> {
    let root_email = std::env::var("CAREBRIDGE_SUPER_EMAIL")?;
    let root_password = std::env::var("CAREBRIDGE_SUPER_PASSWORD")?;
    let root = post(
        c,
        format!("{base}/api/v1/auth/login"),
        None,
        json!({"email": root_email, "password": root_password}),
    )
    .await?["token"]
        .as_str()
        .unwrap()
        .to_string();
    let slug = format!("soak-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let h = post(c, format!("{base}/api/v1/hospitals"), Some(root.as_str()),
        json!({"name": "Soak Hospital", "slug": slug, "timezone": "UTC", "currency": "NPR",
               "appointment_fee": 50000, "payment_provider": "khalti",
               "admin": {"email": format!("admin@{slug}.test"), "full_name": "Admin", "password": PASSWORD}}))
    .await?;
    let admin = post(
        c,
        format!("{base}/api/v1/auth/login"),
        None,
        json!({"email": format!("admin@{slug}.test"), "password": PASSWORD, "hospital": slug}),
    )
    .await?["token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = c
        .patch(format!(
            "{base}/api/v1/hospitals/{}",
            h["id"].as_str().unwrap()
        ))
        .bearer_auth(&admin)
        .json(&json!({"approval_required": false, "payment_required": false}))
        .send()
        .await?;
    anyhow::ensure!(r.status().is_success(), "hospital settings: {}", r.status());
    let mut pairs = Vec::new();
    for i in 0..PAIRS {
        pairs.push(pair(c, base, &admin, &slug, i).await?);
    }
    Ok(pairs)
}

async fn pair(
    c: &reqwest::Client,
    base: &str,
    admin: &str,
    slug: &str,
    i: usize,
) -> anyhow::Result<Pair> {
    let login = |email: String| {
        let (c, base, slug) = (c.clone(), base.to_string(), slug.to_string());
        async move {
            let v = post(
                &c,
                format!("{base}/api/v1/auth/login"),
                None,
                json!({"email": email, "password": PASSWORD, "hospital": slug}),
            )
            .await?;
            anyhow::Ok(v["token"].as_str().unwrap().to_string())
        }
    };
    let demail = format!("dr{i}@{slug}.test");
    let d = post(
        c,
        format!("{base}/api/v1/doctors"),
        Some(admin),
        json!({"email": demail, "full_name": format!("Dr Soak {i}"), "password": PASSWORD,
               "specialization": "General practice", "license_number": format!("SOAK-{slug}-{i}")}),
    )
    .await?["id"]
        .as_str()
        .unwrap()
        .to_string();
    let pemail = format!("pt{i}@{slug}.test");
    let p = patient_in_care_of(c, base, admin, &pemail, &format!("Pat Soak {i}"), &d).await?;
    let rules: Vec<Value> = (1..=7)
        .map(|w| json!({"weekday": w, "start": "00:00", "end": "23:45"}))
        .collect();
    let r = c
        .put(format!("{base}/api/v1/doctors/{d}/availability"))
        .bearer_auth(admin)
        .json(&json!({"timezone": "UTC", "slot_minutes": 15, "rules": rules}))
        .send()
        .await?;
    anyhow::ensure!(r.status().is_success(), "availability: {}", r.status());
    let (doctor_token, patient_token) = (login(demail).await?, login(pemail).await?);
    let conv = post(
        c,
        format!("{base}/api/v1/conversations"),
        Some(patient_token.as_str()),
        json!({"doctor_id": d}),
    )
    .await?;
    let listed = get(
        c,
        format!(
            "{base}/api/v1/doctors/{d}/slots?from={}&to={}",
            day(2),
            day(30)
        ),
        &patient_token,
    )
    .await?;
    let mut slots: Vec<String> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start_at"].as_str().unwrap().to_string())
        .collect();
    slots.reverse();
    Ok(Pair {
        doctor: d,
        doctor_token,
        patient: p,
        patient_token,
        conversation: conv["id"].as_str().unwrap().to_string(),
        slots: Mutex::new(slots),
    })
}

/// Sends the `n`th request; answers whether it got the answer it expects.
async fn request(c: &reqwest::Client, base: &str, p: &Pair, n: u64) -> bool {
    let conv = &p.conversation;
    let req = match kind_of(n) {
        Kind::Read => match (n / 20) % 3 {
            0 => c.get(format!("{base}/api/v1/auth/me")),
            1 => c.get(format!(
                "{base}/api/v1/doctors/{}/slots?from={}&to={}",
                p.doctor,
                day(3),
                day(4)
            )),
            _ => c.get(format!(
                "{base}/api/v1/conversations/{conv}/messages?limit=20"
            )),
        }
        .bearer_auth(&p.patient_token),
        Kind::Book => {
            let slot = p.slots.lock().unwrap().pop();
            // The four weeks of slots listed at the start ran out (a soak of hours).
            let slot = slot.expect("free slots left to book");
            c.post(format!("{base}/api/v1/appointments"))
                .bearer_auth(&p.patient_token)
                .json(&json!({"doctor_id": p.doctor, "start_at": slot, "reason": "soak"}))
        }
        Kind::Chat => {
            let (from, body) = if n.is_multiple_of(2) {
                (&p.patient_token, "How are the results?")
            } else {
                (&p.doctor_token, "They look fine.")
            };
            c.post(format!("{base}/api/v1/conversations/{conv}/messages"))
                .bearer_auth(from)
                .json(&json!({"body": body, "client_id": format!("soak-{n}")}))
        }
        Kind::Upload => {
            let form = reqwest::multipart::Form::new()
                .text("title", "Lab report")
                .text("kind", "lab_report")
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(vec![b'x'; UPLOAD_BYTES])
                        .file_name("report.txt")
                        .mime_str("text/plain")
                        .unwrap(),
                );
            c.post(format!("{base}/api/v1/patients/{}/documents", p.patient))
                .bearer_auth(&p.patient_token)
                .multipart(form)
        }
    };
    match req.send().await {
        Ok(r) => {
            let ok = r.status().is_success();
            if !ok {
                eprintln!("soak: {:?} answered {}", kind_of(n), r.status());
            }
            let _ = r.bytes().await;
            ok
        }
        Err(e) => {
            eprintln!("soak: {:?} got no answer: {e}", kind_of(n));
            false
        }
    }
}

/// VmRSS of `pid`, in MiB.
fn rss_mib(pid: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn rss_line(pids: &[String]) -> (Vec<f64>, String) {
    let v: Vec<f64> = pids.iter().map(|p| rss_mib(p.as_str())).collect();
    let s = v
        .iter()
        .map(|m| format!("{m:.1}"))
        .collect::<Vec<_>>()
        .join(" / ");
    (v, s)
}

fn report(samples: &[Sample], dropped: usize, secs: f64) {
    let line = |name: &str, of: &[&Sample], dropped: usize| {
        let errors = of.iter().filter(|s| !s.2).count() + dropped;
        let mut lat: Vec<u64> = of.iter().map(|s| s.1).collect();
        lat.sort_unstable();
        println!(
            "{name:<8} {:>7} requests ({:>6.1}/s), {errors} errors ({:.3}%), p50 {:.2} ms, p99 {:.2} ms",
            of.len() + dropped,
            (of.len() + dropped) as f64 / secs,
            100.0 * errors as f64 / (of.len() + dropped).max(1) as f64,
            percentile(&lat, 0.50),
            percentile(&lat, 0.99),
        );
    };
    line("all", &samples.iter().collect::<Vec<_>>(), dropped);
    for k in KINDS {
        let of: Vec<&Sample> = samples.iter().filter(|s| s.0 == k).collect();
        line(&format!("{k:?}").to_lowercase(), &of, 0);
    }
    if dropped > 0 {
        println!("({dropped} requests not sent: {IN_FLIGHT} were in flight; counted as errors)");
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("soak") {
        return Ok(());
    }
    let base = std::env::var("CAREBRIDGE_URL").map_err(|_| {
        anyhow::anyhow!("run it through `scripts/bench.sh soak` (scripts/cluster.sh)")
    })?;
    let pids: Vec<String> = std::env::var("CLUSTER_PIDS")?
        .split_whitespace()
        .map(String::from)
        .collect();
    let (total, warmup) = (
        env_or("SOAK_SECONDS", 600),
        env_or("SOAK_WARMUP_SECONDS", 30),
    );
    let rate = env_or("SOAK_RATE", 40).max(1);
    let c = reqwest::Client::new();
    let pairs = Arc::new(seed(&c, &base).await?);
    println!(
        "soak: {rate} requests/s for {total} s ({warmup} s warm-up) through {base} over {} instances",
        pids.len()
    );
    let samples: Arc<Mutex<Vec<Sample>>> = Arc::default();
    let gate = Arc::new(Semaphore::new(IN_FLIGHT));
    let (start, mut dropped) = (Instant::now(), 0usize);
    let warm_at = start + Duration::from_secs(warmup);
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate as f64));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let (mut warm_rss, mut next_line) = (None, start + Duration::from_secs(60));
    for n in 0..rate * total {
        tick.tick().await;
        let now = Instant::now();
        if warm_rss.is_none() && now >= warm_at {
            let (v, s) = rss_line(&pids);
            println!("RSS after the warm-up, MiB: {s}");
            warm_rss = Some(v);
        }
        if now >= next_line {
            let (_, s) = rss_line(&pids);
            let errors = samples.lock().unwrap().iter().filter(|s| !s.2).count() + dropped;
            println!(
                "{:>4} s: {errors} errors so far; RSS MiB {s}",
                start.elapsed().as_secs()
            );
            next_line += Duration::from_secs(60);
        }
        let Ok(permit) = gate.clone().try_acquire_owned() else {
            dropped += usize::from(now >= warm_at);
            continue;
        };
        let (c, base, pairs, samples) = (c.clone(), base.clone(), pairs.clone(), samples.clone());
        tokio::spawn(async move {
            let p = &pairs[(n / 20) as usize % PAIRS];
            let t0 = Instant::now();
            let ok = request(&c, &base, p, n).await;
            if t0 >= warm_at {
                let us = t0.elapsed().as_micros() as u64;
                samples.lock().unwrap().push((kind_of(n), us, ok));
            }
            drop(permit);
        });
    }
    let _ = gate.acquire_many(IN_FLIGHT as u32).await?;
    let measured = (total.saturating_sub(warmup)).max(1) as f64;
    report(&samples.lock().unwrap(), dropped, measured);
    let (end, s) = rss_line(&pids);
    println!("RSS at the end, MiB: {s}");
    if let Some(w) = warm_rss {
        let drift: Vec<String> = w
            .iter()
            .zip(&end)
            .map(|(a, b)| format!("{:+.1}", b - a))
            .collect();
        println!("RSS drift since the warm-up, MiB: {}", drift.join(" / "));
    }
    Ok(())
}
