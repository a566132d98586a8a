//! Fixed-window failure counters in Redis, per account and per client address.

use std::{net::IpAddr, time::Duration};

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

fn redis_down(e: redis::RedisError) -> ApiError {
    tracing::error!(error = %e, "redis unavailable for throttling");
    // Fail closed: without counters, logins could be brute-forced.
    ApiError::Unavailable("sign-in is temporarily unavailable; retry shortly")
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
        let values: Vec<Option<i64>> = pipe
            .query_async(&mut self.redis)
            .await
            .map_err(redis_down)?;
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
        for k in std::iter::once(&self.account_key).chain(self.ip_key.as_ref()) {
            pipe.incr(k, 1).ignore();
            pipe.cmd("EXPIRE").arg(k).arg(window).arg("NX").ignore();
        }
        pipe.query_async::<()>(&mut self.redis)
            .await
            .map_err(redis_down)
    }

    pub async fn clear_account(&mut self) -> ApiResult<()> {
        redis::cmd("DEL")
            .arg(&self.account_key)
            .query_async::<()>(&mut self.redis)
            .await
            .map_err(redis_down)
    }
}

/// A plain rate limit: at most `limit` events per `window` for `key`.
pub async fn rate_limit(
    redis: &mut ConnectionManager,
    key: &str,
    limit: u32,
    window: Duration,
) -> ApiResult<()> {
    let (count, ttl): (i64, i64) = redis::pipe()
        .incr(key, 1)
        .cmd("EXPIRE")
        .arg(key)
        .arg(window.as_secs())
        .arg("NX")
        .ignore()
        .ttl(key)
        .query_async(redis)
        .await
        .map_err(redis_down)?;
    if count > i64::from(limit) {
        return Err(ApiError::TooManyRequests {
            retry_after: ttl.max(1) as u64,
        });
    }
    Ok(())
}
