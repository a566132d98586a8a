//! Around every request: a request id, the client address, a body size limit, the edge rules
//! of [`edge`](super::edge), one log line (no PHI: route pattern, status, timing, ids), the
//! security headers, and the metrics.

use std::{net::IpAddr, sync::Arc, time::Instant};

use poem::{
    Endpoint, IntoResponse, Middleware, PathPattern, Request, Response, Result, http::StatusCode,
    web::RemoteAddr,
};
use tracing::Instrument;

use crate::{
    app::{edge, metrics::Metrics, web::WebApp},
    db::RequestMeta,
    error::{ApiError, problem_response},
};

pub struct Observe {
    pub metrics: Arc<Metrics>,
    pub trust_forwarded_for: bool,
    pub max_body_bytes: usize,
    /// Document uploads may be this large (plus multipart framing).
    pub max_upload_bytes: u64,
    /// Paths and their methods, for `Allow` on 405.
    pub routes: Arc<edge::Routes>,
    /// `PUBLIC_BASE_URL` is https: answers carry HSTS.
    pub https: bool,
    /// The web app, for every path the server does not own.
    pub web: Arc<WebApp>,
}

impl<E: Endpoint> Middleware<E> for Observe {
    type Output = ObserveEndpoint<E>;
    fn transform(&self, inner: E) -> Self::Output {
        ObserveEndpoint {
            inner,
            metrics: self.metrics.clone(),
            trust_forwarded_for: self.trust_forwarded_for,
            max_body_bytes: self.max_body_bytes,
            max_upload_bytes: self.max_upload_bytes,
            routes: self.routes.clone(),
            https: self.https,
            web: self.web.clone(),
        }
    }
}

pub struct ObserveEndpoint<E> {
    inner: E,
    metrics: Arc<Metrics>,
    trust_forwarded_for: bool,
    max_body_bytes: usize,
    max_upload_bytes: u64,
    routes: Arc<edge::Routes>,
    https: bool,
    web: Arc<WebApp>,
}

/// Multipart framing around an uploaded file: boundaries, headers, the title and kind fields.
const MULTIPART_SLACK: u64 = 64 * 1024;

fn is_upload(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == poem::http::Method::POST
        && path.starts_with("/api/v1/patients/")
        && path.ends_with("/documents")
}

fn client_ip(req: &Request, trust_forwarded_for: bool) -> Option<IpAddr> {
    if trust_forwarded_for
        && let Some(ip) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return Some(ip);
    }
    match req.remote_addr() {
        RemoteAddr(poem::Addr::SocketAddr(a)) => Some(a.ip()),
        _ => None,
    }
}

/// The client's own `X-Request-Id`, when it is a short token; kept beside ours, never as ours.
fn client_request_id(req: &Request) -> Option<String> {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .map(str::to_owned)
}

