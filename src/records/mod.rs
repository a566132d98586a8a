//! Clinical records: encrypted documents, encounters and notes, consent and break-glass.
//! Row visibility is RLS (`record_access` in migrations/0005); casbin gates the actions.
//!
//! Each sub-domain (`documents`, `notes`, `consent`) is written in the layers of
//! `src/prescriptions/`: `api` (HTTP), `service` (rules and transactions), `store` (SQL), `types`
//! (values). What they share, and other domains use (`require_patient`, `list_for_patient`,
//! `caller_doctor`, …), is in this module's own `service` and `store`. `keys` is the hospital
//! keys' management (also the CLI's).

pub mod consent;
pub mod documents;
pub mod keys;
pub mod notes;
mod service;
mod store;
pub mod vitals;

use std::sync::Arc;

use carebridge_storage::ObjectStore;

use crate::{
    crypto::SecretKey,
    error::{ApiError, ApiResult},
};

pub use service::{
    PatientRows, RowKind, caller_doctor, list_for_patient, list_patient_rows,
    require_appointment_of, require_patient,
};

/// Where documents go and the key that protects the hospital keys.
#[derive(Clone)]
pub struct Vault {
    pub store: ObjectStore,
    pub master: Arc<SecretKey>,
    /// Largest accepted document (plaintext bytes).
    pub max_upload_bytes: u64,
    /// Spool directory for verifying large objects before serving them (ciphertext only).
    pub spool_dir: std::path::PathBuf,
    /// MiB of ciphertext that downloads may hold in memory at once while verifying; beyond
    /// it they spool to `spool_dir`.
    pub spool_budget: Arc<tokio::sync::Semaphore>,
}

/// In-memory verification budget shared by all downloads of an instance.
pub const SPOOL_BUDGET_MIB: usize = 256;

/// Free text with a length limit, trimmed; empty is refused.
pub fn text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let v = value.trim();
    if v.is_empty() || v.chars().count() > max {
        return Err(ApiError::unprocessable(format!(
            "{field} must have 1 to {max} characters"
        )));
    }
    Ok(v.to_string())
}

/// The master key: `MASTER_KEY`, else `DATA_DIR/master.key` (generated on first start, with a
/// warning: a key next to the data it protects is for local use only).
pub fn master_key(config: &crate::app::Config) -> anyhow::Result<Arc<SecretKey>> {
    use anyhow::Context;
    if let Some(k) = &config.master_key {
        return Ok(k.clone());
    }
    let path = config.data_dir.join("master.key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let key = SecretKey::from_base64(&text)
            .with_context(|| format!("{} must hold base64 of 32 bytes", path.display()))?;
        tracing::warn!(path = %path.display(), "MASTER_KEY is not set; using the key file in DATA_DIR (local use only)");
        return Ok(Arc::new(key));
    }
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating {}", config.data_dir.display()))?;
    let key = SecretKey::generate();
    write_private(&path, &key.to_base64())?;
    tracing::warn!(path = %path.display(), "MASTER_KEY is not set; generated a new master key in DATA_DIR (local use only: set MASTER_KEY in production)");
    Ok(Arc::new(key))
}

fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

/// Object storage (S3 when configured, else `DATA_DIR/objects`) and the master key.
pub async fn vault(config: &crate::app::Config) -> anyhow::Result<Vault> {
    use anyhow::Context;
    let store = match &config.s3 {
        Some(s3) => ObjectStore::s3(s3.clone()),
        None => ObjectStore::local(config.data_dir.join("objects")),
    };
    store
        .ensure_ready()
        .await
        .with_context(|| format!("preparing {}", store.describe()))?;
    tracing::info!(storage = %store.describe(), "document storage ready");
    Ok(Vault {
        store,
        master: master_key(config)?,
        max_upload_bytes: config.max_upload_bytes,
        spool_dir: config.data_dir.join("spool"),
        spool_budget: Arc::new(tokio::sync::Semaphore::new(SPOOL_BUDGET_MIB)),
    })
}
