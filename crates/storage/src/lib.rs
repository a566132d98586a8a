//! Object storage behind one interface: an S3 bucket (AWS or any S3-compatible server, path-style
//! when an endpoint is given) or a local directory. Callers hand it bytes that are already
//! encrypted; this crate never sees plaintext and never logs object contents.
//!
//! Writes stream: an [`ObjectWriter`] buffers one part at a time (S3 multipart upload with one
//! part in flight while the next fills), so a large object is never whole in memory.

mod local;
mod s3;

use bytes::Bytes;

pub use s3::S3Settings;

/// Storage failures. Messages name the operation, never object contents.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("object not found")]
    NotFound,
    #[error("object storage: {0}")]
    Backend(String),
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// Where objects live.
#[derive(Clone, Debug)]
pub enum ObjectStore {
    S3(s3::S3Store),
    Local(local::LocalStore),
}

impl ObjectStore {
    /// An S3 bucket; `settings.endpoint` set means an S3-compatible server addressed path-style.
    pub fn s3(settings: S3Settings) -> Self {
        Self::S3(s3::S3Store::new(settings))
    }

    /// A directory on local disk (created when missing).
    pub fn local(dir: impl Into<std::path::PathBuf>) -> Self {
        Self::Local(local::LocalStore::new(dir.into()))
    }

    /// A short description for logs (no secrets).
    pub fn describe(&self) -> String {
        match self {
            Self::S3(s) => s.describe(),
            Self::Local(l) => l.describe(),
        }
    }

    /// Creates the bucket or directory when it does not exist yet.
    pub async fn ensure_ready(&self) -> Result<()> {
        match self {
            Self::S3(s) => s.ensure_bucket().await,
            Self::Local(l) => l.ensure_dir().await,
        }
    }

    /// Starts writing `key`; nothing is visible under `key` until [`ObjectWriter::finish`].
    pub async fn writer(&self, key: &str) -> Result<ObjectWriter> {
        Ok(match self {
            Self::S3(s) => ObjectWriter::S3(s.writer(key)),
            Self::Local(l) => ObjectWriter::Local(l.writer(key).await?),
        })
    }

    /// Opens `key` for streaming reads.
    pub async fn reader(&self, key: &str) -> Result<ObjectReader> {
        Ok(match self {
            Self::S3(s) => ObjectReader::S3(s.reader(key).await?),
            Self::Local(l) => ObjectReader::Local(l.reader(key).await?),
        })
    }

    /// Writes a whole object at once.
    pub async fn put(&self, key: &str, bytes: Bytes) -> Result<()> {
        let mut w = self.writer(key).await?;
        w.write(bytes).await?;
        w.finish().await
    }

    /// Reads a whole object into memory.
    pub async fn get(&self, key: &str) -> Result<Vec<u8>> {
        let mut r = self.reader(key).await?;
        let mut out = Vec::new();
        while let Some(chunk) = r.next().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out)
    }

    /// Removes `key`; removing a missing object is not an error.
    pub async fn delete(&self, key: &str) -> Result<()> {
        match self {
            Self::S3(s) => s.delete(key).await,
            Self::Local(l) => l.delete(key).await,
        }
    }
}

/// A streaming write. Dropping it without `finish` leaves nothing visible under the key, but
/// call [`ObjectWriter::abort`] to release an S3 multipart upload's parts at once.
pub enum ObjectWriter {
    S3(s3::S3Writer),
    Local(local::LocalWriter),
}

impl ObjectWriter {
    pub async fn write(&mut self, bytes: Bytes) -> Result<()> {
        match self {
            Self::S3(w) => w.write(bytes).await,
            Self::Local(w) => w.write(&bytes).await,
        }
    }

    pub async fn finish(self) -> Result<()> {
        match self {
            Self::S3(w) => w.finish().await,
            Self::Local(w) => w.finish().await,
        }
    }

    pub async fn abort(self) {
        match self {
            Self::S3(w) => w.abort().await,
            Self::Local(w) => w.abort().await,
        }
    }
}

/// A streaming read, chunk by chunk as the backend delivers them.
pub enum ObjectReader {
    S3(s3::S3Reader),
    Local(local::LocalReader),
}

impl ObjectReader {
    /// The object's size in bytes, when the backend reports it.
    pub fn len(&self) -> Option<u64> {
        match self {
            Self::S3(r) => r.len(),
            Self::Local(r) => Some(r.len()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    pub async fn next(&mut self) -> Result<Option<Bytes>> {
        match self {
            Self::S3(r) => r.next().await,
            Self::Local(r) => r.next().await,
        }
    }
}
