//! Envelope encryption for stored objects.
//!
//! Key hierarchy: the master key (configuration) wraps each hospital's key-encryption key (KEK,
//! one per version); a KEK wraps each object's fresh data key (DEK); the DEK encrypts the object
//! with AES-256-GCM in chunks. Rotating a hospital's key re-wraps DEKs (no re-encryption);
//! destroying it leaves every DEK, and so every object, unreadable.
//!
//! Object layout: a 35-byte header (magic, key id = hospital id, key version, chunk size, nonce
//! prefix) followed by chunks of `chunk_size` plaintext bytes plus a 16-byte tag. Chunk nonces
//! are prefix ‖ counter ‖ final flag (the STREAM construction), and every chunk's associated data
//! is the header plus the document id, so a chunk cannot be moved to another position, object,
//! hospital or key version, and a missing tail fails (the last chunk must carry the final flag).

mod stream;

use aes_gcm::{
    Aes256Gcm, Key, Nonce,
    aead::{Aead, KeyInit, Payload},
};
use rand_core::{OsRng, RngCore};
use secrecy::{ExposeSecret, SecretBox};
use uuid::Uuid;

pub use stream::{Decryptor, Encryptor, HEADER_LEN, Header};

/// Failures carry no detail on purpose: which check failed is not the client's business.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the object is damaged or was tampered with")]
    Integrity,
    #[error("a key could not be unwrapped")]
    Unwrap,
    #[error("the object header is invalid")]
    Header,
}

/// A 256-bit secret key, zeroed when dropped and never printed.
pub struct SecretKey(SecretBox<[u8; 32]>);

impl Clone for SecretKey {
    fn clone(&self) -> Self {
        Self::from_bytes(*self.0.expose_secret())
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(SecretBox::new(Box::new(bytes)))
    }

    pub fn generate() -> Self {
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        Self::from_bytes(k)
    }

    /// A key from base64 of exactly 32 bytes (the `MASTER_KEY` format).
    pub fn from_base64(text: &str) -> Option<Self> {
        use base64::Engine;
        let raw = base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .ok()?;
        let bytes: [u8; 32] = raw.try_into().ok()?;
        Some(Self::from_bytes(bytes))
    }

    pub fn to_base64(&self) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(self.0.expose_secret())
    }

    /// The key's bytes, for a secret kept as a key (a TOTP secret) that its user needs back.
    pub fn expose(&self) -> &[u8; 32] {
        self.0.expose_secret()
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(self.0.expose_secret()))
    }

    /// Encrypts another key under this one: nonce (12) ‖ ciphertext (32) ‖ tag (16).
    pub fn wrap(&self, key: &SecretKey, aad: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; 12];
        OsRng.fill_bytes(&mut nonce);
        let ct = self
            .cipher()
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: key.0.expose_secret(),
                    aad,
                },
            )
            .expect("AES-GCM encryption of 32 bytes cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        out
    }

    pub fn unwrap_key(&self, wrapped: &[u8], aad: &[u8]) -> Result<SecretKey, CryptoError> {
        if wrapped.len() != 12 + 32 + 16 {
            return Err(CryptoError::Unwrap);
        }
        let (nonce, ct) = wrapped.split_at(12);
        let plain = self
            .cipher()
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad })
            .map_err(|_| CryptoError::Unwrap)?;
        let bytes: [u8; 32] = plain.try_into().map_err(|_| CryptoError::Unwrap)?;
        Ok(Self::from_bytes(bytes))
    }
}

/// Associated data of a hospital KEK wrapped by the master key.
pub fn kek_aad(hospital_id: Uuid, version: i32) -> Vec<u8> {
    let mut aad = b"carebridge/kek/v1".to_vec();
    aad.extend_from_slice(hospital_id.as_bytes());
    aad.extend_from_slice(&version.to_be_bytes());
    aad
}

/// Associated data of a member's TOTP secret wrapped by their hospital's KEK (version 0 and the
/// platform's nil id: a super admin's, wrapped by the master key).
pub fn totp_aad(hospital_id: Uuid, user_id: Uuid, version: i32) -> Vec<u8> {
    let mut aad = b"carebridge/totp/v1".to_vec();
    aad.extend_from_slice(hospital_id.as_bytes());
    aad.extend_from_slice(user_id.as_bytes());
    aad.extend_from_slice(&version.to_be_bytes());
    aad
}

/// Associated data of a document's DEK wrapped by a hospital KEK.
pub fn dek_aad(hospital_id: Uuid, document_id: Uuid, kek_version: i32) -> Vec<u8> {
    let mut aad = b"carebridge/dek/v1".to_vec();
    aad.extend_from_slice(hospital_id.as_bytes());
    aad.extend_from_slice(document_id.as_bytes());
    aad.extend_from_slice(&kek_version.to_be_bytes());
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_key_unwraps_only_with_the_same_key_and_associated_data() {
        let kek = SecretKey::generate();
        let dek = SecretKey::generate();
        let h = Uuid::new_v4();
        let d = Uuid::new_v4();
        let wrapped = kek.wrap(&dek, &dek_aad(h, d, 1));
        let back = kek.unwrap_key(&wrapped, &dek_aad(h, d, 1)).unwrap();
        assert_eq!(back.to_base64(), dek.to_base64());
        assert!(kek.unwrap_key(&wrapped, &dek_aad(h, d, 2)).is_err());
        assert!(
            kek.unwrap_key(&wrapped, &dek_aad(h, Uuid::new_v4(), 1))
                .is_err()
        );
        assert!(
            SecretKey::generate()
                .unwrap_key(&wrapped, &dek_aad(h, d, 1))
                .is_err()
        );
    }

    #[test]
    fn master_keys_parse_from_base64_of_32_bytes_only() {
        let k = SecretKey::generate();
        assert!(SecretKey::from_base64(&k.to_base64()).is_some());
        assert!(SecretKey::from_base64("c2hvcnQ=").is_none());
        assert!(SecretKey::from_base64("not base64!").is_none());
        assert_eq!(format!("{k:?}"), "SecretKey(..)");
    }
}
