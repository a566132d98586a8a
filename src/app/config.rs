//! Configuration from the environment, with defaults for local use (see README.md).

use std::{path::PathBuf, time::Duration};

use anyhow::{Context, bail};
use secrecy::{ExposeSecret, SecretString};

/// Everything the service reads from its environment.
#[derive(Clone)]
pub struct Config {
    /// Runtime login role (NOSUPERUSER, NOBYPASSRLS, owns nothing).
    pub database_url: SecretString,
    /// Owner connection used only by `migrate` and the CLI's administrative commands.
    pub database_admin_url: SecretString,
    /// Connections in the runtime pool.
    pub database_pool_size: u32,
    /// System login role: workers, the reconciler, the outbox, provider webhooks and the
    /// pre-session steps (login, registration, password reset). It alone may execute the
    /// functions that work across hospitals or for a hospital their caller names.
    pub database_system_url: SecretString,
    /// Connections in the system pool.
    pub database_system_pool_size: u32,
    pub redis_url: SecretString,
    /// Prefix of every Redis key, so that deployments (and tests) sharing a Redis stay apart.
    pub redis_namespace: String,
    pub bind_addr: String,
    pub public_base_url: String,
    pub data_dir: PathBuf,
    /// The built web app (`npm run build` in `web/`), served at `/`.
    pub web_dir: PathBuf,
    pub smtp_url: Option<SecretString>,
    /// Khalti ePayment v2 API base.
    pub khalti_base_url: String,
    pub khalti_secret_key: Option<SecretString>,
    /// Stripe API base (tests point it at a local fake).
    pub stripe_api_base: String,
    pub stripe_secret_key: Option<SecretString>,
    /// Signs webhook deliveries (`whsec_…`).
    pub stripe_webhook_secret: Option<SecretString>,
    /// Sender of emails.
    pub mail_from: String,
    /// The SMS provider (`SMS_PROVIDER` and its credentials); None: texts wait in the outbox.
    pub sms: Option<crate::notifications::sms::SmsSettings>,
    /// Run the outbox dispatcher and scheduled jobs inside `serve` (also `carebridge worker`).
    pub run_workers: bool,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after login, however active.
    pub session_absolute: Duration,
    /// Take the client address from X-Forwarded-For (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Largest JSON request body.
    pub max_body_bytes: usize,
    /// Password hashes computed at once; the rest of the machine stays free for other requests.
    pub password_hash_concurrency: usize,
    /// Failed logins per account within the window before 429.
    pub login_failures_per_account: u32,
    /// Failed logins per client address within the window before 429.
    pub login_failures_per_ip: u32,
    pub login_throttle_window: Duration,
    /// Self-registrations per client address per hour before 429 (a clinic's front desk
    /// registers many patients from one address).
    pub registrations_per_ip_per_hour: u32,
    /// Password-reset requests per client address per hour before 429.
    pub password_resets_per_ip_per_hour: u32,
    /// Public prescription verifications per client address per minute before 429 (codes
    /// cannot be guessed, and this keeps anyone from trying).
    pub verifications_per_ip_per_minute: u32,
    /// Object storage: an S3 bucket when `S3_BUCKET` is set, otherwise `DATA_DIR/objects`.
    pub s3: Option<carebridge_storage::S3Settings>,
    /// Wraps every hospital's key (base64 of 32 bytes). When unset, `serve` and `demo` use
    /// `DATA_DIR/master.key`, generating it on first start (with a warning).
    pub master_key: Option<std::sync::Arc<crate::crypto::SecretKey>>,
    /// Largest document upload, in bytes (plaintext).
    pub max_upload_bytes: u64,
    /// An upload's object whose document row has not committed this long after the upload
    /// began is an orphan the sweep removes (`ORPHAN_GRACE_MINUTES`, default 60): keep it well
    /// above the longest upload, which fails rather than commit once its object was swept.
    pub orphan_grace: Duration,
    /// Inference workers inside `serve` (and `carebridge worker`); each runs one job at a time.
    pub inference_workers: usize,
    /// ICE servers for calls: `TURN_URLS` (comma-separated `stun:`/`turn:` URLs),
    /// `TURN_SECRET` (coturn's `--static-auth-secret`), `TURN_TTL_SECONDS` (default 3600).
    pub turn: crate::realtime::turn::TurnSettings,
    /// A socket is sent a protocol ping this often, and closed when nothing was heard from it
    /// for three times as long (`WS_PING_SECONDS`, default 20).
    pub ws_ping: Duration,
    /// Frames waiting for one socket before it counts as too slow and is closed
    /// (`WS_BUFFER_FRAMES`, default 256).
    pub ws_buffer_frames: usize,
    /// After SIGTERM or SIGINT, the process exits within this long (`SHUTDOWN_GRACE_SECONDS`,
    /// default 20): in-flight requests and workers' hand-backs must fit in it.
    pub shutdown_grace: Duration,
    /// After SIGTERM, `/readyz` answers 503 while the server goes on serving for this long
    /// (`SHUTDOWN_NOTICE_SECONDS`, default 3), so a load balancer's health check sees it and
    /// stops sending before the listener closes. Part of the grace, not added to it.
    pub shutdown_notice: Duration,
    /// Record reads in the audit trail. Always true from the environment: only the
    /// benchmark turns it off, to measure what auditing costs.
    pub audit_reads: bool,
    /// What the server reads the time from where a test must choose it (two-factor codes and
    /// sign-in challenges): the system clock, unless a test holds it.
    pub clock: crate::app::Clock,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// A secret (a connection URL) from the environment, or its local default.
fn secret_var(name: &str, default: &str) -> SecretString {
    var(name).unwrap_or_else(|| default.into()).into()
}

fn parse_var<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|e| anyhow::anyhow!("{name}: cannot parse {v:?}: {e}")),
    }
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let config = Self {
            database_url: secret_var(
                "DATABASE_URL",
                "postgres://carebridge_app:carebridge_app@127.0.0.1:5432/carebridge",
            ),
            database_admin_url: secret_var(
                "DATABASE_ADMIN_URL",
                "postgres://postgres@127.0.0.1:5432/carebridge",
            ),
            database_pool_size: parse_var("DATABASE_POOL_SIZE", 16)?,
            database_system_url: secret_var(
                "DATABASE_SYSTEM_URL",
                "postgres://carebridge_sys:carebridge_sys@127.0.0.1:5432/carebridge",
            ),
            database_system_pool_size: parse_var("DATABASE_SYSTEM_POOL_SIZE", 4)?,
            redis_url: var("REDIS_URL")
                .unwrap_or_else(|| "redis://127.0.0.1:6379".into())
                .into(),
            redis_namespace: var("REDIS_NAMESPACE").unwrap_or_else(|| "carebridge".into()),
            bind_addr: var("BIND_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into()),
            public_base_url: var("PUBLIC_BASE_URL")
                .unwrap_or_else(|| "http://127.0.0.1:8080".into()),
            data_dir: PathBuf::from(var("DATA_DIR").unwrap_or_else(|| "./data".into())),
            web_dir: PathBuf::from(var("WEB_DIR").unwrap_or_else(|| "web/dist".into())),
            smtp_url: var("SMTP_URL").map(Into::into),
            sms: crate::notifications::sms::SmsSettings::from_vars(var)?,
            khalti_base_url: var("KHALTI_BASE_URL")
                .unwrap_or_else(|| "https://dev.khalti.com/api/v2".into()),
            khalti_secret_key: var("KHALTI_SECRET_KEY").map(Into::into),
            stripe_api_base: var("STRIPE_API_BASE")
                .unwrap_or_else(|| "https://api.stripe.com".into()),
            stripe_secret_key: var("STRIPE_SECRET_KEY").map(Into::into),
            stripe_webhook_secret: var("STRIPE_WEBHOOK_SECRET").map(Into::into),
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "carebridge <no-reply@carebridge.local>".into()),
            run_workers: parse_var("RUN_WORKERS", true)?,
            session_idle: Duration::from_secs(parse_var("SESSION_IDLE_SECONDS", 30 * 60)?),
            session_absolute: Duration::from_secs(parse_var(
                "SESSION_ABSOLUTE_SECONDS",
                12 * 60 * 60,
            )?),
            trust_forwarded_for: parse_var("TRUST_FORWARDED_FOR", false)?,
            max_body_bytes: parse_var("MAX_JSON_BODY_BYTES", 1024 * 1024)?,
            password_hash_concurrency: parse_var("PASSWORD_HASH_CONCURRENCY", (cores / 2).max(1))?,
            login_failures_per_account: parse_var("LOGIN_FAILURES_PER_ACCOUNT", 5)?,
            login_failures_per_ip: parse_var("LOGIN_FAILURES_PER_IP", 50)?,
            login_throttle_window: Duration::from_secs(parse_var(
                "LOGIN_THROTTLE_WINDOW_SECONDS",
                15 * 60,
            )?),
            registrations_per_ip_per_hour: parse_var("REGISTRATIONS_PER_IP_PER_HOUR", 300)?,
            password_resets_per_ip_per_hour: parse_var("PASSWORD_RESETS_PER_IP_PER_HOUR", 30)?,
            verifications_per_ip_per_minute: parse_var("VERIFICATIONS_PER_IP_PER_MINUTE", 30)?,
            s3: s3_settings()?,
            master_key: match var("MASTER_KEY") {
                None => None,
                Some(k) => Some(std::sync::Arc::new(
                    crate::crypto::SecretKey::from_base64(&k)
                        .context("MASTER_KEY must be base64 of exactly 32 bytes")?,
                )),
            },
            max_upload_bytes: parse_var("MAX_UPLOAD_BYTES", 50 * 1024 * 1024)?,
            orphan_grace: Duration::from_secs(60 * parse_var::<u64>("ORPHAN_GRACE_MINUTES", 60)?),
            inference_workers: parse_var("INFERENCE_WORKERS", 1)?,
            turn: turn_settings()?,
            ws_ping: Duration::from_secs(parse_var("WS_PING_SECONDS", 20)?),
            ws_buffer_frames: parse_var("WS_BUFFER_FRAMES", 256)?,
            shutdown_grace: Duration::from_secs(parse_var("SHUTDOWN_GRACE_SECONDS", 20)?),
            shutdown_notice: Duration::from_secs(parse_var("SHUTDOWN_NOTICE_SECONDS", 3)?),
            audit_reads: true,
            clock: crate::app::Clock::default(),
        };
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> anyhow::Result<()> {
        if self.session_idle.is_zero() || self.session_absolute < self.session_idle {
            bail!("SESSION_ABSOLUTE_SECONDS must be at least SESSION_IDLE_SECONDS (> 0)");
        }
        if self.shutdown_notice >= self.shutdown_grace {
            bail!("SHUTDOWN_NOTICE_SECONDS must be less than SHUTDOWN_GRACE_SECONDS");
        }
        if self.ws_ping.is_zero() || self.ws_buffer_frames == 0 {
            bail!("WS_PING_SECONDS and WS_BUFFER_FRAMES must be positive");
        }
        if self.database_pool_size == 0
            || self.database_system_pool_size == 0
            || self.password_hash_concurrency == 0
        {
            bail!(
                "DATABASE_POOL_SIZE, DATABASE_SYSTEM_POOL_SIZE and PASSWORD_HASH_CONCURRENCY must be positive"
            );
        }
        Ok(())
    }

    /// The login role and password (if any) of a connection URL; `name` is its variable.
    pub fn login_of(url: &SecretString, name: &str) -> anyhow::Result<(String, Option<String>)> {
        let url = reqwest::Url::parse(url.expose_secret())
            .with_context(|| format!("{name} is not a URL"))?;
        let user = url.username();
        if user.is_empty() {
            bail!("{name} must name its login role (postgres://ROLE@host/db)");
        }
        Ok((user.to_string(), url.password().map(str::to_owned)))
    }

    /// The database name from a connection URL.
    pub fn database_name(url: &SecretString) -> anyhow::Result<String> {
        let url = reqwest::Url::parse(url.expose_secret()).context("not a database URL")?;
        let name = url.path().trim_start_matches('/');
        if name.is_empty() {
            bail!("the database URL names no database");
        }
        Ok(name.to_string())
    }

    /// A URL for the same server as `url` but another database.
    pub fn with_database(url: &SecretString, db: &str) -> anyhow::Result<SecretString> {
        let mut url = reqwest::Url::parse(url.expose_secret()).context("not a database URL")?;
        url.set_path(&format!("/{db}"));
        Ok(SecretString::from(url.to_string()))
    }
}

