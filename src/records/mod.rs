//! Clinical records: encrypted documents, encounters and notes, consent and break-glass.
//! Row visibility is RLS (`record_access` in migrations/0005); casbin gates the actions.

pub mod api;
pub mod consent;
pub mod documents;
pub mod keys;
pub mod notes;

use std::sync::Arc;

use carebridge_storage::ObjectStore;
use uuid::Uuid;

use crate::{
    auth::permit::{Allows, List},
    crypto::SecretKey,
    db::TenantTx,
    error::{ApiError, ApiResult},
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

/// 404 unless the caller may see this patient's records (RLS decides).
pub async fn require_patient(tx: &TenantTx, patient_id: Uuid) -> ApiResult<()> {
    if tx
        .exists(
            "select 1 from patient_in_hospital($1) \
             where record_access(nullif(current_setting('app.hospital_id', true), '')::uuid, $1)",
            patient_id,
        )
        .await?
    {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// 422 unless `appointment` is one of `patient`'s appointments that the caller can see.
pub async fn require_appointment_of(
    tx: &TenantTx,
    appointment: Uuid,
    patient: Uuid,
) -> ApiResult<()> {
    use sea_orm::ConnectionTrait;
    let found = tx
        .conn()
        .query_one_raw(crate::db::stmt(
            "select 1 from appointment where id = $1 and patient_id = $2",
            [appointment.into(), patient.into()],
        ))
        .await?;
    if found.is_none() {
        return Err(ApiError::unprocessable(
            "appointment_id is not this patient's appointment",
        ));
    }
    Ok(())
}

/// What [`list_for_patient`] lists: rows of `select` (aliased `alias`, with `id` and
/// `patient_id` columns), gated by casbin's `{object}:list`, audited as `action`.
pub struct PatientRows<'a, O> {
    /// What casbin must allow the caller to list.
    pub object: O,
    pub action: &'static str,
    pub select: &'a str,
    pub alias: &'a str,
}

/// One page of a patient's rows of one kind: permission, the patient visible to the caller
/// (else 404), the page, the audited read, the commit.
pub async fn list_for_patient<T, O: Allows<List>>(
    mut tx: TenantTx,
    rows: PatientRows<'_, O>,
    patient: Uuid,
    limit: Option<u32>,
    cursor: Option<Uuid>,
    id: impl Fn(&T) -> Uuid,
) -> ApiResult<crate::app::paging::Listing<T>>
where
    T: sea_orm::FromQueryResult
        + poem_openapi::types::ParseFromJSON
        + poem_openapi::types::ToJSON
        + Send
        + Sync,
{
    tx.permit_to(rows.object, List).await?;
    let hospital = tx.caller().hospital()?;
    require_patient(&tx, patient).await?;
    let page = crate::app::paging::Page::parse(limit, cursor)?;
    let listing = page
        .list(
            &tx,
            rows.select,
            &format!("{}.id", rows.alias),
            &format!("and {}.patient_id = $3", rows.alias),
            vec![patient.into()],
            id,
        )
        .await?;
    tx.audit_read(
        hospital,
        crate::audit::AuditEntry::new(rows.action, "patient", patient).patient(patient),
    );
    tx.commit().await?;
    Ok(listing)
}

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
