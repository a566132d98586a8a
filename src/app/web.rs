//! The web app at `/`: the files `npm run build` writes to `web/dist` (`WEB_DIR`), served from
//! that directory. Hashed assets (`/assets/…`) are cached for a year, and go gzip-compressed to
//! a browser that takes it when the build left a `.gz` beside them (scripts/web.sh does: a weak
//! mobile link then carries a third of the bytes, compressed once rather than per request);
//! every other path that is not the server's own (the API, FHIR, docs, probes) answers the
//! app's `index.html`, uncached, so a deep link or a reload opens the right page. Without a
//! built app, `/` answers a page that says how to build it.

use std::path::{Path, PathBuf};

use poem::{Response, http::StatusCode};

/// Paths the server answers itself; everything else belongs to the web app.
const SERVER_PREFIXES: &[&str] = &["/api/", "/fhir/", "/docs"];
const SERVER_PATHS: &[&str] = &[
    "/api",
    "/fhir",
    "/openapi.json",
    "/healthz",
    "/readyz",
    "/metrics",
];

/// Whether `path` is one of the web app's (a page or one of its files).
pub fn is_app_path(path: &str) -> bool {
    !SERVER_PATHS.contains(&path) && !SERVER_PREFIXES.iter().any(|p| path.starts_with(p))
}

/// The built web app, when there is one.
#[derive(Clone, Debug)]
pub struct WebApp {
    dir: Option<PathBuf>,
}

impl WebApp {
    /// The app in `dir` when `dir/index.html` exists.
    pub fn open(dir: &Path) -> Self {
        let dir = dir
            .join("index.html")
            .is_file()
            .then(|| dir.canonicalize().ok())
            .flatten();
        if dir.is_none() {
            tracing::warn!(
                dir = %dir.as_deref().unwrap_or(Path::new("")).display(),
                "the web app is not built (cd web && npm ci && npm run build); / says so"
            );
        }
        Self { dir }
    }

    /// The answer to `GET path` for an app path; `gzip` when the browser accepts it.
    pub async fn answer(&self, path: &str, gzip: bool) -> Response {
        let Some(dir) = &self.dir else {
            return not_built();
        };
        if path.starts_with("/assets/") {
            let name = path.trim_start_matches('/');
            let compressed = if gzip {
                asset(dir, &format!("{name}.gz")).await
            } else {
                None
            };
            let (file, encoding) = match compressed {
                Some((bytes, _)) => (
                    asset_type(dir, name).await.map(|t| (bytes, t)),
                    Some("gzip"),
                ),
                None => (asset(dir, name).await, None),
            };
            let Some((bytes, content_type)) = file else {
                return Response::builder()
                    .status(StatusCode::NOT_FOUND)
                    .content_type("text/plain; charset=utf-8")
                    .body("no such file");
            };
            let mut r = Response::builder()
                .content_type(content_type)
                .header("cache-control", "public, max-age=31536000, immutable")
                .header("vary", "accept-encoding");
            if let Some(encoding) = encoding {
                r = r.header("content-encoding", encoding);
            }
            return r.body(bytes);
        }
        // A file at the top of the build (favicon, fonts named by the app) or else the app.
        if let Some((bytes, content_type)) = asset(dir, path.trim_start_matches('/')).await {
            return Response::builder()
                .content_type(content_type)
                .header("cache-control", "public, max-age=3600")
                .body(bytes);
        }
        match tokio::fs::read(dir.join("index.html")).await {
            Ok(html) => Response::builder()
                .content_type("text/html; charset=utf-8")
                .header("cache-control", "no-cache")
                .body(html),
            Err(_) => not_built(),
        }
    }
}

