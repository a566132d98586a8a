//! Several `carebridge serve` processes behind a real HAProxy configured as scripts/cluster.sh
//! configures it (ops/haproxy.cfg): a rolling deploy under steady load, and a draining
//! instance that hands its inference job to another one at once.

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use sea_orm::{ConnectionTrait, TransactionTrait};
use secrecy::ExposeSecret;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::{Member, Options, TestApp, admin_conn, free_port, spawn_app_with, sql_i64},
    process::Process,
};

/// HAProxy over instances on `ports` (server `i0` on the first, …), on a free port.
pub struct Balancer {
    pub base: String,
    dir: PathBuf,
    child: Child,
}

impl Balancer {
    pub async fn start(ports: &[u16]) -> Balancer {
        let dir =
            std::env::temp_dir().join(format!("carebridge-lb-{}-{}", std::process::id(), ports[0]));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cfg = include_str!("../../ops/haproxy.cfg").to_string();
        for (i, p) in ports.iter().enumerate() {
            cfg.push_str(&format!("    server i{i} 127.0.0.1:{p}\n"));
        }
        std::fs::write(dir.join("haproxy.cfg"), cfg).unwrap();
        let port = free_port();
        let child = Command::new(haproxy())
            .args(["-db", "-q", "-f"])
            .arg(dir.join("haproxy.cfg"))
            .env("CB_LB_BIND", format!("127.0.0.1:{port}"))
            .env("CB_LB_SOCK", dir.join("haproxy.sock"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting haproxy");
        let lb = Balancer {
            base: format!("http://127.0.0.1:{port}"),
            dir,
            child,
        };
        for i in 0..ports.len() {
            lb.until(&format!("i{i}"), "UP").await;
        }
        lb
    }

    /// HAProxy's view of server `name` (UP, DOWN, …), from `show stat` on its admin socket.
    pub fn status(&self, name: &str) -> Option<String> {
        use std::io::{Read, Write};
        let mut s = std::os::unix::net::UnixStream::connect(self.dir.join("haproxy.sock")).ok()?;
        s.write_all(b"show stat\n").ok()?;
        let mut out = String::new();
        s.read_to_string(&mut out).ok()?;
        out.lines()
            .map(|l| l.split(',').collect::<Vec<_>>())
            .find(|f| f.len() > 17 && f[0] == "instances" && f[1] == name)
            .map(|f| f[17].to_string())
    }

    /// Waits until HAProxy reports server `name` as `want`.
    pub async fn until(&self, name: &str, want: &str) {
        let start = Instant::now();
        while self.status(name).as_deref() != Some(want) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "HAProxy never saw {name} {want} (now {:?})",
                self.status(name)
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The Debian package's binary (scripts/tools.sh installs it), or `CAREBRIDGE_HAPROXY`.
fn haproxy() -> PathBuf {
    if let Ok(p) = std::env::var("CAREBRIDGE_HAPROXY") {
        return p.into();
    }
    let p = PathBuf::from("/usr/sbin/haproxy");
    assert!(
        p.exists(),
        "HAProxy is not installed: run ./scripts/tools.sh (it installs it), or set CAREBRIDGE_HAPROXY"
    );
    p
}

/// What every instance gets on top of the test's database and Redis: the test's S3 bucket (a
/// document stored by one instance is read by another), the mail sink, and the drain timings
/// of scripts/cluster.sh (a notice of 3 s covers HAProxy's `inter 1s` × `fall 2`).
fn instance_env(app: &TestApp, smtp: &str) -> Vec<(&'static str, String)> {
    let s3 = app.config.s3.clone().expect("tests configure S3");
    vec![
        ("S3_ENDPOINT", s3.endpoint.unwrap_or_default()),
        ("S3_BUCKET", s3.bucket.clone()),
        ("S3_ACCESS_KEY_ID", s3.access_key_id.clone()),
        (
            "S3_SECRET_ACCESS_KEY",
            s3.secret_access_key.expose_secret().to_string(),
        ),
        ("SMTP_URL", smtp.to_string()),
        ("SHUTDOWN_NOTICE_SECONDS", "3".into()),
        ("SHUTDOWN_GRACE_SECONDS", "15".into()),
    ]
}

/// What the clients saw. A 503 is retried (it promises that nothing was written); anything
/// else that is not the expected status, or no answer at all, is a failure.
#[derive(Default)]
struct Tally {
    ok: usize,
    retried_503: usize,
    failures: Vec<String>,
}

/// Sends `req()` until it answers something other than 503; answers the body when the status
/// is `want`.
async fn call(
    tally: &Mutex<Tally>,
    want: u16,
    req: impl Fn() -> reqwest::RequestBuilder,
) -> Option<Value> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        let failure = match req().send().await {
            Ok(r) if r.status().as_u16() == 503 => {
                tally.lock().unwrap().retried_503 += 1;
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
            Ok(r) => {
                let status = r.status().as_u16();
                let text = r.text().await.unwrap_or_default();
                if status == want {
                    tally.lock().unwrap().ok += 1;
                    return Some(serde_json::from_str(&text).unwrap_or(Value::Null));
                }
                format!("{status}: {text}")
            }
            Err(e) => format!("no answer: {e}"),
        };
        tally.lock().unwrap().failures.push(failure);
        return None;
    }
    tally.lock().unwrap().failures.push("503 for 20 s".into());
    None
}

/// The hospital the load works in: a doctor and a patient of one care team, their
/// conversation, and free slots to book (approval and payment off, AI assistance on).
struct Scene {
    d: Member,
    p: Member,
    conversation: Uuid,
    slots: Vec<String>,
}

async fn scene(app: &TestApp) -> Scene {
    let (_, h, d, p) = crate::ml::staff(app).await;
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"approval_required": false, "payment_required": false}),
    )
    .await
    .expect(200);
    app.open_all_week(&h, &d, 30).await;
    let conversation = app
        .post(
            "/api/v1/conversations",
            Some(&p.token),
            json!({"doctor_id": d.id}),
        )
        .await
        .expect(201)
        .id();
    let day = |n: i64| {
        let t = chrono::Utc::now() + chrono::Duration::days(n);
        (t - chrono::Duration::seconds(t.timestamp() % 86400))
            .to_rfc3339()
            .replace('+', "%2B")
    };
    let listed = app
        .get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                d.id,
                day(2),
                day(6)
            ),
            &p.token,
        )
        .await
        .expect(200);
    let slots = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start_at"].as_str().unwrap().to_string())
        .collect();
    Scene {
        d,
        p,
        conversation,
        slots,
    }
}

