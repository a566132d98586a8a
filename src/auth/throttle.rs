//! Fixed-window failure counters in Redis, per account and per client address.
//!
//! Redis is an accelerator, not a single point of failure: when a call to it fails, the same
//! counters are kept in this process instead ([`Local`]), with the same limits and windows, so
//! sign-in goes on working and still answers 429 after the configured failures. What the
//! fallback cannot do is share counts between instances while Redis is down; each instance
//! then holds the limit on its own.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::{LazyLock, Mutex},
    time::{Duration, Instant},
};

use redis::aio::ConnectionManager;
use sha2::{Digest, Sha256};

use crate::{
    app::Config,
    auth::types::Email,
    error::{ApiError, ApiResult},
};

pub struct Throttle<'a> {
    redis: ConnectionManager,
    config: &'a Config,
    account_key: String,
    ip_key: Option<String>,
}

fn redis_down(e: &redis::RedisError) {
    tracing::warn!(error = %e, "redis unavailable for throttling; counting in this process");
}

/// The in-process counters used while Redis is down: key → (count, end of its window).
struct Local {
    counters: Mutex<HashMap<String, (i64, Instant)>>,
}

/// Above this many keys, expired ones are swept on the next increment.
const LOCAL_SWEEP_AT: usize = 10_000;

static LOCAL: LazyLock<Local> = LazyLock::new(|| Local {
    counters: Mutex::new(HashMap::new()),
});

impl Local {
    /// The count and the seconds left of its window (as Redis GET and TTL would say).
    fn get(&self, key: &str) -> (Option<i64>, Option<i64>) {
        let now = Instant::now();
        match self.counters.lock().expect("throttle lock").get(key) {
            Some((n, until)) if *until > now => (
                Some(*n),
                Some(until.duration_since(now).as_secs().max(1) as i64),
            ),
            _ => (None, None),
        }
    }

    /// INCR with the window set on the first increment (EXPIRE NX): answers (count, ttl).
    fn incr(&self, key: &str, window: Duration) -> (i64, i64) {
        let now = Instant::now();
        let mut map = self.counters.lock().expect("throttle lock");
        if map.len() >= LOCAL_SWEEP_AT {
            map.retain(|_, (_, until)| *until > now);
        }
        let entry = map.entry(key.to_string()).or_insert((0, now + window));
        if entry.1 <= now {
            *entry = (0, now + window);
        }
        entry.0 += 1;
        (entry.0, entry.1.duration_since(now).as_secs().max(1) as i64)
    }

    fn remove(&self, key: &str) {
        self.counters.lock().expect("throttle lock").remove(key);
    }
}

impl<'a> Throttle<'a> {
    pub fn new(
        redis: ConnectionManager,
        config: &'a Config,
        scope: &str,
        email: &Email,
        ip: Option<IpAddr>,
    ) -> Self {
        let ns = &config.redis_namespace;
        // The key names no email: only its hash.
        let account = hex::encode(&Sha256::digest(email.as_str().as_bytes())[..16]);
        Self {
            redis,
            config,
            account_key: format!("{ns}:{scope}:acct:{account}"),
            ip_key: ip.map(|ip| format!("{ns}:{scope}:ip:{ip}")),
        }
    }

    /// The same counters for a step that knows the account by its user id (the code step of
    /// sign-in), under their own `scope`.
    pub fn for_user(
        redis: ConnectionManager,
        config: &'a Config,
        scope: &str,
        user: uuid::Uuid,
        ip: Option<IpAddr>,
    ) -> Self {
        let ns = &config.redis_namespace;
        let account = hex::encode(&Sha256::digest(user.as_bytes())[..16]);
        Self {
            redis,
            config,
            account_key: format!("{ns}:{scope}:acct:{account}"),
            ip_key: ip.map(|ip| format!("{ns}:{scope}:ip:{ip}")),
        }
    }

    /// 429 with Retry-After when either counter is at its limit.
    pub async fn check(&mut self) -> ApiResult<()> {
        let mut pipe = redis::pipe();
        pipe.get(&self.account_key).ttl(&self.account_key);
        if let Some(k) = &self.ip_key {
            pipe.get(k).ttl(k);
        }
        let values: Vec<Option<i64>> = match pipe.query_async(&mut self.redis).await {
            Ok(v) => v,
            Err(e) => {
                redis_down(&e);
                self.keys()
                    .flat_map(|k| {
                        let (n, ttl) = LOCAL.get(k);
                        [n, ttl]
                    })
                    .collect()
            }
        };
        let limits = [
            self.config.login_failures_per_account,
            self.config.login_failures_per_ip,
        ];
        for (i, limit) in limits.iter().enumerate() {
            let (Some(count), Some(ttl)) = (
                values.get(2 * i).copied().flatten(),
                values.get(2 * i + 1).copied().flatten(),
            ) else {
                continue;
            };
            if count >= i64::from(*limit) {
                let retry_after = if ttl > 0 {
                    ttl as u64
                } else {
                    self.config.login_throttle_window.as_secs()
                };
                return Err(ApiError::TooManyRequests { retry_after });
            }
        }
        Ok(())
    }

    pub async fn record_failure(&mut self) -> ApiResult<()> {
        let window = self.config.login_throttle_window.as_secs() as i64;
        let mut pipe = redis::pipe();
        for k in self.keys() {
            pipe.incr(k, 1).ignore();
            pipe.cmd("EXPIRE").arg(k).arg(window).arg("NX").ignore();
        }
        if let Err(e) = pipe.query_async::<()>(&mut self.redis).await {
            redis_down(&e);
            let window = self.config.login_throttle_window;
            for k in self.keys() {
                LOCAL.incr(k, window);
            }
        }
        Ok(())
    }

    pub async fn clear_account(&mut self) -> ApiResult<()> {
        LOCAL.remove(&self.account_key);
        if let Err(e) = redis::cmd("DEL")
            .arg(&self.account_key)
            .query_async::<()>(&mut self.redis)
            .await
        {
            redis_down(&e);
        }
        Ok(())
    }

    /// The account's key, then the address's (when known): the order `check` reads them in.
    fn keys(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.account_key).chain(self.ip_key.as_ref())
    }
}

/// A plain rate limit: at most `limit` events per `window` for `key`.
pub async fn rate_limit(
    redis: &mut ConnectionManager,
    key: &str,
    limit: u32,
    window: Duration,
) -> ApiResult<()> {
    let counted = redis::pipe()
        .incr(key, 1)
        .cmd("EXPIRE")
        .arg(key)
        .arg(window.as_secs())
        .arg("NX")
        .ignore()
        .ttl(key)
        .query_async::<(i64, i64)>(redis)
        .await;
    let (count, ttl) = match counted {
        Ok(c) => c,
        Err(e) => {
            redis_down(&e);
            LOCAL.incr(key, window)
        }
    };
    if count > i64::from(limit) {
        return Err(ApiError::TooManyRequests {
            retry_after: ttl.max(1) as u64,
        });
    }
    Ok(())
}
