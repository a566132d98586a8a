//! Test harness: a migrated template database cloned per test, the real server on port 0,
//! this machine's Redis under a namespace of its own.

use std::sync::atomic::{AtomicU32, Ordering};

use carebridge::{
    app::{Application, Config},
    db::migrate::{MIGRATIONS, RUNTIME_GROUP, SYSTEM_GROUP, apply, ensure_login_role},
};
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use secrecy::SecretString;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;
use uuid::Uuid;

pub const ADMIN_SERVER: &str = "postgres://postgres@127.0.0.1:5432";
pub const RUNTIME_ROLE: &str = "carebridge_app";
/// The login role of `DATABASE_SYSTEM_URL` in tests.
pub const SYSTEM_ROLE: &str = "carebridge_sys";
pub const PASSWORD: &str = "correct horse battery";

static TEMPLATE: OnceCell<String> = OnceCell::const_new();
static S3: OnceCell<S3Server> = OnceCell::const_new();

pub const S3_KEY: &str = "cbtestkey";
pub const S3_SECRET: &str = "cbtestsecret-0123456789";

/// A real S3-compatible server (s3s-fs, installed by scripts/test.sh) on loopback, one per test
/// process. It stops when this process ends: a shell beside it watches our pid.
pub struct S3Server {
    pub endpoint: String,
    /// Where s3s-fs keeps objects: `{dir}/{bucket}/{key}`.
    pub dir: std::path::PathBuf,
    /// The shell that runs s3s-fs and stops it when this process is gone.
    _watcher: std::process::Child,
}

/// A tool that scripts/tools.sh installs under ~/.cache/carebridge-tools (or `env`, when set).
fn tool(env: &str, relative: &str) -> std::path::PathBuf {
    if let Ok(p) = std::env::var(env) {
        return p.into();
    }
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let p = std::path::PathBuf::from(home)
        .join(".cache/carebridge-tools")
        .join(relative);
    assert!(
        p.exists(),
        "{relative} is not installed: run ./scripts/test.sh (it installs it), or set {env}"
    );
    p
}

fn s3s_fs_binary() -> std::path::PathBuf {
    tool("CAREBRIDGE_S3S_FS", "bin/s3s-fs")
}

/// The Python with fhir.resources, pyedflib and pydicom (the independent checkers).
pub fn python() -> std::path::PathBuf {
    tool("CAREBRIDGE_PYTHON", "venv/bin/python")
}

pub async fn s3_server() -> &'static S3Server {
    S3.get_or_init(|| async {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("carebridge-s3-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = format!(
            "\"$0\" --host 127.0.0.1 --port {port} --access-key {S3_KEY} --secret-key {S3_SECRET} \"$1\" >/dev/null 2>&1 & child=$!; \
             while kill -0 {parent} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; kill $child 2>/dev/null; rm -rf \"$1\"",
            parent = std::process::id()
        );
        let watcher = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(s3s_fs_binary())
            .arg(&dir)
            .stdin(std::process::Stdio::null())
            .spawn()
            .expect("starting s3s-fs");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        S3Server {
            endpoint: format!("http://127.0.0.1:{port}"),
            dir,
            _watcher: watcher,
        }
    })
    .await
}
static COUNTER: AtomicU32 = AtomicU32::new(0);

fn admin_url(db: &str) -> SecretString {
    SecretString::from(format!("{ADMIN_SERVER}/{db}"))
}

/// One number from an owner's query on the app's database (counts behind the API's back).
pub async fn sql_i64(app: &TestApp, sql: &str) -> i64 {
    sea_orm::ConnectionTrait::query_one_raw(
        &admin_conn(&app.db).await,
        carebridge::db::stmt(sql, []),
    )
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
}

pub async fn admin_conn(db: &str) -> DatabaseConnection {
    carebridge::db::connect(&admin_url(db), 2)
        .await
        .expect("admin connection")
}

async fn template() -> &'static str {
    TEMPLATE
        .get_or_init(|| async {
            let mut h = Sha256::new();
            for (_, _, sql) in MIGRATIONS {
                h.update(sql.as_bytes());
            }
            let name = format!("cb_tmpl_{}", &hex::encode(h.finalize())[..12]);
            let server = admin_conn("postgres").await;
            server
                .execute_unprepared("select pg_advisory_lock(7301002)")
                .await
                .unwrap();
            drop_stale_test_databases(&server).await;
            let exists = server
                .query_one_raw(carebridge::db::stmt(
                    "select 1 from pg_database where datname = $1",
                    [name.clone().into()],
                ))
                .await
                .unwrap()
                .is_some();
            if !exists {
                server
                    .execute_unprepared(&format!("create database {name}_wip"))
                    .await
                    .unwrap();
                let db = admin_conn(&format!("{name}_wip")).await;
                apply(&db)
                    .await
                    .expect("migrations apply to a fresh database");
                let wip = format!("{name}_wip");
                ensure_login_role(&db, RUNTIME_ROLE, None, &wip, RUNTIME_GROUP)
                    .await
                    .unwrap();
                ensure_login_role(&db, SYSTEM_ROLE, None, &wip, SYSTEM_GROUP)
                    .await
                    .unwrap();
                db.close().await.unwrap();
                server
                    .execute_unprepared(&format!("alter database {name}_wip rename to {name}"))
                    .await
                    .unwrap();
            }
            server
                .execute_unprepared("select pg_advisory_unlock(7301002)")
                .await
                .unwrap();
            server.close().await.unwrap();
            name
        })
        .await
}

