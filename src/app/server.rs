//! Building and running the HTTP server.

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use poem::{
    EndpointExt, Route, Server,
    listener::{Acceptor, Listener, TcpAcceptor, TcpListener},
};
use poem_openapi::{OpenApiService, Tags};

use crate::{
    analytics::api::AnalyticsApi,
    app::{AppState, Config, metrics::Metrics, middleware::Observe, ops},
    audit::AuditWriter,
    audit::api::AuditApi,
    auth::{api::AuthApi, authz::Authz, password::Hasher},
    fhir::api::FhirApi,
    inference::api::InferenceApi,
    notifications::api::NotificationsApi,
    payments::api::PaymentsApi,
    prescriptions::api::PrescriptionsApi,
    realtime::api::RealtimeApi,
    records::{
        consent::api::ConsentApi, documents::api::RecordsApi, notes::api::NotesApi,
        vitals::api::VitalsApi,
    },
    scheduling::{api::SchedulingApi, ratings::api::RatingsApi},
    specialty::api::SpecialtyApi,
    tenancy::{
        hospitals::api::HospitalsApi, members::api::MembersApi, roles::api::RolesApi,
        staff::api::StaffApi,
    },
};

#[derive(Tags)]
pub enum Tag {
    /// Sign-in, sessions, self-registration.
    Auth,
    /// Tenants (super admin).
    Hospitals,
    /// Doctors, patients, care teams, staff, custom roles.
    Staff,
    /// The audit trail and patients' access logs.
    Audit,
    /// Availability, slots, appointments, notifications.
    Scheduling,
    /// Paying for appointments (Khalti, Stripe).
    Payments,
    /// Documents, encounters, notes, prescriptions, consent and break-glass.
    Records,
    /// A read-only FHIR R4 view (application/fhir+json).
    Fhir,
    /// AI assistance: the inference queue, results, the model registry and specialty
    /// suggestions.
    Inference,
    /// Chat, the video call and the WebSocket's tickets.
    Realtime,
    /// Hospital and platform figures.
    Analytics,
}

/// poem-openapi takes at most 16 APIs in a tuple: the clinical ones are nested in one.
pub type Apis = (
    AuthApi,
    HospitalsApi,
    StaffApi,
    MembersApi,
    RolesApi,
    AuditApi,
    SchedulingApi,
    RatingsApi,
    NotificationsApi,
    PaymentsApi,
    (
        RecordsApi,
        NotesApi,
        VitalsApi,
        ConsentApi,
        PrescriptionsApi,
    ),
    FhirApi,
    // poem-openapi implements OpenApi for tuples of up to 16: AI assistance's two go as one.
    (InferenceApi, SpecialtyApi),
    RealtimeApi,
    AnalyticsApi,
);

fn apis() -> Apis {
    (
        AuthApi,
        HospitalsApi,
        StaffApi,
        MembersApi,
        RolesApi,
        AuditApi,
        SchedulingApi,
        RatingsApi,
        NotificationsApi,
        PaymentsApi,
        (
            RecordsApi,
            NotesApi,
            VitalsApi,
            ConsentApi,
            PrescriptionsApi,
        ),
        FhirApi,
        (InferenceApi, SpecialtyApi),
        RealtimeApi,
        AnalyticsApi,
    )
}

/// The OpenAPI service (handlers reach the state through request data).
pub fn openapi_service() -> OpenApiService<Apis, ()> {
    OpenApiService::new(apis(), "carebridge", env!("CARGO_PKG_VERSION")).description(
        "Multi-tenant telemedicine platform. Errors are application/problem+json (RFC 9457).",
    )
}

/// The spec as served at `/openapi.json` and committed in `openapi/openapi.json`: what
/// poem-openapi derives from the code, plus two facts its derives cannot state:
/// - every object a request body carries refuses unknown fields (`deny_unknown_fields` on
///   each), so its schema says `additionalProperties: false`; every answered property is
///   always sent, so answers' schemas require them all;
/// - JSON bodies are `application/json`;
/// - a document's content is served with the type it was uploaded as (`*/*`);
/// - dates are OpenAPI's standard `date` format, unsigned integers say `minimum: 0`, a
///   nullable reference is `allOf: [ref]` with `nullable: true`;
/// - the main flows carry request and answer examples, kept in `openapi/examples.json`.
pub fn spec() -> String {
    let mut spec: serde_json::Value =
        serde_json::from_str(&openapi_service().spec()).expect("poem-openapi writes JSON");
    close_request_objects(&mut spec);
    standard_formats(&mut spec);
    plain_json_media_type(&mut spec["paths"]);
    add_examples(&mut spec);
    if let Some(ok) = spec
        .pointer_mut("/paths/~1api~1v1~1documents~1{id}~1content/get/responses/200/content")
        .and_then(serde_json::Value::as_object_mut)
        && let Some(binary) = ok.remove("application/octet-stream")
    {
        ok.insert("*/*".into(), binary);
    }
    serde_json::to_string_pretty(&spec).expect("JSON")
}

