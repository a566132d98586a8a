//! `/fhir/R4/{Type}/{id}`, `/fhir/R4/{Type}?patient=` and `/fhir/R4/Patient/{id}/$everything`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    app::AppState,
    auth::{BearerAuth, permit as perm},
    error::ApiError,
    fhir::{
        self, service,
        types::{ResourceType, Wanted},
    },
    ids::PatientId,
};

pub struct FhirApi;

#[derive(ApiResponse)]
pub enum FhirAnswer {
    /// A FHIR R4 resource or Bundle.
    #[oai(status = 200, content_type = "application/fhir+json")]
    Ok(Json<Value>),
}

/// An error under `/fhir/R4`: the same [`ApiError`], answered as a FHIR `OperationOutcome`
/// (`application/fhir+json`). The request middleware turns every problem answer on these paths
/// (also those given before a handler runs) into one; this type documents it in the spec.
pub struct FhirError(pub ApiError);

impl From<ApiError> for FhirError {
    fn from(e: ApiError) -> Self {
        Self(e)
    }
}

impl From<sea_orm::DbErr> for FhirError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self(e.into())
    }
}

impl From<FhirError> for poem::Error {
    fn from(e: FhirError) -> Self {
        e.0.into()
    }
}

/// The issues of an `OperationOutcome`.
#[derive(poem_openapi::Object)]
pub struct OutcomeIssue {
    /// `error`, or `fatal` for a server error.
    pub severity: String,
    /// A FHIR issue type such as `not-found`, `forbidden`, `login` or `invalid`.
    pub code: String,
    pub diagnostics: String,
}

/// A FHIR R4 `OperationOutcome`.
#[derive(poem_openapi::Object)]
#[oai(rename = "OperationOutcome")]
pub struct OperationOutcome {
    /// Always `OperationOutcome`.
    #[oai(rename = "resourceType")]
    pub resource_type: String,
    pub issue: Vec<OutcomeIssue>,
}

#[derive(ApiResponse)]
#[expect(dead_code, reason = "never built: only its meta documents the spec")]
enum FhirErrorDoc {
    /// Malformed request.
    #[oai(status = 400, content_type = "application/fhir+json")]
    BadRequest(Json<OperationOutcome>),
    /// Missing, invalid, expired or revoked token.
    #[oai(status = 401, content_type = "application/fhir+json")]
    Unauthorized(Json<OperationOutcome>),
    /// The caller's role may not read this type.
    #[oai(status = 403, content_type = "application/fhir+json")]
    Forbidden(Json<OperationOutcome>),
    /// Not found, or not the caller's to see.
    #[oai(status = 404, content_type = "application/fhir+json")]
    NotFound(Json<OperationOutcome>),
    /// Semantically invalid.
    #[oai(status = 422, content_type = "application/fhir+json")]
    Unprocessable(Json<OperationOutcome>),
    /// Throttled; see Retry-After.
    #[oai(status = 429, content_type = "application/fhir+json")]
    TooManyRequests(Json<OperationOutcome>),
}

impl ApiResponse for FhirError {
    fn meta() -> poem_openapi::registry::MetaResponses {
        FhirErrorDoc::meta()
    }
    fn register(registry: &mut poem_openapi::registry::Registry) {
        FhirErrorDoc::register(registry)
    }
}

type FhirResult<T> = Result<T, FhirError>;

#[OpenApi(prefix_path = "/fhir/R4", tag = "crate::app::server::Tag::Fhir")]
impl FhirApi {
    /// Read one FHIR resource by type and id.
    ///
    /// Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
    /// `{prescription}-{n}`, one per item), DocumentReference, Consent and Observation (a set of
    /// vital signs: its panel, id `{set}`, and one Observation per measurement, id
    /// `{set}-{member}`, in the vital signs profile with LOINC codes); another type, or an id
    /// the caller may not see, answers 404. Each type needs the role permission of its API
    /// counterpart (e.g. 403 for hospital admins on MedicationRequest); errors are
    /// `OperationOutcome`s and every read is audited.
    #[oai(path = "/:kind/:id", method = "get", operation_id = "fhirRead")]
    async fn read(
        &self,
        auth: BearerAuth,
        kind: Path<String>,
        id: Path<String>,
    ) -> FhirResult<FhirAnswer> {
        let tx = auth.0;
        let kind = ResourceType::parse(&kind.0)?;
        let permit = tx.permit_to(kind, perm::Read).await?;
        let wanted = Wanted::parse(kind, &id.0)?;
        let resource = service::read(tx, &permit, wanted).await?;
        Ok(FhirAnswer::Ok(Json(resource)))
    }

    /// Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.
    ///
    /// For Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and
    /// Observation (422
    /// for Practitioner, 404 for an unknown type), with the role permissions and visibility of the
    /// API; 404 for a patient the caller may not see. At most 500 rows per search; errors are
    /// `OperationOutcome`s and the search is audited.
    #[oai(path = "/:kind", method = "get", operation_id = "fhirSearch")]
    async fn search(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        kind: Path<String>,
        patient: Query<Uuid>,
    ) -> FhirResult<FhirAnswer> {
        let tx = auth.0;
        let kind = ResourceType::parse(&kind.0)?;
        let permit = tx.permit_to(kind, perm::Read).await?;
        let found = service::search(tx, &permit, PatientId::from(patient.0)).await?;
        Ok(FhirAnswer::Ok(Json(fhir::bundle(
            &state.config.public_base_url,
            found,
        ))))
    }

    /// Everything on one patient's record that the caller may see, as a `searchset` Bundle.
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant (404
    /// otherwise). Holds the Patient and, for each type the caller's role may read, the
    /// Appointments, Encounters, MedicationRequests, DocumentReferences, Consents and vital-sign
    /// Observations, plus the
    /// Practitioners they name; errors are `OperationOutcome`s and the read is audited.
    #[oai(
        path = "/Patient/:id/$everything",
        method = "get",
        operation_id = "fhirPatientEverything"
    )]
    async fn everything(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> FhirResult<FhirAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Patient, perm::Read>().await?;
        // The types the caller's role may read; casbin's answers have no other effect.
        let mut readable = Vec::new();
        for kind in ResourceType::EVERYTHING {
            if let Ok(p) = tx.permit_to(kind, perm::Read).await {
                readable.push(p);
            }
        }
        let patient = PatientId::from(id.0);
        let all = service::everything(tx, &permit, patient, &readable).await?;
        Ok(FhirAnswer::Ok(Json(fhir::bundle(
            &state.config.public_base_url,
            all,
        ))))
    }
}
