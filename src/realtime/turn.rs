//! ICE servers for a call: STUN and TURN URLs from `TURN_URLS`, TURN with time-limited
//! credentials in the "TURN REST API" scheme that coturn's `--use-auth-secret` checks:
//! `username = "<unix expiry>:<user id>"`, `credential = base64(HMAC-SHA1(secret, username))`.
//! coturn recomputes the credential from its `--static-auth-secret` and refuses it after the
//! expiry, so no credential is stored anywhere.

use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha1::Sha1;
use uuid::Uuid;

use crate::realtime::types::IceServer;

/// The TURN settings of the configuration.
#[derive(Clone, Debug, Default)]
pub struct TurnSettings {
    /// `stun:` and `turn:`/`turns:` URLs.
    pub urls: Vec<String>,
    /// coturn's `--static-auth-secret`; without it TURN URLs are not handed out.
    pub secret: Option<SecretString>,
    /// How long a credential stays valid.
    pub ttl: std::time::Duration,
}

/// The credential of `username` under `secret`.
pub fn credential(secret: &str, username: &str) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(username.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

impl TurnSettings {
    /// The ICE servers for `user` at `now`: STUN URLs as they are, TURN URLs with a credential
    /// valid for `ttl`.
    pub fn ice_servers(&self, user: Uuid, now: DateTime<Utc>) -> Vec<IceServer> {
        let (turn, stun): (Vec<String>, Vec<String>) = self
            .urls
            .iter()
            .cloned()
            .partition(|u| u.starts_with("turn:") || u.starts_with("turns:"));
        let mut out = Vec::new();
        if !stun.is_empty() {
            out.push(IceServer {
                urls: stun,
                username: None,
                credential: None,
            });
        }
        if let (false, Some(secret)) = (turn.is_empty(), &self.secret) {
            let ttl = i64::try_from(self.ttl.as_secs()).unwrap_or(i64::MAX);
            let username = format!("{}:{user}", now.timestamp().saturating_add(ttl));
            out.push(IceServer {
                urls: turn,
                credential: Some(credential(secret.expose_secret(), &username)),
                username: Some(username),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credential_is_base64_of_hmac_sha1_of_the_username() {
        // RFC 2202's HMAC-SHA1 test case 2, base64-encoded.
        assert_eq!(
            credential("Jefe", "what do ya want for nothing?"),
            "7/zfauXrL6LSdBbV8YTfnCWafHk="
        );
    }

    #[test]
    fn turn_urls_get_an_expiring_username_and_stun_urls_none() {
        let s = TurnSettings {
            urls: vec![
                "stun:127.0.0.1:3478".into(),
                "turn:127.0.0.1:3478?transport=udp".into(),
            ],
            secret: Some(SecretString::from("s3cret".to_string())),
            ttl: std::time::Duration::from_secs(3600),
        };
        let user = Uuid::nil();
        let now: DateTime<Utc> = "2026-12-02T10:00:00Z".parse().unwrap();
        let servers = s.ice_servers(user, now);
        assert_eq!(servers.len(), 2);
        assert_eq!(servers[0].urls, vec!["stun:127.0.0.1:3478".to_string()]);
        assert!(servers[0].username.is_none());
        let name = servers[1].username.clone().unwrap();
        assert_eq!(name, format!("{}:{user}", now.timestamp() + 3600));
        assert_eq!(
            servers[1].credential.as_deref(),
            Some(credential("s3cret", &name).as_str())
        );
        let no_secret = TurnSettings { secret: None, ..s };
        assert_eq!(no_secret.ice_servers(user, now).len(), 1);
    }
}
