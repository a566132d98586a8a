//! Hospital key-encryption keys: created on first use, rotated and destroyed by the owner
//! (`carebridge keys rotate|destroy`), read by the runtime inside the tenant transaction.

use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait, Value};
use uuid::Uuid;

use crate::{
    crypto::{SecretKey, dek_aad, kek_aad},
    db::stmt,
    error::{ApiError, ApiResult},
};

#[derive(FromQueryResult)]
struct KeyRow {
    version: i32,
    wrapped_key: Option<Vec<u8>>,
    state: String,
}

const DESTROYED: &str =
    "the hospital's records key was destroyed; its documents can no longer be read";

/// Serializes rotation (exclusive) against document inserts (shared): a document never
/// commits wrapped under a key version that rotation has just retired.
pub fn lock_sql(exclusive: bool) -> &'static str {
    if exclusive {
        "select pg_advisory_xact_lock(hashtextextended('carebridge.kek.' || $1::text, 0))"
    } else {
        "select pg_advisory_xact_lock_shared(hashtextextended('carebridge.kek.' || $1::text, 0))"
    }
}

async fn rows(conn: &impl ConnectionTrait, hospital: Uuid) -> ApiResult<Vec<KeyRow>> {
    Ok(KeyRow::find_by_statement(stmt(
        "select version, wrapped_key, state from hospital_key where hospital_id = $1 order by version desc",
        [hospital.into()],
    ))
    .all(conn)
    .await?)
}

fn open(master: &SecretKey, hospital: Uuid, row: &KeyRow) -> ApiResult<SecretKey> {
    let wrapped = row
        .wrapped_key
        .as_deref()
        .ok_or(ApiError::Gone(DESTROYED))?;
    master
        .unwrap_key(wrapped, &kek_aad(hospital, row.version))
        .map_err(|_| {
            ApiError::Internal(anyhow::anyhow!(
                "a hospital key does not unwrap with MASTER_KEY"
            ))
        })
}

/// The hospital's active KEK and its version, creating version 1 on first use.
pub async fn active(
    conn: &impl ConnectionTrait,
    master: &SecretKey,
    hospital: Uuid,
) -> ApiResult<(i32, SecretKey)> {
    for _ in 0..2 {
        let rows = rows(conn, hospital).await?;
        if let Some(row) = rows.iter().find(|r| r.state == "active") {
            return Ok((row.version, open(master, hospital, row)?));
        }
        if !rows.is_empty() {
            // Keys existed and none is active: the hospital was crypto-shredded.
            return Err(ApiError::Gone(DESTROYED));
        }
        let kek = SecretKey::generate();
        conn.execute_raw(stmt(
            "insert into hospital_key (hospital_id, version, wrapped_key) values ($1, 1, $2) on conflict do nothing",
            [hospital.into(), master.wrap(&kek, &kek_aad(hospital, 1)).into()],
        ))
        .await?;
    }
    Err(ApiError::Internal(anyhow::anyhow!(
        "no active hospital key after creating one"
    )))
}

/// The KEK at `version` (a document's wrapping version).
pub async fn at_version(
    conn: &impl ConnectionTrait,
    master: &SecretKey,
    hospital: Uuid,
    version: i32,
) -> ApiResult<SecretKey> {
    let rows = rows(conn, hospital).await?;
    let row = rows
        .iter()
        .find(|r| r.version == version)
        .ok_or(ApiError::Gone(DESTROYED))?;
    open(master, hospital, row)
}

#[derive(FromQueryResult)]
struct Wrapped {
    id: Uuid,
    kek_version: i32,
    wrapped_dek: Vec<u8>,
}

#[derive(FromQueryResult)]
struct HospitalId {
    id: Uuid,
}

async fn hospital_by_slug(db: &DatabaseConnection, slug: &str) -> anyhow::Result<Uuid> {
    HospitalId::find_by_statement(stmt(
        "select id from hospital where slug = $1",
        [slug.into()],
    ))
    .one(db)
    .await?
    .map(|h| h.id)
    .ok_or_else(|| anyhow::anyhow!("no hospital with slug {slug:?}"))
}

/// What a rotation did.
pub struct Rotation {
    pub new_version: i32,
    pub rewrapped: usize,
}

