//! Rules every request meets before any handler sees it, and the headers every answer carries.
//!
//! - **Text**: PostgreSQL cannot store a NUL character, so a NUL anywhere in a JSON body, a
//!   query parameter or the path is refused here with 422 naming the field ([`nul_field`]).
//!   Multipart text fields go through [`check_text`], the same rule.
//! - **Bodies**: a POST, PUT or PATCH sent without a body and without a `Content-Type` is read
//!   as JSON `null`, so an operation whose body is optional (appointment transitions) accepts it
//!   instead of answering 415.
//! - **Headers**: `nosniff`, no referrer and a restrictive Content-Security-Policy on every
//!   answer (a downloaded document is never rendered as a page of ours); the web app's own
//!   policy on `/`; HSTS when `PUBLIC_BASE_URL` is https; `Allow` on every 405.

use poem::http::{HeaderMap, HeaderValue, Method, header};
use serde_json::Value;

use crate::error::{ApiError, ApiResult};

/// 422 when `value` holds a NUL character: the one rule for all text.
pub fn check_text(field: &str, value: &str) -> ApiResult<()> {
    if value.contains('\0') {
        return Err(nul_error(field));
    }
    Ok(())
}

fn nul_error(field: &str) -> ApiError {
    // The name comes from the request: shown without its NUL, and bounded.
    let name: String = field.replace('\0', "\\u0000").chars().take(100).collect();
    ApiError::unprocessable(format!("{name} must not contain a NUL character (\\u0000)"))
}

/// The first field of a JSON document whose name or text holds a NUL, as `a.b[2].c`.
pub fn nul_field(doc: &Value) -> Option<String> {
    fn walk(v: &Value, at: &str) -> Option<String> {
        match v {
            Value::String(s) if s.contains('\0') => Some(at.to_string()),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, x)| walk(x, &format!("{at}[{i}]"))),
            Value::Object(map) => map.iter().find_map(|(k, x)| {
                let name = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                if k.contains('\0') {
                    Some(name)
                } else {
                    walk(x, &name)
                }
            }),
            _ => None,
        }
    }
    walk(doc, "").map(|f| if f.is_empty() { "body".into() } else { f })
}

/// Checks a JSON body. JSON can carry a NUL only as the escape `\u0000`, so bodies without
/// that text are not parsed here at all.
pub fn check_json_body(body: &[u8]) -> ApiResult<()> {
    if !body.windows(5).any(|w| w == b"u0000") {
        return Ok(());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(doc) => match nul_field(&doc) {
            Some(field) => Err(nul_error(&field)),
            None => Ok(()),
        },
        // Malformed JSON is the payload parser's to report (400).
        Err(_) => Ok(()),
    }
}

/// Checks the decoded path and query parameters.
pub fn check_uri(uri: &poem::http::Uri) -> ApiResult<()> {
    if uri.path().contains("%00") {
        return Err(nul_error("the path"));
    }
    if let Some(q) = uri.query() {
        for (k, v) in form_urlencoded_pairs(q) {
            if k.contains('\0') || v.contains('\0') {
                return Err(nul_error(&k));
            }
        }
    }
    Ok(())
}

fn form_urlencoded_pairs(q: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(&format!("http://x/?{q}"))
        .map(|u| u.query_pairs().into_owned().collect())
        .unwrap_or_default()
}

/// Whether a request has no body to parse at all.
pub fn bodyless(headers: &HeaderMap, method: &Method) -> bool {
    matches!(*method, Method::POST | Method::PUT | Method::PATCH)
        && headers.get(header::CONTENT_TYPE).is_none()
        && headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_none_or(|v| v.trim() == "0")
        && headers.get(header::TRANSFER_ENCODING).is_none()
}

pub fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("json"))
}

/// The web app's policy: its own scripts, styles and connections only, never framed.
const APP_CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
    frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/// The interactive API docs need Swagger UI's inline script and styles.
