//! Encrypted objects: a document is encrypted on the way in (chunk by chunk, straight into
//! object storage), verified whole before the first byte goes out, decrypted on the way out. No
//! SQL and no transaction here: these run while the request holds none.

use bytes::Bytes;
use sea_orm::FromQueryResult;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
use uuid::Uuid;

use carebridge_storage::{ObjectWriter, StorageError};

use crate::{
    crypto::{CryptoError, Decryptor, Encryptor, SecretKey, dek_aad},
    error::{ApiError, ApiResult},
    ids::{DocumentId, HospitalId},
    records::Vault,
};

/// Where a document's object is and the data key that opens it, wrapped.
#[derive(FromQueryResult)]
pub struct Sealed {
    pub object_key: String,
    pub kek_version: i32,
    pub wrapped_dek: Vec<u8>,
    pub size: i64,
}

fn storage(e: StorageError) -> ApiError {
    match e {
        StorageError::NotFound => ApiError::Integrity("the stored document is missing"),
        StorageError::Backend(m) => ApiError::Internal(anyhow::anyhow!("{m}")),
    }
}

/// What [`Seal::store`] wrote: the object and facts about its plaintext.
pub struct Stored {
    pub object_key: String,
    pub size: u64,
    pub sha256: [u8; 32],
}

/// A new document's object as it is written: where, and under which keys.
pub struct Seal<'a> {
    pub vault: &'a Vault,
    pub hospital: HospitalId,
    pub document: DocumentId,
    /// The hospital key's version the object header names.
    pub kek_version: i32,
    /// The document's own data key.
    pub dek: SecretKey,
}

impl Seal<'_> {
    /// Encrypts `plain` into a new object. Over `vault.max_upload_bytes`: 413 and nothing is
    /// left behind.
    pub async fn store(&self, mut plain: impl AsyncRead + Unpin) -> ApiResult<Stored> {
        let object_key = format!("{}/{}", self.hospital, self.document);
        let mut writer = self
            .vault
            .store
            .writer(&object_key)
            .await
            .map_err(storage)?;
        match self.pump(&mut plain, &mut writer).await {
            Ok((size, sha256)) => {
                writer.finish().await.map_err(storage)?;
                Ok(Stored {
                    object_key,
                    size,
                    sha256,
                })
            }
            Err(e) => {
                writer.abort().await;
                Err(e)
            }
        }
    }

    async fn pump(
        &self,
        plain: &mut (impl AsyncRead + Unpin),
        writer: &mut ObjectWriter,
    ) -> ApiResult<(u64, [u8; 32])> {
        let (mut enc, header) = Encryptor::new(
            &self.dek,
            self.hospital.uuid(),
            self.kek_version,
            self.document.uuid(),
        );
        writer.write(header).await.map_err(storage)?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 256 * 1024];
        let mut out = Vec::new();
        loop {
            let n = plain
                .read(&mut buf)
                .await
                .map_err(|_| ApiError::BadRequest("the upload was interrupted".into()))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > self.vault.max_upload_bytes {
                return Err(ApiError::PayloadTooLarge);
            }
            hasher.update(&buf[..n]);
            enc.update(&buf[..n], &mut out).map_err(integrity)?;
            for chunk in out.drain(..) {
                writer.write(chunk).await.map_err(storage)?;
            }
        }
        writer
            .write(enc.finish().map_err(integrity)?)
            .await
            .map_err(storage)?;
        Ok((size, hasher.finalize().into()))
    }
}

fn integrity(_: CryptoError) -> ApiError {
    ApiError::Integrity("the stored document failed its integrity check; nothing was served")
}

/// The document's data key, unwrapped with `kek`, the hospital key of `sealed.kek_version`.
pub fn data_key(
    kek: &SecretKey,
    hospital: HospitalId,
    id: DocumentId,
    sealed: &Sealed,
) -> ApiResult<SecretKey> {
    kek.unwrap_key(
        &sealed.wrapped_dek,
        &dek_aad(hospital.uuid(), id.uuid(), sealed.kek_version),
    )
    .map_err(|_| ApiError::Integrity("the document's key does not open; nothing was served"))
}

/// An anonymous spool file for ciphertext: created in `DATA_DIR/spool` and unlinked at once, so
/// it disappears with its handle whatever happens to the request.
async fn spool_file(vault: &Vault) -> ApiResult<tokio::fs::File> {
    let internal = |e: std::io::Error| ApiError::Internal(e.into());
    tokio::fs::create_dir_all(&vault.spool_dir)
        .await
        .map_err(internal)?;
    let path = vault.spool_dir.join(Uuid::new_v4().simple().to_string());
    let f = tokio::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)
        .await
        .map_err(internal)?;
    let _ = tokio::fs::remove_file(&path).await;
    Ok(f)
}