/// Makes a new KEK version active and re-wraps every document's data key under it, in one
/// transaction; the objects themselves are untouched. Old versions keep no key material.
/// Runs as the owner (DATABASE_ADMIN_URL).
pub async fn rotate(
    admin: &DatabaseConnection,
    master: &SecretKey,
    slug: &str,
) -> anyhow::Result<Rotation> {
    let hospital = hospital_by_slug(admin, slug).await?;
    let txn = admin.begin().await?;
    txn.execute_raw(stmt(lock_sql(true), [hospital.into()]))
        .await?;
    let keys = rows(&txn, hospital)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if keys.iter().any(|r| r.state == "destroyed") {
        anyhow::bail!("{slug}: the key was destroyed; nothing to rotate");
    }
    let mut old = std::collections::HashMap::new();
    for k in &keys {
        if k.wrapped_key.is_some() {
            old.insert(
                k.version,
                open(master, hospital, k).map_err(|e| anyhow::anyhow!("{e}"))?,
            );
        }
    }
    let new_version = keys.first().map_or(1, |k| k.version + 1);
    let kek = SecretKey::generate();
    txn.execute_raw(stmt(
        "update hospital_key set state = 'retired' where hospital_id = $1 and state = 'active'",
        [hospital.into()],
    ))
    .await?;
    txn.execute_raw(stmt(
        "insert into hospital_key (hospital_id, version, wrapped_key) values ($1, $2, $3)",
        [
            hospital.into(),
            new_version.into(),
            master.wrap(&kek, &kek_aad(hospital, new_version)).into(),
        ],
    ))
    .await?;
    let docs = Wrapped::find_by_statement(stmt(
        "select id, kek_version, wrapped_dek from document where hospital_id = $1",
        [hospital.into()],
    ))
    .all(&txn)
    .await?;
    for d in &docs {
        let kek_old = old.get(&d.kek_version).ok_or_else(|| {
            anyhow::anyhow!("document {} names a key version without material", d.id)
        })?;
        let dek = kek_old
            .unwrap_key(&d.wrapped_dek, &dek_aad(hospital, d.id, d.kek_version))
            .map_err(|_| anyhow::anyhow!("document {}: its data key does not unwrap", d.id))?;
        txn.execute_raw(stmt(
            "update document set kek_version = $3, wrapped_dek = $4 where hospital_id = $1 and id = $2",
            [
                hospital.into(),
                d.id.into(),
                new_version.into(),
                kek.wrap(&dek, &dek_aad(hospital, d.id, new_version)).into(),
            ],
        ))
        .await?;
    }
    rewrap_totp(&txn, hospital, &old, &kek, new_version).await?;
    // Retired versions wrap nothing any more: drop their material.
    txn.execute_raw(stmt(
        "update hospital_key set wrapped_key = null where hospital_id = $1 and state = 'retired'",
        [hospital.into()],
    ))
    .await?;
    txn.commit().await?;
    Ok(Rotation {
        new_version,
        rewrapped: docs.len(),
    })
}

#[derive(FromQueryResult)]
struct WrappedTotp {
    user_id: Uuid,
    key_version: i32,
    secret_wrapped: Vec<u8>,
}

/// Re-wraps the hospital's members' TOTP secrets under the new KEK (part of [`rotate`]).
async fn rewrap_totp(
    txn: &impl ConnectionTrait,
    hospital: Uuid,
    old: &std::collections::HashMap<i32, SecretKey>,
    kek: &SecretKey,
    new_version: i32,
) -> anyhow::Result<()> {
    let rows = WrappedTotp::find_by_statement(stmt(
        "select user_id, key_version, secret_wrapped from totp_credential where hospital_id = $1",
        [hospital.into()],
    ))
    .all(txn)
    .await?;
    for t in rows {
        let secret = old
            .get(&t.key_version)
            .and_then(|k| {
                k.unwrap_key(
                    &t.secret_wrapped,
                    &crate::crypto::totp_aad(hospital, t.user_id, t.key_version),
                )
                .ok()
            })
            .ok_or_else(|| anyhow::anyhow!("a TOTP secret does not unwrap"))?;
        let wrapped = kek.wrap(
            &secret,
            &crate::crypto::totp_aad(hospital, t.user_id, new_version),
        );
        txn.execute_raw(stmt(
            "update totp_credential set key_version = $3, secret_wrapped = $4 \
             where hospital_id = $1 and user_id = $2",
            [
                hospital.into(),
                t.user_id.into(),
                new_version.into(),
                wrapped.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}

/// Crypto-shredding at offboarding: every version of the hospital's key loses its material,
/// so no data key (and no object) can be opened again. Irreversible.
pub async fn destroy(admin: &DatabaseConnection, slug: &str) -> anyhow::Result<u64> {
    let hospital = hospital_by_slug(admin, slug).await?;
    let txn = admin.begin().await?;
    txn.execute_raw(stmt(lock_sql(true), [hospital.into()]))
        .await?;
    let n = txn
        .execute_raw(stmt(
            "update hospital_key set wrapped_key = null, state = 'destroyed' where hospital_id = $1",
            [hospital.into()],
        ))
        .await?
        .rows_affected();
    // What the rows still said about the documents goes too (titles, names, plaintext hashes).
    txn.execute_raw(stmt(
        "update document set title = '', file_name = '', sha256 = ''::bytea where hospital_id = $1",
        [Value::from(hospital)],
    ))
    .await?;
    if n == 0 {
        // Mark the hospital as shredded even if it never stored a document.
        txn.execute_raw(stmt(
            "insert into hospital_key (hospital_id, version, wrapped_key, state) values ($1, 1, null, 'destroyed')",
            [Value::from(hospital)],
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(n)
}