const DOCS_CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
/// Everything else is data: nothing in it may run, load or be framed.
const DATA_CSP: &str = "default-src 'none'; frame-ancestors 'none'; sandbox";

/// Adds the security headers every answer carries.
pub fn secure(headers: &mut HeaderMap, path: &str, https: bool) {
    let csp = if path == "/" {
        APP_CSP
    } else if path == "/docs" || path.starts_with("/docs/") {
        DOCS_CSP
    } else {
        DATA_CSP
    };
    let mut set = |name: &'static str, value: &'static str| {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    };
    set("x-content-type-options", "nosniff");
    set("referrer-policy", "no-referrer");
    set("x-frame-options", "DENY");
    set("content-security-policy", csp);
    if https {
        set(
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        );
    }
}

/// The methods each path of the API answers, read from the OpenAPI spec, for `Allow` on 405.
#[derive(Default)]
pub struct Routes(Vec<(Vec<Option<String>>, String)>);

impl Routes {
    /// From the spec's `paths` (`/api/v1/patients/{id}`: `{…}` matches any one segment) plus
    /// the operations endpoints.
    pub fn from_spec(spec: &Value) -> Self {
        let mut routes = Vec::new();
        if let Some(paths) = spec.get("paths").and_then(Value::as_object) {
            for (path, ops) in paths {
                let mut methods: Vec<String> = ops
                    .as_object()
                    .map(|o| o.keys().map(|m| m.to_ascii_uppercase()).collect())
                    .unwrap_or_default();
                if methods.iter().any(|m| m == "GET") {
                    methods.push("HEAD".into());
                }
                routes.push((segments(path), methods.join(", ")));
            }
        }
        for p in ["/healthz", "/readyz", "/metrics", "/openapi.json"] {
            routes.push((segments(p), "GET, HEAD".into()));
        }
        Self(routes)
    }

    /// The `Allow` value for `path`, if some route matches it.
    pub fn allow(&self, path: &str) -> Option<&str> {
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        self.0
            .iter()
            .find(|(pattern, _)| {
                pattern.len() == parts.len()
                    && pattern
                        .iter()
                        .zip(&parts)
                        .all(|(p, s)| p.as_deref().is_none_or(|p| p == *s))
            })
            .map(|(_, m)| m.as_str())
    }
}

fn segments(path: &str) -> Vec<Option<String>> {
    path.trim_end_matches('/')
        .split('/')
        .map(|s| (!s.starts_with('{')).then(|| s.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_is_found_and_named_wherever_it_sits_in_a_json_body() {
        let doc = serde_json::json!({"a": "ok", "items": [{"drug": "x"}, {"drug": "y\u{0}"}]});
        assert_eq!(nul_field(&doc).as_deref(), Some("items[1].drug"));
        assert_eq!(
            nul_field(&serde_json::json!({"a\u{0}": 1})).as_deref(),
            Some("a\u{0}")
        );
        assert_eq!(
            nul_field(&serde_json::json!("\u{0}")).as_deref(),
            Some("body")
        );
        assert_eq!(
            nul_field(&serde_json::json!({"a": ["fine", 1, null]})),
            None
        );
        assert!(check_json_body(br#"{"note": "a\u0000b"}"#).is_err());
        // An escaped backslash followed by "u0000" is text, not a NUL.
        assert!(check_json_body(br#"{"note": "a\\u0000b"}"#).is_ok());
    }

    #[test]
    fn allow_lists_the_methods_of_the_matching_path_template() {
        let spec = serde_json::json!({"paths": {
            "/api/v1/patients/{id}": {"get": {}, "patch": {}},
            "/api/v1/patients": {"post": {}},
        }});
        let r = Routes::from_spec(&spec);
        assert_eq!(r.allow("/api/v1/patients/123"), Some("GET, PATCH, HEAD"));
        assert_eq!(r.allow("/api/v1/patients"), Some("POST"));
        assert_eq!(r.allow("/api/v1/nothing"), None);
        assert_eq!(r.allow("/healthz"), Some("GET, HEAD"));
    }
}
