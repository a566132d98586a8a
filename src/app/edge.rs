//! Rules every request meets before any handler sees it, and the headers every answer carries.
//!
//! - **Text**: PostgreSQL cannot store a NUL character, so a NUL anywhere in a JSON body, a
//!   query parameter or the path is refused here with 422 naming the field ([`nul_field`]).
//!   Multipart text fields go through [`check_text`], the same rule. A field the spec says is
//!   text must come as a JSON string (400 otherwise), not as `false` or `12`.
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
    let csp = if super::web::is_app_path(path) {
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

/// What the spec says of each path: the methods it answers (for `Allow` on 405) and the JSON
/// body each method takes (for [`Routes::check_json`]).
#[derive(Default)]
pub struct Routes {
    routes: Vec<Route>,
    /// The spec's `components.schemas`, which request bodies refer to.
    schemas: Value,
}

struct Route {
    /// The spec's path (`/api/v1/patients/{id}`).
    template: String,
    pattern: Vec<Option<String>>,
    allow: String,
    /// (METHOD, the schema of its `application/json` body).
    bodies: Vec<(String, Value)>,
}

impl Routes {
    /// From the spec's `paths` (`/api/v1/patients/{id}`: `{…}` matches any one segment) plus
    /// the operations endpoints.
    pub fn from_spec(spec: &Value) -> Self {
        let mut routes = Vec::new();
        for (path, ops) in spec["paths"].as_object().into_iter().flatten() {
            let ops = ops.as_object().cloned().unwrap_or_default();
            let mut methods: Vec<String> = ops.keys().map(|m| m.to_ascii_uppercase()).collect();
            if methods.iter().any(|m| m == "GET") {
                methods.push("HEAD".into());
            }
            let bodies = ops
                .iter()
                .filter_map(|(m, op)| {
                    // poem-openapi writes `application/json; charset=utf-8`.
                    let (_, media) = op["requestBody"]["content"]
                        .as_object()?
                        .iter()
                        .find(|(ct, _)| ct.starts_with("application/json"))?;
                    Some((m.to_ascii_uppercase(), media["schema"].clone()))
                })
                .collect();
            routes.push(Route {
                template: path.clone(),
                pattern: segments(path),
                allow: methods.join(", "),
                bodies,
            });
        }
        for p in [
            "/healthz",
            "/readyz",
            "/metrics",
            "/openapi.json",
            "/api/v1/ws",
        ] {
            routes.push(Route {
                template: p.into(),
                pattern: segments(p),
                allow: "GET, HEAD".into(),
                bodies: vec![],
            });
        }
        Self {
            routes,
            schemas: spec["components"]["schemas"].clone(),
        }
    }

    fn find(&self, path: &str) -> Option<&Route> {
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        self.routes.iter().find(|r| {
            r.pattern.len() == parts.len()
                && r.pattern
                    .iter()
                    .zip(&parts)
                    .all(|(p, s)| p.as_deref().is_none_or(|p| p == *s))
        })
    }

    /// The spec's path for the pattern the router matched (poem-openapi's `/a/:param0` is the
    /// spec's `/a/{id}`), for metrics and logs: the pattern's parameters line up with the spec's.
    pub fn template<'a>(&'a self, matched: &'a str) -> &'a str {
        let parts: Vec<&str> = matched.split('/').collect();
        self.routes
            .iter()
            .find(|r| {
                r.pattern.len() == parts.len()
                    && r.pattern.iter().zip(&parts).all(|(p, s)| match p {
                        None => s.starts_with(':'),
                        Some(lit) => lit == s,
                    })
            })
            .map_or(matched, |r| r.template.as_str())
    }

    /// The `Allow` value for `path`, if some route matches it.
    pub fn allow(&self, path: &str) -> Option<&str> {
        self.find(path).map(|r| r.allow.as_str())
    }

    /// Checks a JSON body: no NUL in any text (422), and text fields given as JSON strings
    /// (400): the payload parser would otherwise take `false` or `12` for the text "false" or
    /// "12". JSON can carry a NUL only as the escape `\u0000`, so a body whose operation takes
    /// no text and that has no such escape is not parsed here at all.
    pub fn check_json(&self, path: &str, method: &str, body: &[u8]) -> ApiResult<()> {
        let schema = self
            .find(path)
            .and_then(|r| r.bodies.iter().find(|(m, _)| m == method))
            .map(|(_, s)| s);
        let may_hold_nul = body.windows(5).any(|w| w == b"u0000");
        if schema.is_none() && !may_hold_nul {
            return Ok(());
        }
        // Malformed JSON is the payload parser's to report (400).
        let Ok(doc) = serde_json::from_slice::<Value>(body) else {
            return Ok(());
        };
        if let Some(field) = may_hold_nul.then(|| nul_field(&doc)).flatten() {
            return Err(nul_error(&field));
        }
        // An optional body is sent or left out; a JSON `null` in its place is neither.
        if doc.is_null() && schema.is_some_and(|s| s["nullable"] != true) {
            return Err(ApiError::BadRequest(
                "the body is a JSON object, or no body at all; not null".into(),
            ));
        }
        if let Some(field) = schema.and_then(|s| self.not_text(s, &doc, "")) {
            let name: String = field.chars().take(100).collect();
            return Err(ApiError::BadRequest(format!(
                "{name} must be a JSON string"
            )));
        }
        Ok(())
    }

    /// The first field that the schema says is text but the document gives as another type.
    fn not_text(&self, schema: &Value, v: &Value, at: &str) -> Option<String> {
        let schema = match schema["$ref"].as_str() {
            Some(r) => &self.schemas[r.trim_start_matches("#/components/schemas/")],
            None => schema,
        };
        if let Some(all) = schema["allOf"].as_array() {
            return all.iter().find_map(|s| self.not_text(s, v, at));
        }
        let name = |k: &str| {
            if at.is_empty() {
                k.to_string()
            } else {
                format!("{at}.{k}")
            }
        };
        match schema["type"].as_str() {
            // Raw bytes taken unparsed (a signed webhook), whatever JSON they hold.
            Some("string") if schema["format"] == "binary" => None,
            Some("string") if !v.is_string() && !v.is_null() => Some(if at.is_empty() {
                "body".into()
            } else {
                at.into()
            }),
            Some("object") => v.as_object()?.iter().find_map(|(k, x)| {
                let p = &schema["properties"][k];
                (!p.is_null())
                    .then(|| self.not_text(p, x, &name(k)))
                    .flatten()
            }),
            Some("array") => v
                .as_array()?
                .iter()
                .enumerate()
                .find_map(|(i, x)| self.not_text(&schema["items"], x, &format!("{at}[{i}]"))),
            _ => None,
        }
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
        let r = Routes::default();
        assert!(
            r.check_json("/x", "POST", br#"{"note": "a\u0000b"}"#)
                .is_err()
        );
        // An escaped backslash followed by "u0000" is text, not a NUL.
        assert!(
            r.check_json("/x", "POST", br#"{"note": "a\\u0000b"}"#)
                .is_ok()
        );
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

    #[test]
    fn text_fields_take_json_strings_only() {
        let spec = serde_json::json!({
            "paths": {"/p": {"post": {"requestBody": {"content": {"application/json; charset=utf-8": {
                "schema": {"$ref": "#/components/schemas/P"}}}}}}},
            "components": {"schemas": {
                "P": {"type": "object", "properties": {
                    "name": {"type": "string"},
                    "age": {"type": "integer"},
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/I"}}}},
                "I": {"type": "object", "properties": {"drug": {"type": "string", "nullable": true}}}}},
        });
        let r = Routes::from_spec(&spec);
        let check = |body: &str| r.check_json("/p", "POST", body.as_bytes());
        assert!(check(r#"{"name": "x", "age": 3, "items": [{"drug": null}]}"#).is_ok());
        let err = |body: &str| match check(body) {
            Err(ApiError::BadRequest(d)) => d,
            other => panic!("{body}: {other:?}"),
        };
        assert_eq!(err(r#"{"name": false}"#), "name must be a JSON string");
        assert_eq!(
            err(r#"{"items": [{"drug": "a"}, {"drug": 12}]}"#),
            "items[1].drug must be a JSON string"
        );
        let raw = Routes::from_spec(&serde_json::json!({"paths": {"/w": {"post": {"requestBody":
            {"content": {"application/json": {"schema": {"type": "string", "format": "binary"}}}}}}}}));
        assert!(raw.check_json("/w", "POST", br#"{"id": 1}"#).is_ok());
        // Another method or path takes nothing here.
        assert!(r.check_json("/p", "PUT", br#"{"name": false}"#).is_ok());
    }
}
