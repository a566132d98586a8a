//! argon2id (RustCrypto defaults: m = 19 MiB, t = 2, p = 1) on the blocking pool, behind a
//! semaphore so that a storm of logins cannot take every core from other requests.

use std::{sync::Arc, time::Duration};

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use rand_core::OsRng;
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Semaphore;

use crate::error::{ApiError, ApiResult};

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// Verified against when the account does not exist, so both cases cost the same.
    dummy: Arc<String>,
}

/// How long a login waits for a hashing slot before the server sheds it with 503.
const QUEUE_WAIT: Duration = Duration::from_secs(5);

pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

impl Hasher {
    pub fn new(concurrency: usize) -> anyhow::Result<Self> {
        let dummy = hash_blocking(&crate::auth::token::generate())?;
        Ok(Self {
            permits: Arc::new(Semaphore::new(concurrency)),
            dummy: Arc::new(dummy),
        })
    }

    async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> ApiResult<T> {
        let permit = tokio::time::timeout(QUEUE_WAIT, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| ApiError::Unavailable("the server is busy; retry in a few seconds"))?
            .map_err(|e| ApiError::Internal(e.into()))?;
        let out = tokio::task::spawn_blocking(move || {
            let out = f();
            drop(permit);
            out
        })
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
        Ok(out)
    }

    pub async fn hash(&self, password: &SecretString) -> ApiResult<String> {
        let password = password.expose_secret().to_owned();
        self.run(move || hash_blocking(&password))
            .await?
            .map_err(ApiError::Internal)
    }

    /// Verifies against `hash`, or against a dummy hash when there is no account.
    pub async fn verify(&self, password: &SecretString, hash: Option<String>) -> ApiResult<bool> {
        let password = password.expose_secret().to_owned();
        let (hash, real) = match hash {
            Some(h) => (h, true),
            None => ((*self.dummy).clone(), false),
        };
        let ok = self.run(move || verify_blocking(&password, &hash)).await?;
        Ok(ok && real)
    }
}
