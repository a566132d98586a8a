//! `/fhir/R4/{Type}/{id}`, `/fhir/R4/{Type}?patient=` and `/fhir/R4/Patient/{id}/$everything`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::FromQueryResult;
use serde_json::Value;
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    fhir,
    prescriptions::{self, Prescription},
    records::{
        consent::{GRANT_SELECT, Grant},
        documents::{DOCUMENT_SELECT, Document},
        notes::{ENCOUNTER_SELECT, Encounter},
        require_patient,
    },
    scheduling::appointments::{self, Appointment},
    tenancy::staff,
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

const LIMIT: &str = " order by 1 limit 500";

/// The casbin object a FHIR type is read as.
/// A FHIR resource type as the casbin object of its API counterpart: reading one needs what
/// reading the counterpart needs.
#[derive(Debug, Clone, Copy)]
struct Counterpart(&'static str);

impl perm::Object for Counterpart {
    fn name(&self) -> &'static str {
        self.0
    }
}
impl perm::Allows<perm::Read> for Counterpart {}

fn object(kind: &str) -> ApiResult<Counterpart> {
    Ok(Counterpart(match kind {
        "Patient" => "patient",
        "Practitioner" => "doctor",
        "Appointment" => "appointment",
        "Encounter" => "encounter",
        "MedicationRequest" => "prescription",
        "DocumentReference" => "document",
        "Consent" => "consent",
        _ => return Err(ApiError::NotFound),
    }))
}

async fn rows<T: FromQueryResult>(
    tx: &TenantTx,
    select: &str,
    filter: &str,
    id: Uuid,
) -> ApiResult<Vec<T>> {
    Ok(T::find_by_statement(stmt(
        &format!("{select} where {filter} = $1{LIMIT}"),
        [id.into()],
    ))
    .all(tx.conn())
    .await?)
}

async fn prescriptions_where(
    tx: &TenantTx,
    filter: &str,
    id: Uuid,
) -> ApiResult<Vec<Prescription>> {
    rows::<prescriptions::Row>(tx, prescriptions::SELECT, filter, id)
        .await?
        .into_iter()
        .map(Prescription::try_from)
        .collect()
}

/// Resources of `kind` for one patient (the caller must be able to see the patient).
async fn search(tx: &TenantTx, kind: &str, patient: Uuid) -> ApiResult<Vec<Value>> {
    Ok(match kind {
        "Patient" => vec![fhir::patient(&staff::patient(tx, patient).await?)],
        "Appointment" => rows::<Appointment>(tx, appointments::SELECT, "patient_id", patient)
            .await?
            .iter()
            .map(fhir::appointment)
            .collect(),
        "Encounter" => rows::<Encounter>(tx, ENCOUNTER_SELECT, "e.patient_id", patient)
            .await?
            .iter()
            .map(fhir::encounter)
            .collect(),
        "MedicationRequest" => prescriptions_where(tx, "p.patient_id", patient)
            .await?
            .iter()
            .flat_map(fhir::medication_requests)
            .collect(),
        "DocumentReference" => rows::<Document>(tx, DOCUMENT_SELECT, "d.patient_id", patient)
            .await?
            .iter()
            .map(fhir::document_reference)
            .collect(),
        "Consent" => rows::<Grant>(tx, GRANT_SELECT, "g.patient_id", patient)
            .await?
            .iter()
            .map(fhir::consent)
            .collect(),
        _ => {
            return Err(ApiError::unprocessable(
                "searching by patient is supported for Patient, Appointment, Encounter, MedicationRequest, DocumentReference and Consent",
            ));
        }
    })
}

/// One resource by id; the patient it belongs to, for the access log.
async fn read(tx: &TenantTx, kind: &str, id: &str) -> ApiResult<(Value, Option<Uuid>)> {
    let uuid = |s: &str| Uuid::parse_str(s).map_err(|_| ApiError::NotFound);
    Ok(match kind {
        "Patient" => {
            let p = staff::patient(tx, uuid(id)?).await?;
            (fhir::patient(&p), Some(p.id))
        }
        "Practitioner" => (
            fhir::practitioner(&staff::doctor(tx, uuid(id)?).await?),
            None,
        ),
        "Appointment" => {
            let a = appointments::get(tx, uuid(id)?).await?;
            (fhir::appointment(&a), Some(a.patient_id))
        }
        "Encounter" => {
            let e = crate::records::notes::encounter(tx, uuid(id)?).await?;
            (fhir::encounter(&e), Some(e.patient_id))
        }
        "MedicationRequest" => {
            let (pid, n) = id.rsplit_once('-').ok_or(ApiError::NotFound)?;
            let n: usize = n.parse().map_err(|_| ApiError::NotFound)?;
            let all = prescriptions_where(tx, "p.id", uuid(pid)?).await?;
            let presc = all.first().ok_or(ApiError::NotFound)?;
            let r = fhir::medication_requests(presc)
                .into_iter()
                .nth(n.checked_sub(1).ok_or(ApiError::NotFound)?)
                .ok_or(ApiError::NotFound)?;
            (r, Some(presc.patient_id))
        }
        "DocumentReference" => {
            let d = rows::<Document>(tx, DOCUMENT_SELECT, "d.id", uuid(id)?).await?;
            let d = d.first().ok_or(ApiError::NotFound)?;
            (fhir::document_reference(d), Some(d.patient_id))
        }
        "Consent" => {
            let g = rows::<Grant>(tx, GRANT_SELECT, "g.id", uuid(id)?).await?;
            let g = g.first().ok_or(ApiError::NotFound)?;
            (fhir::consent(g), Some(g.patient_id))
        }
        _ => return Err(ApiError::NotFound),
    })
}

