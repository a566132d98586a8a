//! The web app at `/`: the files `npm run build` writes to `web/dist` (`WEB_DIR`), served from
//! that directory. Hashed assets (`/assets/…`) are cached for a year; every other path that is
//! not the server's own (the API, FHIR, docs, probes) answers the app's `index.html`, uncached,
//! so a deep link or a reload opens the right page. Without a built app, `/` answers a page
//! that says how to build it.

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

    /// The answer to `GET path` for an app path.
    pub async fn answer(&self, path: &str) -> Response {
        let Some(dir) = &self.dir else {
            return not_built();
        };
        if path.starts_with("/assets/") {
            return match asset(dir, path.trim_start_matches('/')).await {
                Some((bytes, content_type)) => Response::builder()
                    .content_type(content_type)
                    .header("cache-control", "public, max-age=31536000, immutable")
                    .body(bytes),
                None => Response::builder()
                    .status(StatusCode::NOT_FOUND)
                    .content_type("text/plain; charset=utf-8")
                    .body("no such file"),
            };
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

/// A file directly under `dir` (or under its `assets/`), never outside it.
async fn asset(dir: &Path, name: &str) -> Option<(Vec<u8>, &'static str)> {
    let safe = !name.is_empty()
        && name
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'));
    if !safe {
        return None;
    }
    let real = tokio::fs::canonicalize(dir.join(name)).await.ok()?;
    if !real.starts_with(dir) || !real.is_file() {
        return None;
    }
    let bytes = tokio::fs::read(&real).await.ok()?;
    Some((bytes, content_type(&real)))
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
        let js = web.answer("/assets/app-1.js").await;
        assert_eq!(js.status(), StatusCode::OK);
        assert!(
            js.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        assert_eq!(js.content_type(), Some("text/javascript; charset=utf-8"));
        for page in ["/", "/appointments/42", "/sign-in"] {
            let r = web.answer(page).await;
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
                web.answer(escape).await.status(),
                StatusCode::NOT_FOUND,
                "{escape}"
            );
        }
        let outside = web.answer("/../secret.txt").await;
        assert_eq!(
            outside.into_body().into_string().await.unwrap(),
            "<!doctype html><title>app</title>"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
