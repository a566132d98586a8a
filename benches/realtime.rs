//! `cargo bench --bench realtime`: the real-time side of the server, in two parts.
//!
//! 1. **Sockets on one instance.** BENCH_SOCKETS (default 10 000) authenticated WebSockets
//!    (`Authorization: Bearer`) held open on instance A, and A's RSS growth per socket (goal:
//!    under 20 KiB a socket, so under 200 MiB for 10 000), also over the second half alone (the
//!    first sockets partly reuse heap the idle server had freed). The sockets share the tokens
//!    of 21 users (logins are argon2-slow), each one still a socket of its own, checked like any
//!    other.
//!    A sample of 100 must answer `ping` with `pong`, and A's `/metrics` must count them all.
//! 2. **Chat fan-out across two instances** (same database, same Redis namespace): 50 patients
//!    post through instance B's REST API in an open loop paced at BENCH_RATE (default 2000)
//!    messages/s for BENCH_SECONDS (default 10); their 5 doctors receive the `chat.message`
//!    frames on sockets of instance A (through Redis pub/sub). Latency from the POST's send to
//!    the frame's receipt (goal: p99 under 50 ms), of the POST round trip alone, and of the frame
//!    after the POST's response. A second pass runs at BENCH_RATE2, by default half the lower of
//!    BENCH_RATE and what the first pass achieved, rounded down to 50 (a rate the machine
//!    sustains, so that its latency is not that of a queue).
//!
//! Both servers run as their own processes (`carebridge serve`, release), so that their memory
//! and CPU can be read from /proc. Each side needs an open-file limit above BENCH_SOCKETS + 1000:
//! `scripts/bench.sh realtime` raises it to the hard limit.

mod common;

use std::{
    collections::HashMap,
    path::Path,
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering::Relaxed},
    },
    time::{Duration, Instant},
};

use anyhow::Context;
use carebridge::app::Config;
use common::*;
use futures_util::{
    SinkExt, StreamExt,
    stream::{SplitSink, SplitStream},
};
use sea_orm::ConnectionTrait;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};
use tokio::{sync::Semaphore, task::JoinHandle};
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream, connect_async_with_config,
    tungstenite::{Message, client::IntoClientRequest, protocol::WebSocketConfig},
};

const DB: &str = "carebridge_bench_realtime";
/// Sockets being opened at once.
const OPENING: usize = 200;
/// Sockets of part 1 that must answer `ping`.
const SAMPLE: usize = 100;
/// Patients whose tokens (with their doctor's) the sockets of part 1 share.
const SOCKET_PATIENTS: usize = 20;
const DOCTORS: usize = 5;
const PATIENTS: usize = 50;
/// POSTs in flight at once, at most: a message due while all are taken is not sent.
const IN_FLIGHT: usize = 256;
/// A POST that leaves this long after its scheduled instant was sent late.
const LATE: Duration = Duration::from_millis(5);
/// Sequence numbers of the warm-up messages and of each pass (a pass's are `n * PASS + i`).
const PASS: u64 = 1_000_000_000;

type Ws = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

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

async fn wait_for(port: u16) -> anyhow::Result<()> {
    for _ in 0..600 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("nothing listens on {port} after 30 s")
}

/// One `carebridge serve` child (killed when dropped).
struct Server {
    child: Killed,
    port: u16,
    base: String,
}

impl Server {
    fn start(config: &Config, data: &Path, master: &str) -> anyhow::Result<Server> {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_carebridge"))
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
            .env("DATA_DIR", data)
            .env("MASTER_KEY", master)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .context("starting `carebridge serve`")?;
        Ok(Server {
            child: Killed(child),
            port,
            base: format!("http://127.0.0.1:{port}"),
        })
    }

    fn pid(&self) -> u32 {
        self.child.0.id()
    }

    fn ws_url(&self) -> String {
        format!("ws://127.0.0.1:{}/api/v1/ws", self.port)
    }
}

