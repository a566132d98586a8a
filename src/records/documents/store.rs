//! The document domain's SQL, all of it, including its use of the hospital keys (`keys`). Every
//! statement runs in the caller's transaction, under RLS: a row the caller may not see does not
//! exist here.

use sea_orm::{FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    crypto::SecretKey,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{DocumentId, HospitalId, PatientId, UserId},
    records::{
        Vault,
        documents::{
            objects::{Sealed, Stored},
            types::Described,
        },
        keys,
    },
};

pub const DOCUMENT_SELECT: &str = "select d.id, d.patient_id, d.title, d.kind, d.file_name, \
    d.content_type, d.size, encode(d.sha256, 'hex') as sha256, d.uploaded_by, d.created_at \
    from document d";

/// What a download needs of its row: the description and the sealed object, in one read.
#[derive(FromQueryResult)]
pub struct Content {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub content_type: String,
    pub file_name: String,
    pub size: i64,
    pub object_key: String,
    pub kek_version: i32,
    pub wrapped_dek: Vec<u8>,
}

impl Content {
    pub fn sealed(&self) -> Sealed {
        Sealed {
            object_key: self.object_key.clone(),
            kek_version: self.kek_version,
            wrapped_dek: self.wrapped_dek.clone(),
            size: self.size,
        }
    }
}

/// The row and sealed object of one document the caller may see; 404 otherwise.
pub async fn content(tx: &TenantTx, id: DocumentId) -> ApiResult<Content> {
    Content::find_by_statement(stmt(
        "select id, patient_id, content_type, file_name, size, object_key, kek_version, wrapped_dek \
         from document where id = $1",
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// Holds the hospital's keys still (shared): not while a rotation re-wraps them, which would
/// look like a destroyed key.
pub async fn hold_keys(tx: &TenantTx, hospital: HospitalId) -> ApiResult<()> {
    tx.conn_execute(keys::lock_sql(false), vec![hospital.into()])
        .await?;
    Ok(())
}

/// The hospital key that is active now, and its version (410 after it was destroyed).
pub async fn active_key(
    tx: &TenantTx,
    vault: &Vault,
    hospital: HospitalId,
) -> ApiResult<(i32, SecretKey)> {
    keys::active(tx.conn(), &vault.master, hospital.uuid()).await
}

/// The hospital key of `version`.
pub async fn key_at(
    tx: &TenantTx,
    vault: &Vault,
    hospital: HospitalId,
    version: i32,
) -> ApiResult<SecretKey> {
    keys::at_version(tx.conn(), &vault.master, hospital.uuid(), version).await
}

/// A new document's row: who uploaded what for whom, and its sealed object.
pub struct NewRow<'a> {
    pub hospital: HospitalId,
    pub id: DocumentId,
    pub patient: PatientId,
    pub uploaded_by: UserId,
    pub described: &'a Described,
    pub stored: &'a Stored,
    pub kek_version: i32,
    pub wrapped_dek: Vec<u8>,
}

pub async fn insert(tx: &TenantTx, row: NewRow<'_>) -> ApiResult<()> {
    let d = row.described;
    tx.conn_execute(
        "insert into document (hospital_id, id, patient_id, uploaded_by, title, kind, file_name, \
         content_type, size, sha256, object_key, kek_version, wrapped_dek) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        vec![
            Value::from(row.hospital),
            row.id.into(),
            row.patient.into(),
            row.uploaded_by.into(),
            d.title.as_str().into(),
            d.kind.as_str().into(),
            d.file_name.as_str().into(),
            d.content_type.as_str().into(),
            (row.stored.size as i64).into(),
            row.stored.sha256.to_vec().into(),
            row.stored.object_key.clone().into(),
            row.kek_version.into(),
            row.wrapped_dek.into(),
        ],
    )
    .await?;
    Ok(())
}

/// Commits with the access check, before the first byte is written: the upload's object is
/// named here, so a process that dies before the row commits leaves an intent the orphan sweep
/// finds (migration 0021).
pub async fn intend(tx: &TenantTx, hospital: HospitalId, id: DocumentId) -> ApiResult<()> {
    tx.conn_execute(
        "insert into upload_intent (hospital_id, document_id, object_key) \
         values ($1, $2, $1::text || '/' || $2::text)",
        vec![hospital.into(), id.into()],
    )
    .await?;
    Ok(())
}

/// Removes the upload's intent in the transaction that commits its row. Gone already means the
/// sweep took the upload for an orphan (it outlived `ORPHAN_GRACE_MINUTES`) and deleted its
/// object: the row must not commit then.
pub async fn fulfil(tx: &TenantTx, hospital: HospitalId, id: DocumentId) -> ApiResult<()> {
    let n = tx
        .conn_execute(
            "delete from upload_intent where hospital_id = $1 and document_id = $2",
            vec![hospital.into(), id.into()],
        )
        .await?;
    if n == 1 {
        Ok(())
    } else {
        Err(ApiError::Conflict(
            "the upload took longer than the server waits for one; send it again".into(),
        ))
    }
}