/// Puts each example of `openapi/examples.json` (by operation id: `request`, and `responses` by
/// status) on its operation's JSON body.
fn add_examples(spec: &mut serde_json::Value) {
    let examples: serde_json::Value =
        serde_json::from_str(include_str!("../../openapi/examples.json")).expect("examples.json");
    let json_body = |content: Option<&mut serde_json::Value>, example: &serde_json::Value| {
        let media_types = content.and_then(|c| c.as_object_mut());
        for (ct, media) in media_types.into_iter().flatten() {
            if ct.starts_with("application/json") {
                media["example"] = example.clone();
            }
        }
    };
    for op in spec["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|p| p.values_mut())
        .flat_map(|p| p.as_object_mut().into_iter().flat_map(|o| o.values_mut()))
    {
        let Some(ex) = op["operationId"].as_str().and_then(|id| examples.get(id)) else {
            continue;
        };
        if let Some(request) = ex.get("request") {
            json_body(op.pointer_mut("/requestBody/content"), request);
        }
        for (status, answer) in ex["responses"].as_object().into_iter().flatten() {
            json_body(
                op.pointer_mut(&format!("/responses/{status}/content")),
                answer,
            );
        }
    }
}

/// poem-openapi names chrono's `NaiveDate` format `naive-date`; what it parses is RFC 3339's
/// `full-date`, which OpenAPI calls `date`. Its unsigned integer formats (`uint32`, …) are
/// not OpenAPI's, so the schema also says what they mean: `minimum: 0`.
fn standard_formats(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            match m.get("format").and_then(|f| f.as_str()) {
                Some("naive-date") => {
                    m.insert("format".into(), "date".into());
                }
                Some(f) if f.starts_with("uint") && !m.contains_key("minimum") => {
                    m.insert("minimum".into(), 0.into());
                }
                _ => {}
            }
            // A nullable reference comes out as `allOf: [ref, {nullable: true}]` beside
            // `nullable: true`; the second member says nothing and trips SDK generators.
            if let Some(all) = m.get_mut("allOf").and_then(|a| a.as_array_mut()) {
                all.retain(|s| *s != serde_json::json!({"nullable": true}));
            }
            m.values_mut().for_each(standard_formats);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(standard_formats),
        _ => {}
    }
}