/// Under `/fhir/R4` a problem answer becomes the `OperationOutcome` FHIR clients expect.
async fn fhir_outcome(mut resp: Response) -> Response {
    let is_problem = resp
        .headers()
        .get(poem::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !is_problem {
        return resp;
    }
    let status = resp.status();
    let body = resp.take_body().into_bytes().await.unwrap_or_default();
    let detail = serde_json::from_slice::<crate::error::Problem>(&body)
        .map(|p| p.detail)
        .unwrap_or_default();
    let outcome = crate::fhir::operation_outcome(status.as_u16(), &detail);
    resp.set_body(serde_json::to_vec(&outcome).unwrap_or_default());
    resp.headers_mut().insert(
        poem::http::header::CONTENT_TYPE,
        poem::http::HeaderValue::from_static("application/fhir+json"),
    );
    resp.headers_mut()
        .remove(poem::http::header::CONTENT_LENGTH);
    resp
}

/// The edge rules of [`edge`]: a bodyless write reads as JSON `null`; NUL characters in the
/// path, the query or a JSON body answer 422; text given as another JSON type answers 400. A
/// JSON body is read here (within the size limit checked before) and handed on unchanged.
async fn admit(req: &mut Request, routes: &edge::Routes) -> Result<(), ApiError> {
    if edge::bodyless(req.headers(), req.method()) {
        req.headers_mut().insert(
            poem::http::header::CONTENT_TYPE,
            poem::http::HeaderValue::from_static("application/json"),
        );
    }
    edge::check_uri(req.uri())?;
    if edge::is_json(req.headers()) {
        let body = req
            .take_body()
            .into_bytes()
            .await
            .map_err(|_| ApiError::BadRequest("the request body could not be read".into()))?;
        let checked = routes.check_json(req.uri().path(), req.method().as_str(), &body);
        req.set_body(body);
        checked?;
    }
    Ok(())
}

impl<E: Endpoint> ObserveEndpoint<E> {
    /// 413 when the declared body is over the limit, 411 when no length is declared.
    fn size_refusal(&self, req: &Request) -> Option<Response> {
        let length = req.headers().get("content-length");
        let too_large = length
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
            .is_some_and(|n| {
                if is_upload(req) {
                    n as u64 > self.max_upload_bytes + MULTIPART_SLACK
                } else {
                    n > self.max_body_bytes
                }
            });
        if too_large {
            return Some(problem_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is larger than allowed",
            ));
        }
        let chunked = length.is_none() && req.headers().get("transfer-encoding").is_some();
        chunked.then(|| {
            problem_response(
                StatusCode::LENGTH_REQUIRED,
                "a Content-Length header is required",
            )
        })
    }

    /// The answer: the web app (any path the server does not own), a refusal at the edge, or
    /// the API's.
    async fn answer(&self, mut req: Request, span: &tracing::Span) -> Response {
        let path = req.uri().path();
        if matches!(
            *req.method(),
            poem::http::Method::GET | poem::http::Method::HEAD
        ) && crate::app::web::is_app_path(path)
        {
            let gzip = crate::app::web::accepts_gzip(req.headers());
            let mut r = self.web.answer(path, gzip).await;
            // One route label for the whole app in the metrics.
            r.set_data(PathPattern("/".into()));
            return r;
        }
        if let Some(refusal) = self.size_refusal(&req) {
            return refusal;
        }
        if let Err(e) = admit(&mut req, &self.routes).await {
            return poem::error::ResponseError::as_response(&e);
        }
        match self.inner.call(req).instrument(span.clone()).await {
            Ok(r) => r.into_response(),
            Err(e) => {
                let pattern = e.data::<PathPattern>().cloned();
                let mut r = crate::error::catch_all(e).await;
                if let Some(p) = pattern {
                    r.set_data(p);
                }
                r
            }
        }
    }

    /// What every answer carries: `Allow` on a 405, the security headers, our request id.
    fn finish(&self, mut resp: Response, path: &str, request_id: &str) -> Response {
        if resp.status() == StatusCode::METHOD_NOT_ALLOWED
            && let Some(allow) = self.routes.allow(path)
            && let Ok(v) = allow.parse()
        {
            resp.headers_mut().insert(poem::http::header::ALLOW, v);
        }
        edge::secure(resp.headers_mut(), path, self.https);
        resp.headers_mut()
            .insert("x-request-id", request_id.parse().expect("ascii"));
        resp
    }
}

impl<E: Endpoint> Endpoint for ObserveEndpoint<E> {
    type Output = Response;

    async fn call(&self, mut req: Request) -> Result<Self::Output> {
        let start = Instant::now();
        let _in_flight = self.metrics.begin();
        let meta = RequestMeta {
            request_id: uuid::Uuid::now_v7().to_string(),
            client_request_id: client_request_id(&req),
            ip: client_ip(&req, self.trust_forwarded_for),
        };
        let method = req.method().to_string();
        let path = req.uri().path().to_string();
        let span = tracing::info_span!(
            "request",
            request_id = %meta.request_id,
            client_request_id = meta.client_request_id.as_deref().unwrap_or(""),
            method = %method,
            hospital_id = tracing::field::Empty
        );
        let rid = meta.request_id.clone();
        req.set_data(meta);
        let mut resp = self.answer(req, &span).await;
        if path.starts_with("/fhir/") {
            resp = fhir_outcome(resp).await;
        }
        let route = resp.data::<PathPattern>().map_or_else(
            || "unmatched".to_string(),
            |p| self.routes.template(&p.0).to_string(),
        );
        let status = resp.status().as_u16();
        let elapsed = start.elapsed();
        self.metrics.observe(&method, &route, status, elapsed);
        span.in_scope(|| {
            tracing::info!(route = %route, status, elapsed_ms = elapsed.as_secs_f64() * 1000.0, "request")
        });
        Ok(self.finish(resp, &path, &rid))
    }
}
