//! Chunked AES-256-GCM (STREAM): encrypts and decrypts objects piece by piece, so that neither
//! side ever holds a whole file.

use aes_gcm::{
    Aes256Gcm, Key, Nonce, Tag,
    aead::{AeadInPlace, KeyInit},
};
use bytes::{Bytes, BytesMut};
use rand_core::{OsRng, RngCore};
use secrecy::ExposeSecret;
use uuid::Uuid;

use super::{CryptoError, SecretKey};

const MAGIC: &[u8; 4] = b"CBE1";
pub const HEADER_LEN: usize = 4 + 16 + 4 + 4 + 7;
/// 64 KiB of plaintext per chunk.
pub const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const MAX_CHUNK: usize = 16 * 1024 * 1024;

/// What an object's header says: which key (the hospital's, at which version) and how it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub hospital_id: Uuid,
    pub key_version: i32,
    chunk_size: u32,
    nonce_prefix: [u8; 7],
}

impl Header {
    fn encode(&self) -> [u8; HEADER_LEN] {
        let mut h = [0u8; HEADER_LEN];
        h[..4].copy_from_slice(MAGIC);
        h[4..20].copy_from_slice(self.hospital_id.as_bytes());
        h[20..24].copy_from_slice(&self.key_version.to_be_bytes());
        h[24..28].copy_from_slice(&self.chunk_size.to_be_bytes());
        h[28..].copy_from_slice(&self.nonce_prefix);
        h
    }

    pub fn parse(bytes: &[u8]) -> Result<Self, CryptoError> {
        if bytes.len() < HEADER_LEN || &bytes[..4] != MAGIC {
            return Err(CryptoError::Header);
        }
        let hospital_id = Uuid::from_slice(&bytes[4..20]).map_err(|_| CryptoError::Header)?;
        let key_version = i32::from_be_bytes(bytes[20..24].try_into().expect("4 bytes"));
        let chunk_size = u32::from_be_bytes(bytes[24..28].try_into().expect("4 bytes"));
        if chunk_size == 0 || chunk_size as usize > MAX_CHUNK {
            return Err(CryptoError::Header);
        }
        let nonce_prefix = bytes[28..HEADER_LEN].try_into().expect("7 bytes");
        Ok(Self {
            hospital_id,
            key_version,
            chunk_size,
            nonce_prefix,
        })
    }
}

/// The per-chunk machinery shared by both directions.
struct Chunker {
    cipher: Aes256Gcm,
    aad: Vec<u8>,
    prefix: [u8; 7],
    counter: u32,
}

impl Chunker {
    fn new(dek: &SecretKey, header: &Header, document_id: Uuid) -> Self {
        let mut aad = header.encode().to_vec();
        aad.extend_from_slice(document_id.as_bytes());
        Self {
            cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(dek.0.expose_secret())),
            aad,
            prefix: header.nonce_prefix,
            counter: 0,
        }
    }

    fn nonce(&mut self, last: bool) -> Result<[u8; 12], CryptoError> {
        let mut n = [0u8; 12];
        n[..7].copy_from_slice(&self.prefix);
        n[7..11].copy_from_slice(&self.counter.to_be_bytes());
        n[11] = u8::from(last);
        self.counter = self.counter.checked_add(1).ok_or(CryptoError::Integrity)?;
        Ok(n)
    }

    fn seal(&mut self, mut chunk: BytesMut, last: bool) -> Result<Bytes, CryptoError> {
        let nonce = self.nonce(last)?;
        let tag = self
            .cipher
            .encrypt_in_place_detached(Nonce::from_slice(&nonce), &self.aad, &mut chunk)
            .map_err(|_| CryptoError::Integrity)?;
        chunk.extend_from_slice(&tag);
        Ok(chunk.freeze())
    }

    fn open(&mut self, mut chunk: BytesMut, last: bool) -> Result<Bytes, CryptoError> {
        if chunk.len() < TAG {
            return Err(CryptoError::Integrity);
        }
        let nonce = self.nonce(last)?;
        let tag = chunk.split_off(chunk.len() - TAG);
        self.cipher
            .decrypt_in_place_detached(
                Nonce::from_slice(&nonce),
                &self.aad,
                &mut chunk,
                Tag::from_slice(&tag),
            )
            .map_err(|_| CryptoError::Integrity)?;
        Ok(chunk.freeze())
    }
}