#[OpenApi(prefix_path = "/fhir/R4", tag = "crate::app::server::Tag::Fhir")]
impl FhirApi {
    /// Read one FHIR resource by type and id.
    ///
    /// Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
    /// `{prescription}-{n}`, one per item), DocumentReference and Consent; another type, or an id
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
        let mut tx = auth.0;
        let permit = tx.permit_to(object(&kind.0)?, perm::Read).await?;
        let hospital = tx.caller().hospital()?;
        let (resource, patient) = read(&tx, &kind.0, &id.0).await?;
        let mut entry = AuditEntry::new("fhir.read", permit.object().0, &id.0);
        entry.patient_id = patient;
        tx.audit_read(hospital, entry);
        tx.commit().await?;
        Ok(FhirAnswer::Ok(Json(resource)))
    }

    /// Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.
    ///
    /// For Patient, Appointment, Encounter, MedicationRequest, DocumentReference and Consent (422
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
        let mut tx = auth.0;
        let permit = tx.permit_to(object(&kind.0)?, perm::Read).await?;
        let hospital = tx.caller().hospital()?;
        require_patient(&tx, patient.0).await?;
        let found = search(&tx, &kind.0, patient.0).await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("fhir.search", permit.object().0, patient.0).patient(patient.0),
        );
        tx.commit().await?;
        Ok(FhirAnswer::Ok(Json(fhir::bundle(
            &state.config.public_base_url,
            found,
        ))))
    }

    /// Everything on one patient's record that the caller may see, as a `searchset` Bundle.
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant (404
    /// otherwise). Holds the Patient and, for each type the caller's role may read, the
    /// Appointments, Encounters, MedicationRequests, DocumentReferences and Consents, plus the
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
        let mut tx = auth.0;
        tx.permit::<perm::Patient, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        require_patient(&tx, id.0).await?;
        let mut all = Vec::new();
        for kind in [
            "Patient",
            "Appointment",
            "Encounter",
            "MedicationRequest",
            "DocumentReference",
            "Consent",
        ] {
            if tx.permit_to(object(kind)?, perm::Read).await.is_ok() {
                all.extend(search(&tx, kind, id.0).await?);
            }
        }
        let mut doctors: Vec<Uuid> = all.iter().flat_map(practitioner_ids).collect();
        doctors.sort();
        doctors.dedup();
        for d in doctors {
            if let Ok(doc) = staff::doctor(&tx, d).await {
                all.push(fhir::practitioner(&doc));
            }
        }
        tx.audit_read(
            hospital,
            AuditEntry::new("fhir.everything", "patient", id.0).patient(id.0),
        );
        tx.commit().await?;
        Ok(FhirAnswer::Ok(Json(fhir::bundle(
            &state.config.public_base_url,
            all,
        ))))
    }
}

/// Practitioner ids a resource refers to.
fn practitioner_ids(r: &Value) -> Vec<Uuid> {
    let mut refs = Vec::new();
    let mut push = |v: &Value| {
        if let Some(s) = v["reference"]
            .as_str()
            .and_then(|s| s.strip_prefix("Practitioner/"))
            && let Ok(u) = Uuid::parse_str(s)
        {
            refs.push(u);
        }
    };
    for p in r["participant"].as_array().into_iter().flatten() {
        push(&p["actor"]);
        push(&p["individual"]);
    }
    push(&r["requester"]);
    refs
}

#[cfg(test)]
mod tests {
    use crate::auth::permit::{self as perm, Object};

    /// Every resource type asks casbin for a pair the matrix lists.
    #[test]
    fn every_resource_type_reads_as_a_matrix_pair() {
        let pairs = perm::pairs();
        for kind in [
            "Patient",
            "Practitioner",
            "Appointment",
            "Encounter",
            "MedicationRequest",
            "DocumentReference",
            "Consent",
        ] {
            let object = super::object(kind).unwrap().name();
            assert!(pairs.contains(&(object, "read")), "{kind} → {object}");
        }
        assert!(super::object("Observation").is_err());
    }
}
