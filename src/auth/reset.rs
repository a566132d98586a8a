//! Password reset by email: a single-use token valid for 30 minutes; completing it ends every
//! session, and a newer request voids every older token. The request answers the same, after
//! the same work (one queued INSERT, expanded by the outbox dispatcher), whether the email has
//! an account or not.

use secrecy::SecretString;

use crate::{
    app::AppState,
    auth::{
        store,
        throttle::rate_limit,
        token::{self, TokenHash},
        types::{Email, new_password},
    },
    db::RequestMeta,
    error::{ApiError, ApiResult},
};

pub const RESET_MINUTES: i32 = 30;

fn email_texts(link: &str) -> (String, String, String) {
    let subject = "Reset your carebridge password / पासवर्ड रिसेट".to_string();
    let text = format!(
        "Someone asked to reset the password of this carebridge account. If it was you, open this link within {RESET_MINUTES} minutes:\n\n{link}\n\nIf it was not you, ignore this email; your password stays as it is.\n\nतपाईंको carebridge खाताको पासवर्ड रिसेट गर्न {RESET_MINUTES} मिनेटभित्र माथिको लिङ्क खोल्नुहोस्। तपाईंले अनुरोध गर्नुभएको होइन भने यो इमेल बेवास्ता गर्नुहोस्।\n"
    );
    let html = format!(
        "<!doctype html><html><body style=\"font-family:sans-serif\"><p>Someone asked to reset the password of this carebridge account. If it was you, open this link within {RESET_MINUTES} minutes:</p><p><a href=\"{link}\">Reset my password</a></p><p>If it was not you, ignore this email; your password stays as it is.</p><hr><p>तपाईंको carebridge खाताको पासवर्ड रिसेट गर्न {RESET_MINUTES} मिनेटभित्र माथिको लिङ्क खोल्नुहोस्।</p></body></html>"
    );
    (subject, text, html)
}

pub async fn request(state: &AppState, email: &str, meta: &RequestMeta) -> ApiResult<()> {
    if let Some(ip) = meta.ip {
        let key = format!("{}:reset:ip:{ip}", state.config.redis_namespace);
        rate_limit(
            &mut state.redis.clone(),
            &key,
            state.config.password_resets_per_ip_per_hour,
            std::time::Duration::from_secs(3600),
        )
        .await?;
    }
    let Ok(email) = Email::parse(email) else {
        return Ok(()); // answered like an unknown address
    };
    let token = token::generate();
    let link = format!(
        "{}/#reset={token}",
        state.config.public_base_url.trim_end_matches('/')
    );
    let hash = TokenHash::of(&token);
    store::request_reset(
        &state.system,
        &email,
        &hash,
        RESET_MINUTES,
        email_texts(&link),
    )
    .await
}

pub async fn complete(state: &AppState, token: &str, password: String) -> ApiResult<()> {
    let hash = TokenHash::of(token);
    let invalid =
        || ApiError::unprocessable("the reset link is invalid, used or expired; ask for a new one");
    let email = store::reset_email(&state.system, &hash).await?;
    let email = Email::parse(&email.ok_or_else(invalid)?)?;
    let password: SecretString = new_password(password, &email)?;
    let password_hash = state.hasher.hash(&password).await?;
    let done = store::complete_reset(&state.system, &hash, password_hash).await?;
    if done { Ok(()) } else { Err(invalid()) }
}