/// Whether an `Accept-Encoding` header takes gzip (and does not refuse it with `q=0`).
pub fn accepts_gzip(headers: &poem::http::HeaderMap) -> bool {
    headers
        .get_all(poem::http::header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// The path of a file directly under `dir` (or under its `assets/`), never outside it.
async fn inside(dir: &Path, name: &str) -> Option<PathBuf> {
    let safe = !name.is_empty()
        && name
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'));
    if !safe {
        return None;
    }
    let real = tokio::fs::canonicalize(dir.join(name)).await.ok()?;
    (real.starts_with(dir) && real.is_file()).then_some(real)
}

/// A file of the build and its content type.
async fn asset(dir: &Path, name: &str) -> Option<(Vec<u8>, &'static str)> {
    let real = inside(dir, name).await?;
    let bytes = tokio::fs::read(&real).await.ok()?;
    Some((bytes, content_type(&real)))
}

/// The content type of a file of the build that exists (for its compressed copy's answer).
async fn asset_type(dir: &Path, name: &str) -> Option<&'static str> {
    inside(dir, name).await.map(|real| content_type(&real))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "webmanifest" => "application/json",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn not_built() -> Response {
    Response::builder()
        .content_type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .body(include_str!("../../web/not-built.html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_keeps_its_own_paths_and_the_app_gets_the_rest() {
        for own in [
            "/api/v1/auth/me",
            "/fhir/R4/Patient/x",
            "/docs",
            "/docs/x",
            "/healthz",
            "/readyz",
            "/metrics",
            "/openapi.json",
            "/api",
        ] {
            assert!(!is_app_path(own), "{own}");
        }
        for app in [
            "/",
            "/sign-in",
            "/appointments/123",
            "/assets/index-abc.js",
            "/apis",
        ] {
            assert!(is_app_path(app), "{app}");
        }
    }

    #[tokio::test]
    async fn files_come_from_the_build_only_and_pages_fall_back_to_the_app() {
        let dir = std::env::temp_dir().join(format!("carebridge-web-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
        std::fs::write(dir.join("assets/app-1.js"), "console.log(1)").unwrap();
        std::fs::write(dir.parent().unwrap().join("secret.txt"), "no").unwrap();
        let web = WebApp::open(&dir);
        let js = web.answer("/assets/app-1.js", false).await;
        assert_eq!(js.status(), StatusCode::OK);
        assert!(
            js.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        assert_eq!(js.content_type(), Some("text/javascript; charset=utf-8"));
        for page in ["/", "/appointments/42", "/sign-in"] {
            let r = web.answer(page, true).await;
            assert_eq!(r.headers()["cache-control"], "no-cache");
            assert_eq!(
                r.into_body().into_string().await.unwrap(),
                "<!doctype html><title>app</title>"
            );
        }
        for escape in [
            "/assets/../../secret.txt",
            "/assets/..%2f..%2fsecret.txt",
            "/assets/nope.js",
        ] {
            assert_eq!(
                web.answer(escape, true).await.status(),
                StatusCode::NOT_FOUND,
                "{escape}"
            );
        }
        let outside = web.answer("/../secret.txt", false).await;
        assert_eq!(
            outside.into_body().into_string().await.unwrap(),
            "<!doctype html><title>app</title>"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_browser_that_takes_gzip_gets_the_builds_compressed_copy() {
        let dir = std::env::temp_dir().join(format!("carebridge-web-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("assets/app-2.js"), "console.log(2)").unwrap();
        std::fs::write(dir.join("assets/app-2.js.gz"), b"\x1f\x8bcompressed").unwrap();
        std::fs::write(dir.join("assets/plain-3.css"), "p{}").unwrap();
        let web = WebApp::open(&dir);
        let gz = web.answer("/assets/app-2.js", true).await;
        assert_eq!(gz.headers()["content-encoding"], "gzip");
        assert_eq!(gz.headers()["vary"], "accept-encoding");
        assert_eq!(gz.content_type(), Some("text/javascript; charset=utf-8"));
        assert_eq!(
            gz.into_body().into_vec().await.unwrap(),
            b"\x1f\x8bcompressed"
        );
        let plain = web.answer("/assets/app-2.js", false).await;
        assert!(plain.headers().get("content-encoding").is_none());
        assert_eq!(
            plain.into_body().into_string().await.unwrap(),
            "console.log(2)"
        );
        // No compressed copy: the file as it is.
        let css = web.answer("/assets/plain-3.css", true).await;
        assert!(css.headers().get("content-encoding").is_none());
        assert_eq!(css.into_body().into_string().await.unwrap(), "p{}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn accept_encoding_is_read_as_browsers_send_it() {
        let takes = |v: &str| {
            let mut h = poem::http::HeaderMap::new();
            h.insert(poem::http::header::ACCEPT_ENCODING, v.parse().unwrap());
            accepts_gzip(&h)
        };
        assert!(takes("gzip, deflate, br, zstd"));
        assert!(takes("br;q=1.0, gzip;q=0.8"));
        assert!(takes("*"));
        assert!(!takes("br"));
        assert!(!takes("gzip;q=0, br"));
        assert!(!takes("identity"));
        assert!(!accepts_gzip(&poem::http::HeaderMap::new()));
    }
}