/// Encrypts a stream: feed plaintext with `update`, end with `finish`.
pub struct Encryptor {
    chunker: Chunker,
    buf: BytesMut,
    chunk: usize,
}

impl Encryptor {
    /// Returns the encryptor and the object header, which must be stored first.
    pub fn new(
        dek: &SecretKey,
        hospital_id: Uuid,
        key_version: i32,
        document_id: Uuid,
    ) -> (Self, Bytes) {
        let mut nonce_prefix = [0u8; 7];
        OsRng.fill_bytes(&mut nonce_prefix);
        let header = Header {
            hospital_id,
            key_version,
            chunk_size: CHUNK as u32,
            nonce_prefix,
        };
        let enc = Self {
            chunker: Chunker::new(dek, &header, document_id),
            buf: BytesMut::with_capacity(2 * CHUNK),
            chunk: CHUNK,
        };
        (enc, Bytes::copy_from_slice(&header.encode()))
    }

    /// Encrypts what fills whole chunks, keeping back at least one byte for the final chunk.
    pub fn update(&mut self, data: &[u8], out: &mut Vec<Bytes>) -> Result<(), CryptoError> {
        self.buf.extend_from_slice(data);
        while self.buf.len() > self.chunk {
            let chunk = self.buf.split_to(self.chunk);
            out.push(self.chunker.seal(chunk, false)?);
        }
        Ok(())
    }

    /// The final chunk (possibly empty plaintext), marked as last.
    pub fn finish(mut self) -> Result<Bytes, CryptoError> {
        let rest = std::mem::take(&mut self.buf);
        self.chunker.seal(rest, true)
    }
}

/// Decrypts a stream: the header first, then chunks; `finish` fails on a missing final chunk.
pub struct Decryptor {
    state: State,
    document_id: Uuid,
    buf: BytesMut,
}

/// Supplies the data key once the header names its key version.
type KeySource = Box<dyn FnOnce(&Header) -> Result<SecretKey, CryptoError> + Send>;

enum State {
    Header {
        expect_hospital: Uuid,
        key: KeySource,
    },
    Body {
        chunker: Box<Chunker>,
        sealed: usize,
    },
    Poisoned,
}

impl Decryptor {
    /// `key` is asked for the DEK once the header has been read (it may check the key version).
    pub fn new(
        expect_hospital: Uuid,
        document_id: Uuid,
        key: impl FnOnce(&Header) -> Result<SecretKey, CryptoError> + Send + 'static,
    ) -> Self {
        Self {
            state: State::Header {
                expect_hospital,
                key: Box::new(key),
            },
            document_id,
            buf: BytesMut::new(),
        }
    }

    pub fn update(&mut self, data: &[u8], out: &mut Vec<Bytes>) -> Result<(), CryptoError> {
        self.buf.extend_from_slice(data);
        if matches!(self.state, State::Header { .. }) {
            if self.buf.len() < HEADER_LEN {
                return Ok(());
            }
            let State::Header {
                expect_hospital,
                key,
            } = std::mem::replace(&mut self.state, State::Poisoned)
            else {
                unreachable!("checked above")
            };
            let header = Header::parse(&self.buf[..HEADER_LEN])?;
            if header.hospital_id != expect_hospital {
                return Err(CryptoError::Header);
            }
            let dek = key(&header)?;
            let _ = self.buf.split_to(HEADER_LEN);
            self.state = State::Body {
                chunker: Box::new(Chunker::new(&dek, &header, self.document_id)),
                sealed: header.chunk_size as usize + TAG,
            };
        }
        let State::Body { chunker, sealed } = &mut self.state else {
            return Err(CryptoError::Integrity);
        };
        while self.buf.len() > *sealed {
            let chunk = self.buf.split_to(*sealed);
            out.push(chunker.open(chunk, false)?);
        }
        Ok(())
    }

