//! `/api/v1/inference/jobs` and `/api/v1/models`: HTTP only. Each handler parses what it was
//! given (ids, kinds, statuses, uploads), asks casbin for its permit and hands both to `service`.

use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json, PlainText},
};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
    ids::{DocumentId, JobId, PatientId},
    inference::{
        service,
        types::{
            self, Corrected, Fix, Job, JobAccepted, JobDetail, JobRow, Kind, ModelStatus,
            ModelVersion, Stage, Upload,
        },
    },
};

pub struct InferenceApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewJob {
    /// `sleep_staging` (an EDF/EDF+/BDF recording) or `chest_xray`.
    pub kind: String,
    pub document_id: Uuid,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct Correction {
    /// 0-based epoch index.
    pub epoch: i32,
    /// W, N1, N2, N3 or REM.
    pub stage: String,
}

/// A doctor's corrections to a job's stages. Named `CorrectionSet` in the spec: a schema whose
/// name equals one of its properties trips openapi-python-client (its issue #1117).
#[derive(Object)]
#[oai(rename = "CorrectionSet", deny_unknown_fields)]
pub struct Corrections {
    pub corrections: Vec<Correction>,
}

#[derive(ApiResponse)]
pub enum JobCreated {
    #[oai(status = 202)]
    Accepted(Json<JobAccepted>),
}
#[derive(ApiResponse)]
pub enum JobAnswer {
    #[oai(status = 200)]
    Ok(Json<Job>),
}
#[derive(ApiResponse)]
pub enum JobDetailAnswer {
    #[oai(status = 200)]
    Ok(Json<JobDetail>),
}
#[derive(ApiResponse)]
pub enum JobList {
    #[oai(status = 200)]
    Ok(Json<Listing<JobRow>>),
}
#[derive(ApiResponse)]
pub enum Report {
    /// The hypnogram with the night's summary.
    #[oai(status = 200, content_type = "image/svg+xml")]
    Ok(PlainText<String>),
}
#[derive(ApiResponse)]
pub enum CorrectedAnswer {
    #[oai(status = 200)]
    Ok(Json<Corrected>),
}
#[derive(ApiResponse)]
pub enum ModelCreated {
    /// Loaded, evaluated on held-out nights and registered as `shadow`.
    #[oai(status = 201)]
    Created(Json<ModelVersion>),
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct StatusChange {
    /// `active` (the previous active version is retired), `shadow` or `retired`.
    pub status: String,
}

#[derive(ApiResponse)]
pub enum ModelList {
    #[oai(status = 200)]
    Ok(Json<Vec<ModelVersion>>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Inference")]
impl InferenceApi {
    /// Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.
    ///
    /// Doctors and hospital admins who may see the document's patient (404 for any other document).
    /// `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
    /// switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
    /// 202 with the job id; audited.
    #[oai(
        path = "/inference/jobs",
        method = "post",
        operation_id = "createInferenceJob"
    )]
    async fn create(&self, auth: BearerAuth, body: Json<NewJob>) -> ApiResult<JobCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Inference, perm::Create>().await?;
        let job = types::NewJob {
            kind: Kind::parse(&body.0.kind)?,
            document: DocumentId::from(body.0.document_id),
        };
        let accepted = service::create(tx, &permit, job).await?;
        Ok(JobCreated::Accepted(Json(accepted)))
    }