/// Sets `additionalProperties: false` on every component schema a request body reaches; every
/// other object schema is only ever answered, and an answer carries each of its properties
/// (null when empty), so they are all `required`.
fn close_request_objects(spec: &mut serde_json::Value) {
    fn refs(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(|r| r.as_str()) {
                    out.push(r.trim_start_matches("#/components/schemas/").to_string());
                }
                m.values().for_each(|x| refs(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut todo = Vec::new();
    for op in spec["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|p| p.values_mut())
    {
        for body in op.as_object_mut().into_iter().flat_map(|o| o.values_mut()) {
            refs(&body["requestBody"], &mut todo);
            // An inline form (the document upload) refuses unknown fields too.
            let media = body
                .pointer_mut("/requestBody/content")
                .and_then(|c| c.as_object_mut());
            for media in media.into_iter().flat_map(|c| c.values_mut()) {
                if media["schema"]["type"] == "object" {
                    media["schema"]["additionalProperties"] = serde_json::Value::Bool(false);
                }
            }
        }
    }
    let mut done = std::collections::BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !done.insert(name.clone()) {
            continue;
        }
        let schema = &mut spec["components"]["schemas"][&name];
        if schema["type"] == "object" {
            schema["additionalProperties"] = serde_json::Value::Bool(false);
        }
        refs(schema, &mut todo);
    }
    for (name, schema) in spec["components"]["schemas"]
        .as_object_mut()
        .into_iter()
        .flatten()
    {
        if done.contains(name) || schema["type"] != "object" {
            continue;
        }
        let all: Vec<serde_json::Value> = schema["properties"]
            .as_object()
            .map(|p| p.keys().map(|k| k.as_str().into()).collect())
            .unwrap_or_default();
        if !all.is_empty() {
            schema["required"] = all.into();
        }
    }
}

/// poem-openapi names JSON bodies `application/json; charset=utf-8`; the media type is
/// `application/json` (what SDK generators match), and UTF-8 is JSON's only encoding.
fn plain_json_media_type(v: &mut serde_json::Value) {
    if let Some(m) = v.as_object_mut() {
        if let Some(content) = m.get_mut("content").and_then(|c| c.as_object_mut())
            && let Some(media) = content.remove("application/json; charset=utf-8")
        {
            content.insert("application/json".into(), media);
        }
        m.values_mut().for_each(plain_json_media_type);
    }
}

/// The payment providers whose keys are configured.
fn payment_providers(
    config: &Config,
) -> anyhow::Result<(
    Option<crate::payments::khalti::Khalti>,
    Option<crate::payments::stripe::Stripe>,
)> {
    let khalti = match &config.khalti_secret_key {
        Some(key) => Some(crate::payments::khalti::Khalti::new(
            &config.khalti_base_url,
            key.clone(),
        )?),
        None => None,
    };
    let stripe = match &config.stripe_secret_key {
        Some(key) => Some(crate::payments::stripe::Stripe::new(
            &config.stripe_api_base,
            key,
        )?),
        None => None,
    };
    Ok((khalti, stripe))
}

/// The Redis connection: lazy, so that the server starts and serves with Redis down (it is an
/// accelerator, see README "Faults"), and with short timeouts, so that a call to a Redis that is
/// down fails within about a second and its caller falls back instead of waiting.
fn connect_redis(config: &Config) -> anyhow::Result<redis::aio::ConnectionManager> {
    use secrecy::ExposeSecret;
    let client = redis::Client::open(config.redis_url.expose_secret()).context("REDIS_URL")?;
    let settings = redis::aio::ConnectionManagerConfig::new()
        .set_connection_timeout(Some(Duration::from_millis(500)))
        .set_response_timeout(Some(Duration::from_millis(500)))
        .set_number_of_retries(1)
        .set_max_delay(Duration::from_millis(250));
    redis::aio::ConnectionManager::new_lazy_with_config(client, settings).context("REDIS_URL")
}

/// Every route, with the state and the middleware around them.
fn routes(state: &AppState) -> impl poem::Endpoint + 'static {
    let api = openapi_service();
    let spec_text = spec();
    let routes = serde_json::from_str(&spec_text)
        .map(|spec| crate::app::edge::Routes::from_spec(&spec))
        .unwrap_or_default();
    let spec = poem::endpoint::make_sync(move |_| {
        poem::Response::builder()
            .content_type("application/json; charset=utf-8")
            .body(spec_text.clone())
    });
    let docs = api.swagger_ui();
    Route::new()
        .at("/openapi.json", spec)
        .nest("/docs", docs)
        .at("/healthz", ops::healthz)
        .at("/readyz", ops::readyz)
        .at("/metrics", ops::metrics)
        .at("/api/v1/ws", poem::get(crate::realtime::socket::endpoint))
        .nest("/", api)
        .data(state.clone())
        .with(Observe {
            metrics: state.metrics.clone(),
            trust_forwarded_for: state.config.trust_forwarded_for,
            max_body_bytes: state.config.max_body_bytes,
            max_upload_bytes: state.config.max_upload_bytes,
            routes: Arc::new(routes),
            https: state.config.public_base_url.starts_with("https://"),
            web: Arc::new(crate::app::web::WebApp::open(&state.config.web_dir)),
        })
}

/// A bound, not yet running server.
pub struct Application {
    acceptor: TcpAcceptor,
    state: AppState,
    port: u16,
}

/// The background workers of an instance with `RUN_WORKERS`: the outbox dispatcher, the
/// inference workers and the orphaned-object sweep, each stopping when `drain` starts.
fn spawn_workers(
    config: &Config,
    system: &sea_orm::DatabaseConnection,
    vault: &crate::records::Vault,
    registry: &Arc<crate::inference::registry::Registry>,
    drain: &crate::app::drain::Drain,
) -> anyhow::Result<()> {
    crate::notifications::dispatcher::spawn(system.clone(), config, drain)?;
    if config.inference_workers > 0 {
        crate::inference::spawn(
            system.clone(),
            vault.clone(),
            registry.clone(),
            config.inference_workers,
            drain,
        );
    }
    crate::records::documents::sweep::spawn(
        system.clone(),
        vault.store.clone(),
        config.orphan_grace,
    );
    Ok(())
}

impl Application {
    /// Connects to PostgreSQL and Redis and binds `config.bind_addr` (port 0 picks a free port).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let db = crate::db::connect(&config.database_url, config.database_pool_size)
            .await
            .context("connecting to PostgreSQL with DATABASE_URL")?;
        let system = crate::db::connect(
            &config.database_system_url,
            config.database_system_pool_size,
        )
        .await
        .context("connecting to PostgreSQL with DATABASE_SYSTEM_URL")?;
        let redis = connect_redis(&config)?;
        let drain = crate::app::drain::Drain::default();
        let hasher = Hasher::new(config.password_hash_concurrency)?;
        let authz = Authz::load(&db)
            .await
            .context("loading the authorization policy")?;
        crate::auth::authz::spawn_reloader(
            authz.clone(),
            db.clone(),
            config.redis_url.clone(),
            config.redis_namespace.clone(),
        );
        crate::audit::spawn_sealer(db.clone());
        crate::inference::registry::ensure_builtin(&db)
            .await
            .context("registering the built-in models")?;
        let (khalti, stripe) = payment_providers(&config)?;
        let vault = crate::records::vault(&config).await?;
        let registry = std::sync::Arc::new(crate::inference::registry::Registry::default());
        if config.run_workers {
            spawn_workers(&config, &system, &vault, &registry, &drain)?;
        }
        let hub = crate::realtime::hub::Hub::new(
            redis.clone(),
            &config.redis_namespace,
            config.ws_buffer_frames,
        );
        let state = AppState {
            vault,
            khalti,
            stripe,
            audit: AuditWriter::spawn(db.clone()),
            authz,
            config: Arc::new(config),
            db,
            system,
            redis,
            hasher,
            metrics: Arc::new(Metrics::default()),
            sessions: crate::db::Sessions::default(),
            hub,
            drain,
            registry,
        };
        crate::realtime::spawn(&state);
        let acceptor = TcpListener::bind(state.config.bind_addr.clone())
            .into_acceptor()
            .await
            .with_context(|| format!("binding {}", state.config.bind_addr))?;
        let port = acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().map(|s| s.port()))
            .context("no local address")?;
        Ok(Self {
            acceptor,
            state,
            port,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then drains (see [`drain`](crate::app::drain)): readiness
    /// fails, sockets close with 1012, workers hand their work back, the server goes on answering
    /// for `SHUTDOWN_NOTICE_SECONDS`, then stops accepting and lets in-flight requests finish,
    /// all within `SHUTDOWN_GRACE_SECONDS`.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let state = self.state.clone();
        let (grace, notice) = (state.config.shutdown_grace, state.config.shutdown_notice);
        let began = Arc::new(std::sync::OnceLock::<tokio::time::Instant>::new());
        let signal = {
            let (state, began) = (state.clone(), began.clone());
            async move {
                shutdown.await;
                let _ = began.set(tokio::time::Instant::now());
                tracing::info!(grace_s = grace.as_secs(), "draining");
                state.drain.start();
                state.hub.close_all(crate::realtime::hub::SERVICE_RESTART);
                tokio::time::sleep(notice).await;
                tracing::info!("draining: listener closed, finishing in-flight requests");
            }
        };
        Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(routes(&state), signal, Some(grace - notice))
            .await?;
        // What is left of the grace is the workers' to hand their work back.
        let deadline = began
            .get()
            .copied()
            .unwrap_or_else(tokio::time::Instant::now)
            + grace;
        if tokio::time::timeout_at(deadline, state.drain.workers_done())
            .await
            .is_err()
        {
            tracing::warn!("draining: workers did not stop within the grace");
        }
        tracing::info!("drained");
        Ok(())
    }

    /// Serves until SIGINT or SIGTERM.
    pub async fn run(self) -> anyhow::Result<()> {
        self.run_until(crate::app::drain::signal()).await
    }
}