    /// Opens the final chunk; a stream cut anywhere fails here or earlier.
    pub fn finish(mut self) -> Result<Bytes, CryptoError> {
        match &mut self.state {
            State::Body { chunker, .. } => {
                let rest = std::mem::take(&mut self.buf);
                chunker.open(rest, true)
            }
            _ => Err(CryptoError::Integrity),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal_all(dek: &SecretKey, h: Uuid, d: Uuid, data: &[u8], step: usize) -> Vec<u8> {
        let (mut enc, header) = Encryptor::new(dek, h, 3, d);
        let mut out = vec![header];
        for piece in data.chunks(step.max(1)) {
            enc.update(piece, &mut out).unwrap();
        }
        out.push(enc.finish().unwrap());
        out.concat()
    }

    fn open_all(
        dek: &SecretKey,
        h: Uuid,
        d: Uuid,
        data: &[u8],
        step: usize,
    ) -> Result<Vec<u8>, CryptoError> {
        let k = dek.clone();
        // A header edited in transit still asks for the key; the chunks then fail to open.
        let mut dec = Decryptor::new(h, d, move |_| Ok(k));
        let mut out = Vec::new();
        for piece in data.chunks(step.max(1)) {
            dec.update(piece, &mut out)?;
        }
        out.push(dec.finish()?);
        Ok(out.concat())
    }

    fn sample(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn round_trips_at_every_size_around_chunk_boundaries() {
        let dek = SecretKey::generate();
        let (h, d) = (Uuid::new_v4(), Uuid::new_v4());
        let header = Header::parse(&seal_all(&dek, h, d, b"x", 1)).unwrap();
        assert_eq!((header.hospital_id, header.key_version), (h, 3));
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17] {
            let plain = sample(n);
            for step in [7, 4096, CHUNK + 5] {
                let sealed = seal_all(&dek, h, d, &plain, step);
                assert_eq!(open_all(&dek, h, d, &sealed, 1000).unwrap(), plain, "n={n}");
            }
        }
    }

    #[test]
    fn the_ciphertext_does_not_contain_the_plaintext() {
        let dek = SecretKey::generate();
        let plain = b"Patient complains of chest pain. ".repeat(100);
        let sealed = seal_all(&dek, Uuid::new_v4(), Uuid::new_v4(), &plain, 100);
        assert!(!sealed.windows(16).any(|w| w == &plain[..16]));
    }

    #[test]
    fn any_flipped_byte_is_refused() {
        let dek = SecretKey::generate();
        let (h, d) = (Uuid::new_v4(), Uuid::new_v4());
        let sealed = seal_all(&dek, h, d, &sample(2 * CHUNK + 10), 4096);
        for pos in [
            0,
            5,
            21,
            30,
            HEADER_LEN,
            HEADER_LEN + CHUNK + 3,
            sealed.len() - 1,
        ] {
            let mut bad = sealed.clone();
            bad[pos] ^= 0x01;
            assert!(open_all(&dek, h, d, &bad, 4096).is_err(), "pos {pos}");
        }
    }

    #[test]
    fn truncation_reordering_and_transplanting_are_refused() {
        let dek = SecretKey::generate();
        let (h, d) = (Uuid::new_v4(), Uuid::new_v4());
        let sealed = seal_all(&dek, h, d, &sample(3 * CHUNK + 10), 4096);
        let full = CHUNK + TAG;
        // Cut at a chunk boundary, in the middle of a chunk, and to the header alone.
        for len in [
            HEADER_LEN + full,
            HEADER_LEN + 2 * full,
            sealed.len() - 5,
            HEADER_LEN,
        ] {
            assert!(
                open_all(&dek, h, d, &sealed[..len], 4096).is_err(),
                "len {len}"
            );
        }
        let mut swapped = sealed[..HEADER_LEN].to_vec();
        swapped.extend_from_slice(&sealed[HEADER_LEN + full..HEADER_LEN + 2 * full]);
        swapped.extend_from_slice(&sealed[HEADER_LEN..HEADER_LEN + full]);
        swapped.extend_from_slice(&sealed[HEADER_LEN + 2 * full..]);
        assert!(open_all(&dek, h, d, &swapped, 4096).is_err());
        assert!(open_all(&dek, h, Uuid::new_v4(), &sealed, 4096).is_err());
        assert!(open_all(&dek, Uuid::new_v4(), d, &sealed, 4096).is_err());
    }
}
