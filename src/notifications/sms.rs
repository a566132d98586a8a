//! Text messages for the outbox: how many segments a text costs (3GPP TS 23.038), and a sender
//! for the configured provider, Twilio Programmable Messaging or Sparrow SMS (Nepal).
//! Errors never carry the phone number or the text.

use anyhow::bail;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

/// The GSM 03.38 default alphabet in table order (0x00..=0x7F), without the escape at 0x1B.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                         ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The GSM 03.38 extension table: each is sent as escape + character, two septets.
const GSM_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// How the provider encodes a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The GSM 03.38 7-bit default alphabet and its extension table.
    Gsm7,
    /// UTF-16, for any text with a character outside GSM 03.38.
    Ucs2,
}

/// What a text costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    /// The encoding the whole text is sent in.
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Segments billed; 0 for an empty text.
    pub count: usize,
}

/// Septets for `c` in GSM-7, None when it has no GSM 03.38 form.
fn gsm_septets(c: char) -> Option<usize> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Segments of `per` units each, filled in order; a character of two units (escape sequence,
/// surrogate pair) is never split between segments, as carriers do.
fn packed(widths: impl Iterator<Item = usize>, per: usize) -> usize {
    let (mut count, mut fill) = (0, per);
    for w in widths {
        if fill + w > per {
            count += 1;
            fill = 0;
        }
        fill += w;
    }
    count
}

/// Counts `text` as carriers do: GSM-7 when every character is in GSM 03.38 (160 septets in one
/// segment, 153 per segment when concatenated), else UCS-2 (70 code units, 67 concatenated).
/// An empty text is 0 segments.
pub fn segments(text: &str) -> Segments {
    let gsm: Option<usize> = text.chars().map(gsm_septets).sum();
    let (encoding, units) = match gsm {
        Some(n) => (Encoding::Gsm7, n),
        None => (Encoding::Ucs2, text.encode_utf16().count()),
    };
    let (single, per) = match encoding {
        Encoding::Gsm7 => (160, 153),
        Encoding::Ucs2 => (70, 67),
    };
    let count = match units {
        0 => 0,
        n if n <= single => 1,
        _ if encoding == Encoding::Gsm7 => packed(text.chars().filter_map(gsm_septets), per),
        _ => packed(text.chars().map(char::len_utf16), per),
    };
    Segments {
        encoding,
        units,
        count,
    }
}

/// The provider texts go through, with its credentials.
#[derive(Debug, Clone)]
pub enum SmsProvider {
    /// Twilio Programmable Messaging, HTTP basic auth with the account's SID and auth token.
    Twilio {
        /// The account's SID, "AC…".
        account_sid: String,
        /// The account's auth token.
        auth_token: SecretString,
    },
    /// Sparrow SMS v2, a token in the form.
    Sparrow {
        /// The account's API token.
        token: SecretString,
    },
}

/// Where and as whom texts are sent.
#[derive(Debug, Clone)]
pub struct SmsSettings {
    /// Which provider, with its credentials.
    pub provider: SmsProvider,
    /// The provider's API root, without a trailing slash.
    pub base_url: String,
    /// The sender: a Twilio number (E.164) or a Sparrow sender identity.
    pub from: String,
}

impl SmsSettings {
    /// From the environment's names: SMS_PROVIDER (`twilio` or `sparrow`), SMS_BASE_URL (default
    /// https://api.twilio.com for twilio, https://api.sparrowsms.com for sparrow), SMS_FROM,
    /// TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SPARROW_TOKEN; empty values count as unset.
    /// None when SMS_PROVIDER is unset or the chosen provider's credentials are missing (SMS
    /// then waits in the outbox); Err for an unknown provider or, with one set, no SMS_FROM.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<Option<Self>> {
        let var = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let Some(name) = var("SMS_PROVIDER") else {
            return Ok(None);
        };
        let twilio = match name.trim().to_ascii_lowercase().as_str() {
            "twilio" => true,
            "sparrow" => false,
            _ => bail!("SMS_PROVIDER must be twilio or sparrow, not {name:?}"),
        };
        let Some(from) = var("SMS_FROM") else {
            bail!("SMS_FROM is required when SMS_PROVIDER is set");
        };
        let default_base = if twilio {
            "https://api.twilio.com"
        } else {
            "https://api.sparrowsms.com"
        };
        let provider = if twilio {
            match (var("TWILIO_ACCOUNT_SID"), var("TWILIO_AUTH_TOKEN")) {
                (Some(sid), Some(token)) => SmsProvider::Twilio {
                    account_sid: sid,
                    auth_token: SecretString::from(token),
                },
                _ => return Ok(None),
            }
        } else {
            match var("SPARROW_TOKEN") {
                Some(token) => SmsProvider::Sparrow {
                    token: SecretString::from(token),
                },
                None => return Ok(None),
            }
        };
        let base_url = var("SMS_BASE_URL").unwrap_or_else(|| default_base.to_string());
        Ok(Some(Self {
            provider,
            base_url: base_url.trim_end_matches('/').to_string(),
            from,
        }))
    }
}