/// `TURN_URLS` (comma-separated), `TURN_SECRET`, `TURN_TTL_SECONDS`.
fn turn_settings() -> anyhow::Result<crate::realtime::turn::TurnSettings> {
    Ok(crate::realtime::turn::TurnSettings {
        urls: var("TURN_URLS")
            .map(|v| {
                v.split(',')
                    .map(|u| u.trim().to_string())
                    .filter(|u| !u.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        secret: var("TURN_SECRET").map(Into::into),
        ttl: Duration::from_secs(parse_var("TURN_TTL_SECONDS", 3600)?),
    })
}

/// The S3 settings when `S3_BUCKET` is set.
fn s3_settings() -> anyhow::Result<Option<carebridge_storage::S3Settings>> {
    Ok(match var("S3_BUCKET") {
        None => None,
        Some(bucket) => Some(carebridge_storage::S3Settings {
            endpoint: var("S3_ENDPOINT"),
            bucket,
            region: var("S3_REGION").unwrap_or_else(|| "us-east-1".into()),
            access_key_id: var("S3_ACCESS_KEY_ID")
                .context("S3_ACCESS_KEY_ID is required when S3_BUCKET is set")?,
            secret_access_key: var("S3_SECRET_ACCESS_KEY")
                .context("S3_SECRET_ACCESS_KEY is required when S3_BUCKET is set")?
                .into(),
        }),
    })
}