/// (VmRSS, anonymous memory from smaps_rollup) of `pid`, in KiB.
fn memory_kib(pid: u32) -> (u64, u64) {
    let field = |file: &str, name: &str| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/{file}"))
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (
        field("status", "VmRSS:"),
        field("smaps_rollup", "Anonymous:"),
    )
}

/// utime + stime of a process, in ticks (100 a second).
fn ticks(proc_dir: &Path) -> u64 {
    let Ok(s) = std::fs::read_to_string(proc_dir.join("stat")) else {
        return 0;
    };
    // The command name (field 2) may hold spaces; the fields after it start at field 3.
    let Some(rest) = s.rfind(')').map(|i| &s[i + 1..]) else {
        return 0;
    };
    let f: Vec<u64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|v| v.parse().ok())
        .collect();
    f.iter().sum()
}

/// CPU ticks so far of: server A, server B, every PostgreSQL process, Redis, this process.
fn cpu(a: u32, b: u32) -> [u64; 5] {
    let proc = Path::new("/proc");
    let (mut pg, mut redis) = (0, 0);
    for entry in std::fs::read_dir(proc).into_iter().flatten().flatten() {
        let dir = entry.path();
        match std::fs::read_to_string(dir.join("comm"))
            .as_deref()
            .map(str::trim)
        {
            Ok("postgres") => pg += ticks(&dir),
            Ok("redis-server") => redis += ticks(&dir),
            _ => {}
        }
    }
    [
        ticks(&proc.join(a.to_string())),
        ticks(&proc.join(b.to_string())),
        pg,
        redis,
        ticks(&proc.join("self")),
    ]
}

/// Fails early, with what to do, when this process may not open enough files.
fn check_open_files(sockets: usize) -> anyhow::Result<()> {
    let limits = std::fs::read_to_string("/proc/self/limits")?;
    let soft: usize = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .and_then(|l| l.split_whitespace().nth(3))
        .and_then(|v| v.parse().ok())
        .context("no `Max open files` in /proc/self/limits")?;
    anyhow::ensure!(
        soft >= sockets + 1000,
        "the open-file limit is {soft}; {sockets} sockets need {} (here and in the server): \
         run `scripts/bench.sh realtime`, which raises it, or lower BENCH_SOCKETS",
        sockets + 1000
    );
    Ok(())
}

fn ns(clock: Instant) -> u64 {
    clock.elapsed().as_nanos() as u64
}

/// An authenticated socket (bearer token), with small buffers on this side too.
async fn open_socket(url: &str, token: &str) -> anyhow::Result<Ws> {
    let mut req = url.into_client_request()?;
    req.headers_mut()
        .insert("authorization", format!("Bearer {token}").parse()?);
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let (ws, _) = tokio::time::timeout(
        Duration::from_secs(30),
        connect_async_with_config(req, Some(config), true),
    )
    .await
    .context("the upgrade took over 30 s")?
    .context("the upgrade failed")?;
    Ok(ws)
}

/// The number of open sockets `/metrics` of `base` reports.
async fn sockets_open(client: &reqwest::Client, base: &str) -> anyhow::Result<usize> {
    let text = client
        .get(format!("{base}/metrics"))
        .timeout(Duration::from_secs(10))
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    text.lines()
        .find_map(|l| l.strip_prefix("carebridge_websockets "))
        .context("no carebridge_websockets line in /metrics")?
        .trim()
        .parse()
        .context("carebridge_websockets is not a number")
}

