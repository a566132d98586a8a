//! Checked input types: services never see raw strings for these.

use secrecy::SecretString;

use crate::error::{ApiError, ApiResult};

/// A normalised (trimmed, lowercase) email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> ApiResult<Self> {
        let email = raw.trim().to_lowercase();
        let valid = email.len() <= 254
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            })
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if valid {
            Ok(Self(email))
        } else {
            Err(ApiError::unprocessable("email is not a valid address"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A new password that meets the policy: 12 to 256 characters, not the email address.
pub fn new_password(raw: String, email: &Email) -> ApiResult<SecretString> {
    let n = raw.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(ApiError::unprocessable(format!(
            "password must have at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(ApiError::unprocessable(format!(
            "password must have at most {MAX_PASSWORD_CHARS} characters"
        )));
    }
    if raw.trim().to_lowercase() == email.as_str() {
        return Err(ApiError::unprocessable(
            "password must not be the email address",
        ));
    }
    Ok(SecretString::from(raw))
}

/// A display name: trimmed, 1 to 200 characters.
pub fn full_name(raw: &str) -> ApiResult<String> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(ApiError::unprocessable(
            "full_name must have 1 to 200 printable characters",
        ));
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Asha@Example.ORG ").unwrap().as_str(),
            "asha@example.org"
        );
        for bad in [
            "",
            "no-at",
            "@x.org",
            "a@b",
            "a@.org",
            "a b@x.org",
            "a@x.org.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn passwords_need_twelve_characters_and_not_the_email() {
        let email = Email::parse("asha@example.org").unwrap();
        assert!(new_password("short-pass1".into(), &email).is_err());
        assert!(new_password("asha@example.org".into(), &email).is_err());
        assert!(new_password("correct horse battery".into(), &email).is_ok());
        assert!(new_password("x".repeat(257), &email).is_err());
    }
}
