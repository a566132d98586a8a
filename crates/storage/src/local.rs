//! Objects as files under one directory. A write goes to a temporary file that is renamed into
//! place on `finish`, so a reader never sees half an object.

use std::path::{Path, PathBuf};

use bytes::Bytes;
use tokio::{
    fs::File,
    io::{AsyncReadExt, AsyncWriteExt},
};

use crate::{Result, StorageError};

#[derive(Clone, Debug)]
pub struct LocalStore {
    dir: PathBuf,
}

fn io(e: std::io::Error) -> StorageError {
    if e.kind() == std::io::ErrorKind::NotFound {
        StorageError::NotFound
    } else {
        StorageError::Backend(format!("local file: {}", e.kind()))
    }
}

impl LocalStore {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    pub fn describe(&self) -> String {
        format!("directory {}", self.dir.display())
    }

    pub async fn ensure_dir(&self) -> Result<()> {
        tokio::fs::create_dir_all(&self.dir).await.map_err(io)
    }

    /// Keys are `a/b/c` made of ASCII letters, digits, `-` and `_`: never a path outside the directory.
    fn path(&self, key: &str) -> Result<PathBuf> {
        let ok = !key.is_empty()
            && key.split('/').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
        if !ok {
            return Err(StorageError::Backend("invalid object key".into()));
        }
        Ok(self.dir.join(key))
    }

    pub async fn writer(&self, key: &str) -> Result<LocalWriter> {
        let target = self.path(key)?;
        if let Some(parent) = target.parent() {
            tokio::fs::create_dir_all(parent).await.map_err(io)?;
        }
        let tmp = target.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
        let file = File::create(&tmp).await.map_err(io)?;
        Ok(LocalWriter { file, tmp, target })
    }

    pub async fn reader(&self, key: &str) -> Result<LocalReader> {
        let file = File::open(self.path(key)?).await.map_err(io)?;
        let len = file.metadata().await.map_err(io)?.len();
        Ok(LocalReader { file, len })
    }

    pub async fn delete(&self, key: &str) -> Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(e)),
        }
    }
}

pub struct LocalWriter {
    file: File,
    tmp: PathBuf,
    target: PathBuf,
}

impl LocalWriter {
    pub async fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.file.write_all(bytes).await.map_err(io)
    }

    pub async fn finish(mut self) -> Result<()> {
        self.file.flush().await.map_err(io)?;
        self.file.sync_all().await.map_err(io)?;
        tokio::fs::rename(&self.tmp, &self.target).await.map_err(io)
    }

    pub async fn abort(self) {
        remove_quietly(&self.tmp).await;
    }
}

async fn remove_quietly(path: &Path) {
    let _ = tokio::fs::remove_file(path).await;
}

pub struct LocalReader {
    file: File,
    len: u64,
}

impl LocalReader {
    pub fn len(&self) -> u64 {
        self.len
    }

    pub async fn next(&mut self) -> Result<Option<Bytes>> {
        let mut buf = vec![0u8; 256 * 1024];
        let n = self.file.read(&mut buf).await.map_err(io)?;
        if n == 0 {
            return Ok(None);
        }
        buf.truncate(n);
        Ok(Some(Bytes::from(buf)))
    }
}