/// Why a text was not sent. `permanent`: retrying cannot help (bad number, bad credentials).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    /// What went wrong, without the number or the text.
    pub message: String,
    /// Retrying cannot help.
    pub permanent: bool,
}

impl SendError {
    fn permanent(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            permanent: true,
        }
    }

    fn network(provider: &str, e: reqwest::Error) -> Self {
        Self {
            message: format!("{provider} unreachable: {}", e.without_url()),
            permanent: false,
        }
    }
}

/// The 10-digit number Sparrow SMS takes for an E.164 Nepali mobile number (+977 98…).
pub fn sparrow_number(e164: &str) -> Option<&str> {
    let n = e164.strip_prefix("+977")?;
    (n.len() == 10 && n.starts_with('9') && n.bytes().all(|b| b.is_ascii_digit())).then_some(n)
}

/// Sparrow's name for its error codes (our own words, so no answer text is ever copied).
fn sparrow_reason(code: i64) -> &'static str {
    match code {
        1000 => "Required field missing",
        1001 => "Invalid IP Address",
        1002 => "Invalid Token",
        1003 | 1004 => "Account Inactive",
        1005 | 1006 => "Account Expired",
        1007 => "Invalid Receiver",
        1008 => "Invalid Sender",
        1010 => "Text cannot be empty",
        1011 => "No valid receiver",
        1012 => "No Credits Available",
        1013 => "Insufficient Credits",
        _ => "unknown error",
    }
}

/// Sends texts through the configured provider.
pub struct SmsSender {
    http: reqwest::Client,
    settings: SmsSettings,
}