/// Waits until `base` counts `n` open sockets.
async fn wait_sockets(
    client: &reqwest::Client,
    base: &str,
    n: usize,
    within: Duration,
) -> anyhow::Result<()> {
    let deadline = Instant::now() + within;
    loop {
        let open = sockets_open(client, base).await?;
        if open == n {
            return Ok(());
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "{base}/metrics counts {open} open sockets, not {n}, after {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A hospital; answers its admin's token.
async fn hospital(client: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let root = login(client, base, "root@bench.test").await?;
    post(
        client,
        format!("{base}/api/v1/hospitals"),
        Some(&root),
        json!({"name": "Bench", "slug": "bench", "timezone": "UTC",
        "currency": "USD", "appointment_fee": 0, "payment_provider": "none",
        "admin": {"email": "admin@bench.test", "full_name": "Admin", "password": PASSWORD}}),
    )
    .await?;
    login(client, base, "admin@bench.test").await
}

/// A doctor; answers (doctor id, token).
async fn doctor(
    client: &reqwest::Client,
    base: &str,
    admin: &str,
    name: &str,
) -> anyhow::Result<(String, String)> {
    let email = format!("{name}@bench.test");
    let d = post(
        client,
        format!("{base}/api/v1/doctors"),
        Some(admin),
        json!({"email": email,
        "full_name": name, "password": PASSWORD, "specialization": "General practice",
        "license_number": format!("L-{name}")}),
    )
    .await?;
    let id = d["id"].as_str().context("a doctor without id")?.to_string();
    Ok((id, login(client, base, &email).await?))
}

/// A patient on `doctor_id`'s care team, registered through `base`; answers the token.
async fn patient(
    client: &reqwest::Client,
    base: &str,
    admin: &str,
    name: String,
    doctor_id: &str,
) -> anyhow::Result<String> {
    let email = format!("{name}@bench.test");
    patient_in_care_of(client, base, admin, &email, &name, doctor_id).await?;
    login(client, base, &email).await
}

/// The tokens the sockets of part 1 share: a doctor's and their patients'. Seeding alternates
/// between the instances (each hashes one password at a time).
async fn socket_users(
    client: &reqwest::Client,
    bases: [&str; 2],
    admin: &str,
) -> anyhow::Result<Vec<String>> {
    let (id, token) = doctor(client, bases[0], admin, "dr-sockets").await?;
    let mut tokens: Vec<String> = futures_util::stream::iter(0..SOCKET_PATIENTS)
        .map(|j| patient(client, bases[j % 2], admin, format!("sp{j}"), &id))
        .buffer_unordered(4)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<anyhow::Result<_>>()?;
    tokens.push(token);
    Ok(tokens)
}

/// One patient's conversation: where to post in it (on B), and with which token.
struct Pair {
    token: String,
    url: String,
}

/// Part 2's users: each doctor's token, and each patient's conversation with their doctor.
async fn chat_users(
    client: &reqwest::Client,
    bases: [&str; 2],
    admin: &str,
) -> anyhow::Result<(Vec<String>, Vec<Pair>)> {
    let (mut ids, mut tokens) = (Vec::new(), Vec::new());
    for i in 0..DOCTORS {
        let (id, token) = doctor(client, bases[i % 2], admin, &format!("dr-chat{i}")).await?;
        ids.push(id);
        tokens.push(token);
    }
    let b = bases[1];
    let pair = |j: usize| {
        let doctor_id = ids[j % DOCTORS].clone();
        async move {
            let token = patient(client, bases[j % 2], admin, format!("cp{j}"), &doctor_id).await?;
            let c = post(
                client,
                format!("{b}/api/v1/conversations"),
                Some(&token),
                json!({"doctor_id": doctor_id}),
            )
            .await?;
            let id = c["id"].as_str().context("a conversation without id")?;
            let url = format!("{b}/api/v1/conversations/{id}/messages");
            anyhow::Ok(Pair { token, url })
        }
    };
    let pairs = futures_util::stream::iter(0..PATIENTS)
        .map(pair)
        .buffer_unordered(4)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<anyhow::Result<_>>()?;
    Ok((tokens, pairs))
}

/// Sockets held open: the write halves here, each read half polled by a task of its own (which
/// also answers the server's pings). Dropping it closes them all.
#[derive(Default)]
struct Held {
    sinks: Vec<SplitSink<Ws, Message>>,
    tasks: Vec<JoinHandle<()>>,
    pongs: Arc<AtomicUsize>,
    ended: Arc<AtomicUsize>,
    failed: usize,
    first_error: Option<String>,
}

impl Drop for Held {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

async fn hold(mut stream: SplitStream<Ws>, pongs: Arc<AtomicUsize>, ended: Arc<AtomicUsize>) {
    while let Some(msg) = stream.next().await {
        match msg {
            Ok(Message::Text(t)) => {
                if serde_json::from_str::<Value>(&t).is_ok_and(|v| v["type"] == "pong") {
                    pongs.fetch_add(1, Relaxed);
                }
            }
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    ended.fetch_add(1, Relaxed);
}

/// Opens `n` more sockets, `OPENING` at a time, over `tokens` in turn; answers how long it took.
async fn open_more(held: &mut Held, url: &str, tokens: &[String], n: usize) -> Duration {
    let t = Instant::now();
    let first = held.sinks.len() + held.failed;
    let mut opening = futures_util::stream::iter(first..first + n)
        .map(|i| open_socket(url, &tokens[i % tokens.len()]))
        .buffer_unordered(OPENING);
    while let Some(ws) = opening.next().await {
        match ws {
            Ok(ws) => {
                let (sink, stream) = ws.split();
                let (pongs, ended) = (held.pongs.clone(), held.ended.clone());
                held.tasks.push(tokio::spawn(hold(stream, pongs, ended)));
                held.sinks.push(sink);
            }
            Err(e) => {
                held.failed += 1;
                held.first_error.get_or_insert(format!("{e:#}"));
            }
        }
    }
    t.elapsed()
}

/// Once `base` counts every socket `held` opened, and 2 s later: (sockets, memory of `pid`).
async fn settled(
    client: &reqwest::Client,
    base: &str,
    pid: u32,
    held: &Held,
) -> anyhow::Result<(usize, (u64, u64))> {
    let open = held.sinks.len();
    wait_sockets(client, base, open, Duration::from_secs(60)).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    Ok((open, memory_kib(pid)))
}

/// Sends `ping` on the first `SAMPLE` sockets: how many `pong`s came back, and in how long.
async fn ping_sample(held: &mut Held) -> anyhow::Result<(usize, usize, Duration)> {
    let before = held.pongs.load(Relaxed);
    let n = SAMPLE.min(held.sinks.len());
    let t = Instant::now();
    for sink in held.sinks.iter_mut().take(n) {
        sink.send(Message::text(json!({"type": "ping"}).to_string()))
            .await
            .context("sending a ping")?;
    }
    let deadline = t + Duration::from_secs(10);
    while held.pongs.load(Relaxed) - before < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    Ok((held.pongs.load(Relaxed) - before, n, t.elapsed()))
}

/// Part 1: RSS growth of instance A per open socket, over all of them and over the second half
/// (the first ones partly reuse heap that the idle server had already freed).
async fn sockets_part(
    client: &reqwest::Client,
    a: &Server,
    tokens: &[String],
    n: usize,
) -> anyhow::Result<()> {
    // Warm-up: a few sockets opened and closed, one REST call.
    for t in tokens.iter().take(4) {
        let mut ws = open_socket(&a.ws_url(), t).await?;
        ws.close(None).await?;
    }
    client
        .get(format!("{}/api/v1/auth/me", a.base))
        .bearer_auth(&tokens[0])
        .send()
        .await?
        .error_for_status()?;
    wait_sockets(client, &a.base, 0, Duration::from_secs(10)).await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = memory_kib(a.pid());
    let mut held = Held::default();
    let mut open_time = open_more(&mut held, &a.ws_url(), tokens, n / 2).await;
    let half = settled(client, &a.base, a.pid(), &held).await?;
    open_time += open_more(&mut held, &a.ws_url(), tokens, n - n / 2).await;
    let full = settled(client, &a.base, a.pid(), &held).await?;
    let (pongs, pinged, ping_time) = ping_sample(&mut held).await?;
    println!(
        "realtime bench, part 1: {n} sockets on one instance (bearer tokens of {} users)",
        tokens.len()
    );
    println!(
        "  opened {} of {n} in {:.1} s ({OPENING} at a time); /metrics counts {}; \
         {pongs} of {pinged} sampled sockets answered ping with pong within {} ms",
        full.0,
        open_time.as_secs_f64(),
        full.0,
        ping_time.as_millis()
    );
    if let Some(e) = &held.first_error {
        println!("  {} sockets failed to open; the first: {e}", held.failed);
    }
    let ended = held.ended.load(Relaxed);
    if ended > 0 {
        println!("  {ended} sockets were closed by the server while held");
    }
    print_memory(idle, half, full);
    drop(held);
    wait_sockets(client, &a.base, 0, Duration::from_secs(60)).await?;
    anyhow::ensure!(
        full.0 == n && pongs == pinged && ended == 0,
        "part 1 did not hold every socket"
    );
    Ok(())
}

/// VmRSS and anonymous memory: idle, with half the sockets, with all of them.
fn print_memory(idle: (u64, u64), half: (usize, (u64, u64)), full: (usize, (u64, u64))) {
    let mib = |kib: u64| kib as f64 / 1024.0;
    let per = |a: u64, b: u64, n: usize| b.saturating_sub(a) as f64 / n.max(1) as f64;
    let (n, m) = full;
    println!(
        "  server RSS: idle {:.1} MiB, with {n} sockets {:.1} MiB, growth {:.1} MiB \
         = {:.1} KiB per socket   (goal: < 20 KiB per socket, < 200 MiB for 10 000)",
        mib(idle.0),
        mib(m.0),
        mib(m.0.saturating_sub(idle.0)),
        per(idle.0, m.0, n)
    );
    println!(
        "  anonymous memory (smaps_rollup): idle {:.1} MiB, with sockets {:.1} MiB, growth \
         {:.1} MiB = {:.1} KiB per socket",
        mib(idle.1),
        mib(m.1),
        mib(m.1.saturating_sub(idle.1)),
        per(idle.1, m.1, n)
    );
    println!(
        "  growth from {} to {n} sockets: {:.1} KiB per socket (RSS), {:.1} KiB (anonymous)",
        half.0,
        per(half.1.0, m.0, n - half.0),
        per(half.1.1, m.1, n - half.0)
    );
}

/// What the doctors' sockets received: (sequence number, sent, received) of each
/// `chat.message` (nanoseconds on the bench's clock), and why any socket ended.
#[derive(Default)]
struct Inbox {
    got: Mutex<Vec<(u64, u64, u64)>>,
    ended: Mutex<Vec<String>>,
}

/// The (sequence number, send instant) a bench message carries in its body.
fn stamp(text: &str) -> Option<(u64, u64)> {
    let v: Value = serde_json::from_str(text).ok()?;
    if v["type"] != "chat.message" {
        return None;
    }
    let mut parts = v["message"]["body"].as_str()?.split(' ');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

async fn receive(mut ws: Ws, inbox: Arc<Inbox>, clock: Instant) {
    let why = loop {
        let msg = ws.next().await;
        let now = ns(clock);
        match msg {
            Some(Ok(Message::Text(t))) => {
                if let Some((seq, sent)) = stamp(&t) {
                    inbox.got.lock().unwrap().push((seq, sent, now));
                }
            }
            Some(Ok(Message::Close(c))) => break format!("closed: {c:?}"),
            Some(Err(e)) => break format!("error: {e}"),
            None => break "ended".to_string(),
            Some(Ok(_)) => {}
        }
    };
    inbox.ended.lock().unwrap().push(why);
}

/// One POST's fate: sequence number, sent and done instants (ns), the error if not 201.
struct Sent {
    seq: u64,
    sent: u64,
    done: u64,
    error: Option<String>,
}

async fn post_message(client: &reqwest::Client, pair: &Pair, seq: u64, clock: Instant) -> Sent {
    let sent = ns(clock);
    let body = json!({"body": format!("{seq} {sent}"), "client_id": format!("rt-{seq}")});
    let r = client
        .post(&pair.url)
        .bearer_auth(&pair.token)
        .json(&body)
        .timeout(Duration::from_secs(10))
        .send()
        .await;
    let error = match r {
        Ok(r) if r.status().as_u16() == 201 => r.bytes().await.err().map(|e| e.to_string()),
        Ok(r) => Some(format!(
            "{} {}",
            r.status(),
            r.text().await.unwrap_or_default()
        )),
        Err(e) => Some(format!("{e:#}")),
    };
    Sent {
        seq,
        sent,
        done: ns(clock),
        error,
    }
}

/// The POSTs of one open-loop pass, and those not sent on time.
struct Offered {
    sent: Vec<Sent>,
    skipped: usize,
    late: usize,
}

/// Posts `rate` messages a second for `secs` seconds, each spawned at its scheduled instant;
/// a message due while `IN_FLIGHT` POSTs are pending is skipped (counted).
async fn offer(
    client: &reqwest::Client,
    pairs: &Arc<Vec<Pair>>,
    (rate, secs, first): (u64, u64, u64),
    clock: Instant,
) -> Offered {
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let start = tokio::time::Instant::now();
    let (mut skipped, mut late, mut tasks) = (0, 0, Vec::new());
    for i in 0..rate * secs {
        let at = start + Duration::from_nanos(i * 1_000_000_000 / rate);
        if at > tokio::time::Instant::now() {
            tokio::time::sleep_until(at).await;
        }
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            skipped += 1;
            continue;
        };
        if at.elapsed() > LATE {
            late += 1;
        }
        let (client, pairs) = (client.clone(), pairs.clone());
        tasks.push(tokio::spawn(async move {
            let pair = &pairs[i as usize % pairs.len()];
            let s = post_message(&client, pair, first + i, clock).await;
            drop(slot);
            s
        }));
    }
    let mut sent = Vec::with_capacity(tasks.len());
    for t in tasks {
        if let Ok(s) = t.await {
            sent.push(s);
        }
    }
    Offered {
        sent,
        skipped,
        late,
    }
}

/// Takes the inbox's frames of sequence numbers from `first` once `expected` of them have come,
/// or when none has come for 3 s.
async fn delivered(inbox: &Inbox, first: u64, expected: usize) -> Vec<(u64, u64, u64)> {
    let in_pass = |g: &&(u64, u64, u64)| g.0 >= first && g.0 < first + PASS;
    let (mut last, mut since) = (0, Instant::now());
    loop {
        let n = inbox.got.lock().unwrap().iter().filter(in_pass).count();
        if n != last {
            (last, since) = (n, Instant::now());
        }
        if n >= expected || since.elapsed() > Duration::from_secs(3) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut got = inbox.got.lock().unwrap();
    let (mine, rest): (Vec<_>, Vec<_>) = got.drain(..).partition(|g| in_pass(&g));
    *got = rest;
    mine
}

/// Percentile of signed microseconds, in milliseconds.
fn percentile_signed(sorted: &[i64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1));
    sorted.get(i).copied().unwrap_or(0) as f64 / 1000.0
}

fn latency_line(name: &str, mut us: Vec<u64>) {
    us.sort_unstable();
    println!(
        "  {name:<34} p50 {:>8.2} ms  p90 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms  ({} samples)",
        percentile(&us, 0.5),
        percentile(&us, 0.9),
        percentile(&us, 0.99),
        us.last().copied().unwrap_or(0) as f64 / 1000.0,
        us.len()
    );
}

/// A pass's figures, from its POSTs and the frames received.
fn report(offered: &Offered, got: &[(u64, u64, u64)], start: u64, offered_rate: u64) -> f64 {
    let ok: Vec<&Sent> = offered.sent.iter().filter(|s| s.error.is_none()).collect();
    let failed = offered.sent.len() - ok.len();
    let secs = |end: u64| end.saturating_sub(start) as f64 / 1e9;
    let post_rate = ok.len() as f64 / secs(ok.iter().map(|s| s.done).max().unwrap_or(start + 1));
    let end = got.iter().map(|g| g.2).max().unwrap_or(start + 1);
    let frame_rate = got.len() as f64 / secs(end);
    println!(
        "  POSTs: {} sent ({} not sent, {IN_FLIGHT} already in flight; {} sent over {} ms late), \
         {} answered 201, {failed} failed",
        offered.sent.len(),
        offered.skipped,
        offered.late,
        LATE.as_millis(),
        ok.len()
    );
    if let Some(e) = offered.sent.iter().find_map(|s| s.error.as_ref()) {
        println!("  first failure: {e}");
    }
    let sustained = offered.skipped == 0 && post_rate >= 0.95 * offered_rate as f64;
    println!(
        "  offered {offered_rate} msg/s, achieved POST rate {post_rate:.0} msg/s, delivered on A \
         {frame_rate:.0} msg/s ({} of {} frames): {}",
        got.len(),
        ok.len(),
        if sustained {
            "sustained".to_string()
        } else {
            format!("this machine does NOT sustain {offered_rate} msg/s")
        }
    );
    latency_line(
        "(a) end to end, POST sent -> frame",
        got.iter().map(|g| g.2.saturating_sub(g.1) / 1000).collect(),
    );
    latency_line(
        "(b) POST round trip",
        ok.iter().map(|s| (s.done - s.sent) / 1000).collect(),
    );
    let done: HashMap<u64, u64> = ok.iter().map(|s| (s.seq, s.done)).collect();
    let mut after: Vec<i64> = got
        .iter()
        .filter_map(|g| Some((g.2 as i64 - *done.get(&g.0)? as i64) / 1000))
        .collect();
    after.sort_unstable();
    println!(
        "  (c) frame after the POST's response   p50 {:>8.2} ms  p99 {:>8.2} ms  (negative: the \
         frame came first)   goal: (a) p99 < 50 ms",
        percentile_signed(&after, 0.5),
        percentile_signed(&after, 0.99)
    );
    post_rate
}

/// One pass at `rate`: its figures and the CPU each process used; answers the achieved rate.
async fn pass(
    client: &reqwest::Client,
    servers: (&Server, &Server),
    pairs: &Arc<Vec<Pair>>,
    inbox: &Inbox,
    (n, rate, secs): (u64, u64, u64),
    clock: Instant,
) -> f64 {
    println!(
        "realtime bench, part 2, pass {n}: chat fan-out, {rate} msg/s offered for {secs} s \
         ({PATIENTS} patients post on B, {DOCTORS} doctors' sockets on A)"
    );
    let (cpu0, t0) = (cpu(servers.0.pid(), servers.1.pid()), Instant::now());
    let start = ns(clock);
    let offered = offer(client, pairs, (rate, secs, n * PASS), clock).await;
    let ok = offered.sent.iter().filter(|s| s.error.is_none()).count();
    let got = delivered(inbox, n * PASS, ok).await;
    let (cpu1, elapsed) = (cpu(servers.0.pid(), servers.1.pid()), t0.elapsed());
    let achieved = report(&offered, &got, start, rate);
    let used = |i: usize| cpu1[i].saturating_sub(cpu0[i]) as f64;
    let pct = |i: usize| used(i) / elapsed.as_secs_f64();
    println!(
        "  CPU over the pass, % of one core (2 cores = 200%): server A {:.0}, server B {:.0}, \
         PostgreSQL {:.0}, Redis {:.0}, bench client {:.0}",
        pct(0),
        pct(1),
        pct(2),
        pct(3),
        pct(4)
    );
    // A tick is 10 ms.
    let per_message = |i: usize| used(i) * 10_000.0 / ok.max(1) as f64;
    println!(
        "  CPU per message posted: server B {:.0} us, PostgreSQL {:.0} us, server A {:.0} us",
        per_message(1),
        per_message(2),
        per_message(0)
    );
    let ended = std::mem::take(&mut *inbox.ended.lock().unwrap());
    if !ended.is_empty() {
        println!("  receiving sockets that ended: {ended:?}");
    }
    achieved
}

/// Part 2: chat frames posted on B, received on A.
async fn chat_part(
    client: &reqwest::Client,
    servers: (&Server, &Server),
    (doctors, pairs): (Vec<String>, Vec<Pair>),
    (rate, secs): (u64, u64),
) -> anyhow::Result<()> {
    let clock = Instant::now();
    let inbox = Arc::new(Inbox::default());
    let mut receivers = Vec::new();
    for token in &doctors {
        let ws = open_socket(&servers.0.ws_url(), token).await?;
        receivers.push(tokio::spawn(receive(ws, inbox.clone(), clock)));
    }
    let a = &servers.0.base;
    wait_sockets(client, a, doctors.len(), Duration::from_secs(10)).await?;
    let pairs = Arc::new(pairs);
    // Warm-up: every frame of a first second must arrive (the subscriptions are up).
    let warm = offer(client, &pairs, (100, 1, 0), clock).await;
    let ok = warm.sent.iter().filter(|s| s.error.is_none()).count();
    let got = delivered(&inbox, 0, ok).await;
    if let Some(e) = warm.sent.iter().find_map(|s| s.error.as_ref()) {
        anyhow::bail!("a warm-up message failed: {e}");
    }
    anyhow::ensure!(got.len() == ok, "warm-up: {} of {ok} frames", got.len());
    let achieved = pass(client, servers, &pairs, &inbox, (1, rate, secs), clock).await;
    let second = env_or("BENCH_RATE2", 0);
    let second = if second > 0 {
        second
    } else {
        ((rate / 2).min(achieved as u64 / 2) / 50 * 50).max(50)
    };
    pass(client, servers, &pairs, &inbox, (2, second, secs), clock).await;
    for r in receivers {
        r.abort();
    }
    Ok(())
}

async fn run(config: &Config, scratch: &Path) -> anyhow::Result<()> {
    let sockets = env_or("BENCH_SOCKETS", 10_000) as usize;
    let rate = env_or("BENCH_RATE", 2000).max(1);
    let secs = env_or("BENCH_SECONDS", 10).max(1);
    check_open_files(sockets)?;
    create_root(config, "root@bench.test").await?;
    let master = carebridge::crypto::SecretKey::generate().to_base64();
    let a = Server::start(config, &scratch.join("a"), &master)?;
    let b = Server::start(config, &scratch.join("b"), &master)?;
    wait_for(a.port).await?;
    wait_for(b.port).await?;
    let client = reqwest::Client::new();
    let bases = [a.base.as_str(), b.base.as_str()];
    let admin = hospital(&client, bases[0]).await?;
    let tokens = socket_users(&client, bases, &admin).await?;
    let chat = chat_users(&client, bases, &admin).await?;
    sockets_part(&client, &a, &tokens, sockets).await?;
    chat_part(&client, (&a, &b), chat, (rate, secs)).await
}

async fn drop_database() -> anyhow::Result<()> {
    let server =
        carebridge::db::connect(&SecretString::from(format!("{SERVER}/postgres")), 1).await?;
    server
        .execute_unprepared(&format!("drop database if exists {DB} with (force)"))
        .await?;
    server.close().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("realtime") {
        return Ok(());
    }
    let scratch = std::env::temp_dir().join(format!("carebridge-bench-{}", std::process::id()));
    let config = fresh_database(DB).await?;
    // The servers are killed when `run` returns, whatever it returns.
    let result = run(&config, &scratch).await;
    let dropped = drop_database().await;
    let _ = std::fs::remove_dir_all(&scratch);
    result?;
    dropped.context("dropping the bench database")
}