/// What the load got acknowledged: chat messages (client id → message id), appointments and
/// inference jobs.
#[derive(Default)]
struct Acked {
    messages: Vec<(String, String)>,
    appointments: Vec<String>,
    jobs: Vec<String>,
}

/// Steady load through the balancer until `stop`: reads, chat, bookings, uploads with
/// inference jobs, each in a loop of its own.
fn load(
    lb: &str,
    s: &Arc<Scene>,
    stop: &Arc<AtomicBool>,
    tally: &Arc<Mutex<Tally>>,
) -> Vec<tokio::task::JoinHandle<Acked>> {
    let client = reqwest::Client::new();
    let ctx = || {
        (
            client.clone(),
            lb.to_string(),
            s.clone(),
            stop.clone(),
            tally.clone(),
        )
    };
    let mut tasks = Vec::new();
    let (c, lb, s, stop, tally) = ctx();
    tasks.push(tokio::spawn(async move {
        while !stop.load(Ordering::Relaxed) {
            let me = format!("{lb}/api/v1/auth/me");
            call(&tally, 200, || c.get(&me).bearer_auth(&s.p.token)).await;
            let history = format!(
                "{lb}/api/v1/conversations/{}/messages?limit=5",
                s.conversation
            );
            call(&tally, 200, || c.get(&history).bearer_auth(&s.d.token)).await;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Acked::default()
    }));
    let (c, lb, s, stop, tally) = ctx();
    tasks.push(tokio::spawn(async move {
        let mut acked = Acked::default();
        let url = format!("{lb}/api/v1/conversations/{}/messages", s.conversation);
        for n in 0.. {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let client_id = format!("roll-{n}");
            let body = json!({"body": format!("message {n}"), "client_id": client_id});
            if let Some(m) = call(&tally, 201, || {
                c.post(&url).bearer_auth(&s.p.token).json(&body)
            })
            .await
            {
                acked
                    .messages
                    .push((client_id, m["id"].as_str().unwrap().to_string()));
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        acked
    }));
    let (c, lb, s, stop, tally) = ctx();
    tasks.push(tokio::spawn(async move {
        let mut acked = Acked::default();
        let url = format!("{lb}/api/v1/appointments");
        for slot in &s.slots {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let body = json!({"doctor_id": s.d.id, "start_at": slot, "reason": "rolling"});
            if let Some(a) = call(&tally, 201, || {
                c.post(&url).bearer_auth(&s.p.token).json(&body)
            })
            .await
            {
                acked
                    .appointments
                    .push(a["id"].as_str().unwrap().to_string());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        acked
    }));
    let (c, lb, s, stop, tally) = ctx();
    tasks.push(tokio::spawn(async move {
        let mut acked = Acked::default();
        for seed in 0.. {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            if let Some(job) = upload_and_queue(&c, &lb, &s, &tally, seed).await {
                acked.jobs.push(job);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        acked
    }));
    tasks
}

/// Uploads a short synthetic night (as the doctor) and queues its sleep staging.
async fn upload_and_queue(
    c: &reqwest::Client,
    lb: &str,
    s: &Scene,
    tally: &Mutex<Tally>,
    seed: u64,
) -> Option<String> {
    let edf = carebridge_ml::synth::to_edf(&carebridge_ml::synth::night(seed, 10));
    let url = format!("{lb}/api/v1/patients/{}/documents", s.p.id);
    let doc = call(tally, 201, || {
        let form = reqwest::multipart::Form::new()
            .text("title", "night")
            .text("kind", "eeg")
            .part(
                "file",
                reqwest::multipart::Part::bytes(edf.clone())
                    .file_name("night.edf")
                    .mime_str("application/octet-stream")
                    .unwrap(),
            );
        c.post(&url).bearer_auth(&s.d.token).multipart(form)
    })
    .await?;
    let url = format!("{lb}/api/v1/inference/jobs");
    let body = json!({"kind": "sleep_staging", "document_id": doc["id"]});
    let job = call(tally, 202, || {
        c.post(&url).bearer_auth(&s.d.token).json(&body)
    })
    .await?;
    Some(job["id"].as_str().unwrap().to_string())
}

/// Polls `sql` (one bigint) until it is 0, up to `within`.
async fn until_zero(app: &TestApp, sql: &str, within: Duration) {
    let start = Instant::now();
    while sql_i64(app, sql).await != 0 {
        assert!(
            start.elapsed() < within,
            "still not 0 after {within:?}: {sql}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_rolling_deploy_under_load_fails_no_request_and_loses_or_repeats_no_work() {
    // The in-process app only sets the scene: its workers are off, so every claim is an
    // instance's.
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.run_workers = false),
        ..Default::default()
    })
    .await;
    let (smtp, sink) = crate::smtp::start().await;
    let s = Arc::new(scene(&app).await);
    let env = instance_env(&app, &smtp);
    let ports = [free_port(), free_port(), free_port()];
    let mut instances = Vec::new();
    for port in ports {
        instances.push(Process::serve_on(&app, port, &env).await);
    }
    let lb = Balancer::start(&ports).await;

    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let tasks = load(&lb.base, &s, &stop, &tally);
    let answered = || tally.lock().unwrap().ok;
    while answered() < 20 {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The rolling deploy: each instance in turn drains and exits, is started again on its
    // port, and is back in HAProxy's rotation before the next one goes.
    let during = AtomicUsize::new(0);
    for (i, port) in ports.iter().enumerate() {
        let before = answered();
        instances[i].terminate();
        let (status, _) = instances[i].exit(Duration::from_secs(20)).await;
        assert!(status.success(), "instance {i} exited with {status:?}");
        during.fetch_add(answered() - before, Ordering::Relaxed);
        instances[i] = Process::serve_on(&app, *port, &env).await;
        lb.until(&format!("i{i}"), "UP").await;
    }
    stop.store(true, Ordering::Relaxed);
    let mut acked = Acked::default();
    for t in tasks {
        let a = t.await.unwrap();
        acked.messages.extend(a.messages);
        acked.appointments.extend(a.appointments);
        acked.jobs.extend(a.jobs);
    }
    let t = std::mem::take(&mut *tally.lock().unwrap());
    assert!(t.failures.is_empty(), "failed requests: {:?}", t.failures);
    assert!(
        during.load(Ordering::Relaxed) >= 30,
        "only {} answers while instances were draining: the test proves little",
        during.load(Ordering::Relaxed)
    );
    assert!(!acked.messages.is_empty() && !acked.appointments.is_empty() && !acked.jobs.is_empty());
    eprintln!(
        "rolling deploy: {} answers ({} while draining), {} 503s retried; {} messages, {} appointments, {} jobs",
        t.ok,
        during.load(Ordering::Relaxed),
        t.retried_503,
        acked.messages.len(),
        acked.appointments.len(),
        acked.jobs.len()
    );
    check_nothing_lost_or_repeated(&app, &s, &acked, &sink).await;
}

/// Every acknowledged message is readable once, every appointment exists, every job ran to
/// success exactly once, and every queued email went out exactly once.
async fn check_nothing_lost_or_repeated(
    app: &TestApp,
    s: &Scene,
    acked: &Acked,
    sink: &crate::smtp::Sink,
) {
    let mut read = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = app
            .get(
                &format!(
                    "/api/v1/conversations/{}/messages?limit=200{cursor}",
                    s.conversation
                ),
                &s.d.token,
            )
            .await
            .expect(200);
        let items = page.body["items"].as_array().unwrap();
        read.extend(items.iter().map(|m| m["id"].as_str().unwrap().to_string()));
        match page.body["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => break,
        }
    }
    let mut want: Vec<String> = acked.messages.iter().map(|(_, id)| id.clone()).collect();
    want.sort();
    read.sort();
    assert_eq!(read, want, "the messages read are not those acknowledged");
    assert_eq!(
        sql_i64(app, "select count(*) from appointment").await,
        acked.appointments.len() as i64
    );

    until_zero(
        app,
        "select count(*) from inference_job where status in ('queued', 'running')",
        Duration::from_secs(120),
    )
    .await;
    let jobs = acked.jobs.len() as i64;
    assert_eq!(
        sql_i64(
            app,
            "select count(*) from inference_job where status = 'succeeded'"
        )
        .await,
        jobs
    );
    assert_eq!(
        sql_i64(
            app,
            "select count(distinct resource_id) from audit_event where action = 'inference.succeeded'"
        )
        .await,
        jobs
    );
    assert_eq!(
        sql_i64(
            app,
            "select count(*) from audit_event where action = 'inference.succeeded'"
        )
        .await,
        jobs,
        "a job's result was recorded twice"
    );

    until_zero(
        app,
        "select count(*) from outbox where channel = 'email' and status <> 'sent'",
        Duration::from_secs(60),
    )
    .await;
    // Each email carries its outbox row's id as its Message-ID.
    let sent: Vec<String> = sink
        .mails
        .lock()
        .unwrap()
        .iter()
        .filter_map(|m| {
            let at = m.data.find("@outbox.carebridge>")?;
            let start = m.data[..at].rfind('<')? + 1;
            Some(m.data[start..at].to_string())
        })
        .collect();
    let mut times = std::collections::HashMap::new();
    for id in &sent {
        *times.entry(id.as_str()).or_insert(0) += 1;
    }
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "emails sent twice: {twice:?}");
    let emails = sql_i64(app, "select count(*) from outbox where channel = 'email'").await;
    assert!(emails >= acked.appointments.len() as i64, "{emails} emails");
    assert_eq!(sent.len() as i64, emails, "emails received");
}

#[tokio::test]
async fn a_draining_instance_hands_its_running_inference_job_to_another_at_once() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.run_workers = false),
        ..Default::default()
    })
    .await;
    let (_, _, d, p) = crate::ml::staff(&app).await;
    let doc = crate::ml::eeg(&app, &d.token, p.id, 3, 10).await;
    let job = crate::ml::queue(&app, &d.token, "sleep_staging", doc).await;
    // The hospitals' keys are locked: the worker that claims the job waits for its key while
    // it opens the input, so the job is running (leased for LEASE_SECONDS) when SIGTERM comes.
    let owner = admin_conn(&app.db).await;
    let key = owner.begin().await.unwrap();
    key.execute_unprepared("lock table hospital_key in access exclusive mode")
        .await
        .unwrap();
    let (smtp, _sink) = crate::smtp::start().await;
    let env = instance_env(&app, &smtp);
    let mut first = Process::serve(&app, &env).await;
    let start = Instant::now();
    while sql_i64(
        &app,
        "select count(*) from pg_stat_activity where datname = current_database() \
         and wait_event_type = 'Lock' and query like '%hospital_key%'",
    )
    .await
        == 0
    {
        assert!(start.elapsed() < Duration::from_secs(20), "never claimed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let leased = format!(
        "select count(*) from inference_job where id = '{job}' and status = 'running' \
         and leased_until > now() + interval '60 seconds'"
    );
    assert_eq!(sql_i64(&app, &leased).await, 1);

    first.terminate();
    let (status, _) = first.exit(Duration::from_secs(20)).await;
    assert!(status.success(), "exit status {status:?}");
    // Queued again with its attempt undone, while the key is still held: the release did not
    // wait for the work it abandoned.
    let queued = format!(
        "select count(*) from inference_job where id = '{job}' and status = 'queued' \
         and leased_until is null and attempts = 0"
    );
    assert_eq!(sql_i64(&app, &queued).await, 1);
    key.commit().await.unwrap();

    // Another instance takes it now, not when the 120-second lease would have run out.
    let handed = Instant::now();
    let _second = Process::serve(&app, &env).await;
    let done = format!(
        "select count(*) from inference_job where id = '{job}' and status = 'succeeded' \
         and attempts = 1"
    );
    while sql_i64(&app, &done).await == 0 {
        assert!(
            handed.elapsed() < Duration::from_secs(30),
            "the job was not taken over at once"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let audited = format!(
        "select count(*) from audit_event where action = 'inference.succeeded' \
         and resource_id = '{job}'"
    );
    assert_eq!(sql_i64(&app, &audited).await, 1);
}