impl SmsSender {
    /// A sender whose requests time out after 15 s.
    pub fn new(settings: SmsSettings) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(15))
            .build()?;
        Ok(Self { http, settings })
    }

    /// Sends `body` to `to` (E.164, e.g. +9779841234567).
    pub async fn send(&self, to: &str, body: &str) -> Result<(), SendError> {
        match &self.settings.provider {
            SmsProvider::Twilio {
                account_sid,
                auth_token,
            } => self.twilio(account_sid, auth_token, to, body).await,
            SmsProvider::Sparrow { token } => self.sparrow(token, to, body).await,
        }
    }

    async fn twilio(
        &self,
        sid: &str,
        token: &SecretString,
        to: &str,
        body: &str,
    ) -> Result<(), SendError> {
        let base = self.settings.base_url.trim_end_matches('/');
        let r = self
            .http
            .post(format!("{base}/2010-04-01/Accounts/{sid}/Messages.json"))
            .basic_auth(sid, Some(token.expose_secret()))
            .form(&[("To", to), ("From", &self.settings.from), ("Body", body)])
            .send()
            .await
            .map_err(|e| SendError::network("twilio", e))?;
        let status = r.status();
        if status.is_success() {
            return Ok(());
        }
        // Twilio's `message` often repeats the number: only its code is kept.
        let code = r
            .json::<Value>()
            .await
            .ok()
            .and_then(|v| v["code"].as_i64());
        let message = match code {
            Some(code) => format!("twilio answered {} (error {code})", status.as_u16()),
            None => format!("twilio answered {}", status.as_u16()),
        };
        let retryable = status.as_u16() == 429 || status.is_server_error();
        Err(SendError {
            message,
            permanent: !retryable,
        })
    }

    async fn sparrow(&self, token: &SecretString, to: &str, body: &str) -> Result<(), SendError> {
        let Some(number) = sparrow_number(to) else {
            return Err(SendError::permanent(if to.starts_with("+977") {
                "Sparrow SMS sends to Nepali mobile numbers only"
            } else {
                "Sparrow SMS sends to Nepali numbers only"
            }));
        };
        let base = self.settings.base_url.trim_end_matches('/');
        let r = self
            .http
            .post(format!("{base}/v2/sms/"))
            .form(&[
                ("token", token.expose_secret()),
                ("from", &self.settings.from),
                ("to", number),
                ("text", body),
            ])
            .send()
            .await
            .map_err(|e| SendError::network("sparrow", e))?;
        let status = r.status();
        let code = r
            .json::<Value>()
            .await
            .ok()
            .and_then(|v| v["response_code"].as_i64());
        if status.is_success() && code == Some(200) {
            return Ok(());
        }
        let message = match code {
            Some(c) if c != 200 => {
                format!(
                    "sparrow answered {} ({c} {})",
                    status.as_u16(),
                    sparrow_reason(c)
                )
            }
            _ => format!("sparrow answered {}", status.as_u16()),
        };
        let retryable = status.is_server_error() || matches!(code, Some(1012 | 1013));
        Err(SendError {
            message,
            permanent: !retryable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::sms as fake;

    fn text(c: char, n: usize) -> String {
        std::iter::repeat_n(c, n).collect()
    }

    #[test]
    fn gsm_tables_are_complete() {
        assert_eq!(GSM_BASIC.chars().count(), 127);
        assert_eq!(GSM_EXTENSION.chars().count(), 10);
        let mut all: Vec<char> = GSM_BASIC.chars().chain(GSM_EXTENSION.chars()).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 137);
        // Greek capitals, not look-alikes such as U+2206 or U+2126.
        assert!(GSM_BASIC.contains('\u{394}') && GSM_BASIC.contains('\u{3A9}'));
        assert!(GSM_BASIC.contains('$') && GSM_BASIC.contains('¤'));
    }

    #[test]
    fn gsm_segments() {
        let seg = |s: &str| (segments(s).units, segments(s).count);
        assert_eq!(
            segments(""),
            Segments {
                encoding: Encoding::Gsm7,
                units: 0,
                count: 0
            }
        );
        assert_eq!(seg(&text('a', 160)), (160, 1));
        assert_eq!(seg(&text('a', 161)), (161, 2));
        assert_eq!(seg(&text('a', 306)), (306, 2));
        assert_eq!(seg(&text('a', 307)), (307, 3));
        assert_eq!(seg(&text('€', 80)), (160, 1));
        assert_eq!(seg(&text('€', 81)), (162, 2));
        assert_eq!(seg(&format!("{}{{", text('a', 159))), (161, 2));
        // An escape sequence is not split: the € at septets 153-154 starts segment two.
        assert_eq!(
            seg(&format!("{}€{}", text('a', 152), text('a', 152))),
            (306, 3)
        );
        let all_basic = segments("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ ¤¡ÄÖÑÜ§¿äöñüà");
        assert_eq!(all_basic.encoding, Encoding::Gsm7);
        assert_eq!(segments("^{}\\[~]|€\u{c}").units, 20);
    }

    #[test]
    fn ucs2_segments() {
        let seg = |s: &str| (segments(s).encoding, segments(s).units, segments(s).count);
        assert_eq!(seg(&text('न', 70)), (Encoding::Ucs2, 70, 1));
        assert_eq!(seg(&text('न', 71)), (Encoding::Ucs2, 71, 2));
        assert_eq!(seg(&text('न', 134)), (Encoding::Ucs2, 134, 2));
        assert_eq!(seg(&text('न', 135)), (Encoding::Ucs2, 135, 3));
        assert_eq!(seg("😀"), (Encoding::Ucs2, 2, 1));
        // One character outside GSM 03.38 makes the whole text UCS-2.
        assert_eq!(
            seg(&format!("{}ā", text('a', 100))),
            (Encoding::Ucs2, 101, 2)
        );
        assert_eq!(seg("Namaste नमस्ते"), (Encoding::Ucs2, 14, 1));
        // A surrogate pair is not split either.
        assert_eq!(seg(&format!("{}😀{}", text('न', 66), text('न', 66))).2, 3);
    }

    #[test]
    fn sparrow_numbers() {
        assert_eq!(sparrow_number("+9779841234567"), Some("9841234567"));
        assert_eq!(sparrow_number("9779841234567"), None);
        assert_eq!(sparrow_number("+97714412345"), None);
        assert_eq!(sparrow_number("+97798412345678"), None);
        assert_eq!(sparrow_number("+977984123456x"), None);
        assert_eq!(sparrow_number("+14155550100"), None);
    }

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn settings_from_vars() {
        assert!(SmsSettings::from_vars(vars(&[])).expect("ok").is_none());
        let twilio = [
            ("SMS_PROVIDER", "twilio"),
            ("SMS_FROM", "+15005550006"),
            ("TWILIO_ACCOUNT_SID", "AC123"),
            ("TWILIO_AUTH_TOKEN", "secret"),
        ];
        let s = SmsSettings::from_vars(vars(&twilio))
            .expect("ok")
            .expect("some");
        assert_eq!(s.base_url, "https://api.twilio.com");
        assert_eq!(s.from, "+15005550006");
        assert!(
            matches!(s.provider, SmsProvider::Twilio { ref account_sid, .. } if account_sid == "AC123")
        );
        assert!(!format!("{s:?}").contains("secret"));
        let sparrow = [
            ("SMS_PROVIDER", "sparrow"),
            ("SMS_FROM", "CareBridge"),
            ("SPARROW_TOKEN", "tok"),
            ("SMS_BASE_URL", "http://127.0.0.1:9/"),
        ];
        let s = SmsSettings::from_vars(vars(&sparrow))
            .expect("ok")
            .expect("some");
        assert_eq!(s.base_url, "http://127.0.0.1:9");
        assert!(matches!(s.provider, SmsProvider::Sparrow { .. }));
        let no_token = [
            ("SMS_PROVIDER", "twilio"),
            ("SMS_FROM", "+1"),
            ("TWILIO_ACCOUNT_SID", "AC1"),
        ];
        assert!(
            SmsSettings::from_vars(vars(&no_token))
                .expect("ok")
                .is_none()
        );
        let empty = [
            ("SMS_PROVIDER", "sparrow"),
            ("SMS_FROM", "X"),
            ("SPARROW_TOKEN", ""),
        ];
        assert!(SmsSettings::from_vars(vars(&empty)).expect("ok").is_none());
        assert!(
            SmsSettings::from_vars(vars(&[("SMS_PROVIDER", "nexmo"), ("SMS_FROM", "X")])).is_err()
        );
        assert!(
            SmsSettings::from_vars(vars(&[("SMS_PROVIDER", "sparrow"), ("SPARROW_TOKEN", "t")]))
                .is_err()
        );
    }

    fn twilio(base: &str, token: &str) -> SmsSender {
        SmsSender::new(SmsSettings {
            provider: SmsProvider::Twilio {
                account_sid: fake::TWILIO_ACCOUNT_SID.into(),
                auth_token: SecretString::from(token),
            },
            base_url: base.into(),
            from: "+15005550006".into(),
        })
        .expect("client")
    }

    fn sparrow(base: &str, token: &str) -> SmsSender {
        SmsSender::new(SmsSettings {
            provider: SmsProvider::Sparrow {
                token: SecretString::from(token),
            },
            base_url: base.into(),
            from: "CareBridge".into(),
        })
        .expect("client")
    }

    #[tokio::test]
    async fn twilio_sends() {
        let f = fake::start().await.expect("fake");
        let s = twilio(&f.base, fake::TWILIO_AUTH_TOKEN);
        s.send("+9779841234567", "Your appointment is confirmed.")
            .await
            .expect("sent");
        let sent = f.to("+9779841234567");
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].provider, "twilio");
        assert_eq!(sent[0].from, "+15005550006");
        assert_eq!(sent[0].body, "Your appointment is confirmed.");

        f.fail_next(1);
        let e = s.send("+9779841234567", "again").await.expect_err("503");
        assert!(!e.permanent, "{e}");
        assert_eq!(e.message, "twilio answered 503 (error 20503)");
        s.send("+9779841234567", "again")
            .await
            .expect("sent after the outage");
        assert_eq!(f.to("+9779841234567").len(), 2);

        let e = s.send("+0123", "hi").await.expect_err("bad number");
        assert!(e.permanent);
        assert_eq!(e.message, "twilio answered 400 (error 21211)");
        let e = twilio(&f.base, "wrong")
            .send("+9779841234567", "hi")
            .await
            .expect_err("401");
        assert!(e.permanent);
        assert_eq!(e.message, "twilio answered 401 (error 20003)");
        assert_eq!(f.sent.lock().expect("lock").len(), 2);
    }

    #[tokio::test]
    async fn sparrow_sends() {
        let f = fake::start().await.expect("fake");
        let s = sparrow(&f.base, fake::SPARROW_TOKEN);
        s.send("+9779841234567", "नमस्ते, your visit is at 10:00.")
            .await
            .expect("sent");
        let sent = f.to("9841234567");
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].provider, "sparrow");
        assert_eq!(sent[0].from, "CareBridge");
        assert_eq!(sent[0].body, "नमस्ते, your visit is at 10:00.");

        f.fail_next(1);
        let e = s.send("+9779841234567", "again").await.expect_err("503");
        assert!(!e.permanent, "{e}");
        assert!(e.message.starts_with("sparrow answered 503"), "{e}");

        let e = sparrow(&f.base, "wrong")
            .send("+9779841234567", "hi")
            .await
            .expect_err("403");
        assert!(e.permanent);
        assert_eq!(e.message, "sparrow answered 403 (1002 Invalid Token)");
        assert_eq!(f.sent.lock().expect("lock").len(), 1);
    }

    #[tokio::test]
    async fn sparrow_refuses_foreign_numbers_locally() {
        let f = fake::start().await.expect("fake");
        let s = sparrow(&f.base, fake::SPARROW_TOKEN);
        f.fail_next(1);
        let e = s.send("+14155550100", "hi").await.expect_err("foreign");
        assert!(e.permanent);
        assert_eq!(e.message, "Sparrow SMS sends to Nepali numbers only");
        assert!(!e.message.contains("4155550100"));
        // The injected failure is still pending: the fake was not asked.
        let e = s.send("+9779841234567", "hi").await.expect_err("503");
        assert!(!e.permanent);
        assert!(f.sent.lock().expect("lock").is_empty());
    }

    #[tokio::test]
    async fn unreachable_provider_is_retryable() {
        let e = twilio("http://127.0.0.1:9", "t")
            .send("+9779841234567", "hi")
            .await
            .expect_err("down");
        assert!(!e.permanent);
        assert!(e.message.starts_with("twilio unreachable"), "{e}");
        assert!(!e.message.contains("9841234567"));
    }
}