/// Test databases of processes that are gone (a crashed or interrupted run).
async fn drop_stale_test_databases(server: &DatabaseConnection) {
    let rows = server
        .query_all_raw(carebridge::db::stmt("select datname from pg_database where datname like 'cb_test_%' or datname like 'cb_tmpl_%_wip'", []))
        .await
        .unwrap();
    for row in rows {
        let name: String = row.try_get("", "datname").unwrap();
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
        if !alive || name.ends_with("_wip") {
            let _ = server
                .execute_unprepared(&format!("drop database if exists {name} with (force)"))
                .await;
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub db: String,
    pub client: reqwest::Client,
    pub config: Config,
}

pub struct Options {
    pub pool_size: u32,
    pub tweak: Box<dyn FnOnce(&mut Config) + Send>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            pool_size: 8,
            tweak: Box::new(|_| {}),
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

pub async fn spawn_app_with(opts: Options) -> TestApp {
    let template = template().await;
    let db = format!(
        "cb_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let server = admin_conn("postgres").await;
    server
        .execute_unprepared(&format!("create database {db} template {template}"))
        .await
        .unwrap();
    server.close().await.unwrap();
    let mut config = Config::from_env().expect("config");
    config.database_url =
        SecretString::from(format!("postgres://{RUNTIME_ROLE}@127.0.0.1:5432/{db}"));
    config.database_system_url =
        SecretString::from(format!("postgres://{SYSTEM_ROLE}@127.0.0.1:5432/{db}"));
    config.database_admin_url = admin_url(&db);
    config.database_pool_size = opts.pool_size;
    config.redis_namespace = format!("cbtest:{}", Uuid::new_v4());
    config.bind_addr = "127.0.0.1:0".into();
    config.trust_forwarded_for = true;
    let s3 = s3_server().await;
    config.s3 = Some(carebridge_storage::S3Settings {
        endpoint: Some(s3.endpoint.clone()),
        bucket: db.replace('_', "-"),
        region: "us-east-1".into(),
        access_key_id: S3_KEY.into(),
        secret_access_key: S3_SECRET.into(),
    });
    config.data_dir = std::env::temp_dir().join(format!("carebridge-data-{db}"));
    config.master_key = Some(std::sync::Arc::new(
        carebridge::crypto::SecretKey::generate(),
    ));
    (opts.tweak)(&mut config);
    start(db, config).await
}

async fn start(db: String, config: Config) -> TestApp {
    let app = Application::build(config.clone())
        .await
        .expect("app builds");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        base,
        db,
        client: reqwest::Client::new(),
        config,
    }
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Resp {
    /// Reads a whole answer.
    pub async fn read(resp: reqwest::Response) -> Resp {
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            body,
            text,
        }
    }
    pub fn id(&self) -> Uuid {
        self.body["id"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no id in {}", self.text))
    }
    #[track_caller]
    pub fn expect(self, status: u16) -> Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        self
    }
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    /// A second server instance on the same database and Redis namespace.
    pub async fn twin(&self) -> TestApp {
        start(self.db.clone(), self.config.clone()).await
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Resp {
        let mut req = self.client.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        Resp::read(req.send().await.expect("request sent")).await
    }
    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.request(Method::GET, path, Some(token), None).await
    }
    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.request(Method::POST, path, token, Some(body)).await
    }
    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(Method::PATCH, path, Some(token), Some(body))
            .await
    }

    pub async fn login(&self, email: &str, hospital: Option<&str>) -> String {
        let r = self
            .post(
                "/api/v1/auth/login",
                None,
                json!({"email": email, "password": PASSWORD, "hospital": hospital}),
            )
            .await
            .expect(200);
        r.body["token"].as_str().unwrap().to_string()
    }

    /// A super admin account and its token.
    pub async fn super_admin(&self) -> String {
        let email = format!("root-{}@platform.test", Uuid::new_v4().simple());
        carebridge::cli::super_admin::create(
            &self.config,
            &email,
            "Root",
            SecretString::from(PASSWORD.to_string()),
            false,
        )
        .await
        .unwrap();
        self.login(&email, None).await
    }

    /// A hospital with its admin; answers (hospital id, slug, admin token).
    pub async fn hospital(&self, super_token: &str) -> Hospital {
        let slug = format!("h-{}", &Uuid::new_v4().simple().to_string()[..10]);
        let admin_email = format!("admin@{slug}.test");
        let r = self
            .post(
                "/api/v1/hospitals",
                Some(super_token),
                json!({"name": format!("Hospital {slug}"), "slug": slug, "timezone": "Asia/Kathmandu",
                       "currency": "NPR", "appointment_fee": 50000, "payment_provider": "khalti",
                       "admin": {"email": admin_email, "full_name": "Admin", "password": PASSWORD}}),
            )
            .await
            .expect(201);
        let admin = self.login(&admin_email, Some(&slug)).await;
        Hospital {
            id: r.id(),
            slug,
            admin,
        }
    }

    pub async fn doctor(&self, h: &Hospital) -> Member {
        let email = format!("dr-{}@{}.test", Uuid::new_v4().simple(), h.slug);
        let r = self
            .post(
                "/api/v1/doctors",
                Some(&h.admin),
                json!({"email": email, "full_name": "Dr Test", "password": PASSWORD,
                       "specialization": "General practice", "license_number": Uuid::new_v4().to_string()}),
            )
            .await
            .expect(201);
        let token = self.login(&email, Some(&h.slug)).await;
        Member { id: r.id(), token }
    }

    pub async fn patient(&self, h: &Hospital) -> Member {
        let email = format!("pt-{}@{}.test", Uuid::new_v4().simple(), h.slug);
        let r = self
            .post(
                "/api/v1/patients",
                Some(&h.admin),
                json!({"email": email, "full_name": "Pat Test", "password": PASSWORD}),
            )
            .await
            .expect(201);
        let token = self.login(&email, Some(&h.slug)).await;
        Member { id: r.id(), token }
    }

    pub async fn assign(&self, h: &Hospital, patient: Uuid, doctor: Uuid) {
        self.post(
            &format!("/api/v1/patients/{patient}/care-team"),
            Some(&h.admin),
            json!({"doctor_id": doctor}),
        )
        .await
        .expect(201);
    }

    /// Opens the doctor every day from 00:00 until the last slot that ends by midnight (UTC).
    pub async fn open_all_week(&self, h: &Hospital, d: &Member, slot_minutes: u32) {
        let last = 24 * 60 - slot_minutes;
        let end = format!("{:02}:{:02}", last / 60, last % 60);
        let rules: Vec<Value> = (1..=7)
            .map(|w| json!({"weekday": w, "start": "00:00", "end": end}))
            .collect();
        self.request(
            Method::PUT,
            &format!("/api/v1/doctors/{}/availability", d.id),
            Some(&h.admin),
            Some(json!({"timezone": "UTC", "slot_minutes": slot_minutes, "rules": rules})),
        )
        .await
        .expect(200);
    }

    /// A doctor and a patient of one care team (approval and payment off), with a confirmed
    /// appointment whose call is open now: answers (doctor, patient, appointment id).
    pub async fn open_call(&self, h: &Hospital) -> (Member, Member, Uuid) {
        self.patch(
            &format!("/api/v1/hospitals/{}", h.id),
            &h.admin,
            json!({"approval_required": false, "payment_required": false}),
        )
        .await
        .expect(200);
        let (d, p) = (self.doctor(h).await, self.patient(h).await);
        let a = self.confirmed_appointment(&d, &p, h).await;
        self.move_appointment_to_now(a).await;
        (d, p, a)
    }

    /// Books the first free slot two days ahead for `p` with `d` (confirmed, in a hospital
    /// without approval or payment); answers its id.
    pub async fn confirmed_appointment(&self, d: &Member, p: &Member, h: &Hospital) -> Uuid {
        self.open_all_week(h, d, 30).await;
        let day = |n: i64| {
            let t = chrono::Utc::now() + chrono::Duration::days(n);
            (t - chrono::Duration::seconds(t.timestamp() % 86400))
                .to_rfc3339()
                .replace('+', "%2B")
        };
        let slots = self
            .get(
                &format!(
                    "/api/v1/doctors/{}/slots?from={}&to={}",
                    d.id,
                    day(2),
                    day(3)
                ),
                &p.token,
            )
            .await
            .expect(200);
        let start = slots.body["items"][0]["start_at"]
            .as_str()
            .unwrap()
            .to_string();
        let r = self
            .post(
                "/api/v1/appointments",
                Some(&p.token),
                json!({"doctor_id": d.id, "start_at": start, "reason": "follow-up"}),
            )
            .await
            .expect(201);
        assert_eq!(r.body["status"], "confirmed", "{}", r.text);
        r.id()
    }

    /// Moves an appointment so that it started a minute ago (its call is open).
    pub async fn move_appointment_to_now(&self, id: Uuid) {
        admin_conn(&self.db)
            .await
            .execute_raw(carebridge::db::stmt(
                "update appointment set start_at = now() - interval '1 minute', \
                 end_at = now() + interval '29 minutes' where id = $1",
                [id.into()],
            ))
            .await
            .unwrap();
    }

    /// A connection as the runtime role, for catalog and RLS checks.
    pub async fn runtime_conn(&self) -> DatabaseConnection {
        carebridge::db::connect(&self.config.database_url, 1)
            .await
            .unwrap()
    }

    /// A connection as the system role, as the workers and the reconciler use.
    pub async fn system_conn(&self) -> DatabaseConnection {
        carebridge::db::connect(&self.config.database_system_url, 1)
            .await
            .unwrap()
    }
}

pub struct Hospital {
    pub id: Uuid,
    pub slug: String,
    pub admin: String,
}

pub struct Member {
    pub id: Uuid,
    pub token: String,
}

/// Asserts an answer is problem+json with the given status and leaks nothing internal.
#[track_caller]
pub fn assert_problem(r: &Resp, status: u16) {
    assert_eq!(r.status.as_u16(), status, "body: {}", r.text);
    assert!(
        r.content_type().starts_with("application/problem+json"),
        "content-type {}",
        r.content_type()
    );
    assert_eq!(r.body["status"], status);
    for key in ["type", "title", "detail"] {
        assert!(r.body[key].is_string(), "problem lacks {key}: {}", r.text);
    }
    let lower = r.text.to_lowercase();
    for leak in [
        "select ",
        "insert ",
        "sqlx",
        "panicked",
        "stack",
        "constraint",
        "hospital_id =",
    ] {
        assert!(
            !lower.contains(leak),
            "problem body leaks {leak:?}: {}",
            r.text
        );
    }
}

/// An error under `/fhir/R4`: a FHIR `OperationOutcome` (not problem+json), whose issue code
/// says what happened, leaking nothing.
#[track_caller]
pub fn assert_outcome(r: &Resp, status: u16) {
    assert_eq!(r.status.as_u16(), status, "body: {}", r.text);
    assert!(
        r.content_type().starts_with("application/fhir+json"),
        "content-type {}",
        r.content_type()
    );
    assert_eq!(r.body["resourceType"], "OperationOutcome", "{}", r.text);
    let issue = &r.body["issue"][0];
    assert_eq!(issue["severity"], "error", "{}", r.text);
    let code = match status {
        401 => "login",
        403 => "forbidden",
        404 => "not-found",
        _ => "invalid",
    };
    assert_eq!(issue["code"], code, "{}", r.text);
    assert!(issue["diagnostics"].is_string(), "{}", r.text);
    let lower = r.text.to_lowercase();
    for leak in ["select ", "sqlx", "panicked", "constraint", "hospital_id ="] {
        assert!(!lower.contains(leak), "outcome leaks {leak:?}: {}", r.text);
    }
}

/// A free port on loopback (for servers a test starts itself).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A Redis of its own for one test, on a free port (the machine's Redis stays up for the rest).
pub struct OwnRedis {
    child: std::process::Child,
}

impl OwnRedis {
    pub fn start(port: u16) -> Self {
        let child = std::process::Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server runs");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
        Self { child }
    }
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The real `carebridge serve` binary as a child process, on `config`'s databases, bucket,
/// Redis namespace and master key (workers off), for tests that kill it or point it at another
/// database. Killed (SIGKILL) when dropped.
pub struct Served {
    pub base: String,
    pub child: std::process::Child,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn serve_binary(config: &Config) -> Served {
    use secrecy::ExposeSecret;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s3 = config.s3.clone().expect("tests configure S3");
    let master = config.master_key.as_ref().expect("tests set a master key");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_carebridge"))
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
        .env("DATA_DIR", &config.data_dir)
        .env("S3_ENDPOINT", s3.endpoint.unwrap_or_default())
        .env("S3_BUCKET", &s3.bucket)
        .env("S3_ACCESS_KEY_ID", &s3.access_key_id)
        .env("S3_SECRET_ACCESS_KEY", s3.secret_access_key.expose_secret())
        .env("MASTER_KEY", master.to_base64())
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("starting carebridge serve");
    let served = Served {
        base: format!("http://127.0.0.1:{port}"),
        child,
    };
    let client = reqwest::Client::new();
    for _ in 0..300 {
        if let Ok(r) = client.get(format!("{}/readyz", served.base)).send().await
            && r.status().is_success()
        {
            return served;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("carebridge serve did not become ready");
}