    /// One job with its progress, model version and (when done) result.
    ///
    /// Doctors and hospital admins who may see the job's patient (patients get 403; other jobs
    /// 404). `result` is set once the job succeeded, `error` when it failed, `corrections` holds
    /// the doctors' stages by epoch (sleep staging); the read is audited.
    #[oai(
        path = "/inference/jobs/:id",
        method = "get",
        operation_id = "getInferenceJob"
    )]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<JobDetailAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Inference, perm::Read>().await?;
        let j = service::read(tx, &permit, JobId::from(id.0)).await?;
        Ok(JobDetailAnswer::Ok(Json(j)))
    }

    /// A patient's jobs (without results).
    ///
    /// Jobs for the patient named by `patient_id`, for doctors and hospital admins who may see that
    /// patient (patients get 403; 404 for any other patient). Oldest first, paged with `limit` and
    /// `cursor`; the read is audited.
    #[oai(
        path = "/inference/jobs",
        method = "get",
        operation_id = "listInferenceJobs"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        patient_id: Query<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<JobList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Inference, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list(tx, &permit, PatientId::from(patient_id.0), page).await?;
        Ok(JobList::Ok(Json(listing)))
    }

    /// Cancel a queued or running job; a finished one answers 409.
    ///
    /// Doctors and hospital admins who may see the job's patient (404 otherwise). Answers the job,
    /// now `cancelled`; audited.
    #[oai(
        path = "/inference/jobs/:id/cancel",
        method = "post",
        operation_id = "cancelInferenceJob"
    )]
    async fn cancel(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<JobAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Inference, perm::Cancel>().await?;
        let j = service::cancel(tx, &permit, JobId::from(id.0)).await?;
        Ok(JobAnswer::Ok(Json(j)))
    }

    /// The sleep report: a hypnogram (SVG) with the summary, model version and input's sha256.
    ///
    /// Doctors and hospital admins who may see the job's patient; 409 unless it is a succeeded
    /// sleep-staging job. Doctors' corrections are drawn in and the summary counts them; the read
    /// is audited.
    #[oai(
        path = "/inference/jobs/:id/report",
        method = "get",
        operation_id = "getInferenceReport"
    )]
    async fn report(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Report> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Inference, perm::Read>().await?;
        let svg = service::report(tx, &permit, JobId::from(id.0)).await?;
        Ok(Report::Ok(PlainText(svg)))
    }

    /// Correct staged epochs (doctors); corrections are kept as training labels.
    ///
    /// Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
    /// 10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
    /// `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
    /// of the job's epochs are corrected in all; audited.
    #[oai(
        path = "/inference/jobs/:id/corrections",
        method = "put",
        operation_id = "correctInferenceJob"
    )]
    async fn correct(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Corrections>,
    ) -> ApiResult<CorrectedAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Inference, perm::Correct>().await?;
        let fixes = body
            .0
            .corrections
            .iter()
            .map(|c| Fix {
                epoch: c.epoch,
                stage: Stage::named(&c.stage),
            })
            .collect();
        let corrected = service::correct(tx, &permit, JobId::from(id.0), fixes).await?;
        Ok(CorrectedAnswer::Ok(Json(corrected)))
    }

    /// Register new weights (super admins), evaluated first and registered as `shadow`.
    ///
    /// Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
    /// (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` and `specialty` can be
    /// registered; the weights are loaded and run on held-out evaluation data first (synthetic
    /// nights, or the curated held-out phrases), and weights that do not load or run answer 422. 409 when the version exists; the change is logged, not written to an audit
    /// trail.
    #[oai(
        path = "/models/:kind/versions",
        method = "post",
        operation_id = "registerModel"
    )]
    async fn register(
        &self,
        state: poem::web::Data<&crate::app::AppState>,
        auth: BearerAuth,
        kind: Path<String>,
        version: Query<String>,
        weights: Binary<Vec<u8>>,
    ) -> ApiResult<ModelCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Model, perm::Create>().await?;
        let upload = Upload::parse(&kind.0, &version.0, weights.0)?;
        let m = service::register(tx, &permit, &state, upload).await?;
        Ok(ModelCreated::Created(Json(m)))
    }

    /// Activate, shadow or retire a version (super admins). Jobs use the active version.
    ///
    /// Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
    /// activating a version retires the kind's previous active one. 404 for an unknown kind or
    /// version; answers every version of the kind. The change is logged, not written to an audit
    /// trail.
    #[oai(
        path = "/models/:kind/versions/:version/status",
        method = "post",
        operation_id = "setModelStatus"
    )]
    async fn set_status(
        &self,
        auth: BearerAuth,
        kind: Path<String>,
        version: Path<String>,
        body: Json<StatusChange>,
    ) -> ApiResult<ModelList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Model, perm::Update>().await?;
        let status = ModelStatus::parse(&body.0.status)?;
        let rows = service::set_status(tx, &permit, &kind.0, &version.0, status).await?;
        Ok(ModelList::Ok(Json(rows)))
    }

    /// The model registry: every version per kind, its sha256, metrics and status.
    ///
    /// Super admins, hospital admins and doctors (patients get 403). Versions per kind in
    /// registration order, each `active`, `shadow` or `retired`; new jobs use the active one.
    #[oai(path = "/models", method = "get", operation_id = "listModels")]
    async fn models(&self, auth: BearerAuth) -> ApiResult<ModelList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Model, perm::List>().await?;
        let rows = service::models(tx, &permit).await?;
        Ok(ModelList::Ok(Json(rows)))
    }
}