/// Objects this small always verify in memory; larger ones when the budget allows.
const MEMORY_SPOOL: u64 = 2 * 1024 * 1024;

/// First pass: fetch the object, authenticate every chunk and the final marker, check the
/// plaintext size. Only when all of that holds does the caller get a stream to serve.
pub async fn open_verified(
    vault: &Vault,
    hospital: Uuid,
    id: Uuid,
    sealed: &Sealed,
    dek: SecretKey,
) -> ApiResult<futures_util::stream::BoxStream<'static, Result<Bytes, std::io::Error>>> {
    use futures_util::StreamExt;
    let mut reader = vault
        .store
        .reader(&sealed.object_key)
        .await
        .map_err(storage)?;
    let permit = match reader.len() {
        Some(n) if n > MEMORY_SPOOL => {
            let mib = u32::try_from(n.div_ceil(1024 * 1024)).unwrap_or(u32::MAX);
            vault.spool_budget.clone().try_acquire_many_owned(mib).ok()
        }
        _ => None,
    };
    let in_memory = permit.is_some() || reader.len().is_some_and(|n| n <= MEMORY_SPOOL);
    // Small objects (and large ones within the memory budget) keep the plaintext of the
    // verifying pass, so it is served without decrypting twice; larger ones are spooled to disk
    // as ciphertext and decrypted again as the client reads.
    let mut plain: Vec<Bytes> = Vec::new();
    let mut file = if in_memory {
        None
    } else {
        Some(spool_file(vault).await?)
    };
    let key = dek.clone();
    let mut dec = Decryptor::new(hospital, id, move |_| Ok(key));
    let mut scratch = Vec::new();
    let mut plain_size = 0u64;
    while let Some(chunk) = reader.next().await.map_err(storage)? {
        dec.update(&chunk, &mut scratch).map_err(integrity)?;
        for piece in scratch.drain(..) {
            plain_size += piece.len() as u64;
            if file.is_none() && !piece.is_empty() {
                plain.push(piece);
            }
        }
        if let Some(f) = &mut file {
            f.write_all(&chunk)
                .await
                .map_err(|e| ApiError::Internal(e.into()))?;
        }
    }
    let last = dec.finish().map_err(integrity)?;
    plain_size += last.len() as u64;
    if plain_size != sealed.size as u64 {
        return Err(integrity(CryptoError::Integrity));
    }
    match file {
        Some(mut f) => {
            f.flush().await.map_err(|e| ApiError::Internal(e.into()))?;
            f.rewind().await.map_err(|e| ApiError::Internal(e.into()))?;
            Ok(serve(f, Decryptor::new(hospital, id, move |_| Ok(dek))).boxed())
        }
        None => {
            if !last.is_empty() {
                plain.push(last);
            }
            // The budget share is held until the answer has been sent (or dropped).
            Ok(futures_util::stream::iter(plain)
                .map(move |b| {
                    let _held = &permit;
                    Ok(b)
                })
                .boxed())
        }
    }
}

/// Second pass, for objects spooled to disk: decrypt the verified ciphertext as the client reads.
fn serve(
    spool: tokio::fs::File,
    dec: Decryptor,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    struct St {
        spool: tokio::fs::File,
        dec: Option<Decryptor>,
        ready: std::collections::VecDeque<Bytes>,
    }
    let st = St {
        spool,
        dec: Some(dec),
        ready: Default::default(),
    };
    futures_util::stream::unfold(st, |mut st| async move {
        loop {
            if let Some(b) = st.ready.pop_front() {
                return Some((Ok(b), st));
            }
            let mut dec = st.dec.take()?;
            let piece = {
                let mut buf = vec![0u8; 1024 * 1024];
                match st.spool.read(&mut buf).await {
                    Ok(n) => {
                        buf.truncate(n);
                        Bytes::from(buf)
                    }
                    Err(e) => return Some((Err(e), st)),
                }
            };
            let bad = |_| std::io::Error::other("integrity");
            if piece.is_empty() {
                match dec.finish() {
                    Ok(last) => st.ready.push_back(last),
                    Err(e) => return Some((Err(bad(e)), st)),
                }
                continue;
            }
            let mut out = Vec::new();
            if let Err(e) = dec.update(&piece, &mut out) {
                return Some((Err(bad(e)), st));
            }
            st.ready.extend(out.into_iter().filter(|b| !b.is_empty()));
            st.dec = Some(dec);
        }
    })
}
