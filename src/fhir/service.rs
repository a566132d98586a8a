//! The FHIR view's reads: one resource, a search by patient, a patient's `$everything`. Each
//! function takes the request's transaction and the permit casbin gave for the type it reads,
//! audits the read and commits; the SQL is in `store`, the mapping in `fhir` itself.

use serde_json::Value;
use uuid::Uuid;

use crate::{
    audit::AuditEntry,
    auth::permit::{self as perm, Object, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    fhir::{
        self, observation, store,
        types::{ResourceType, Target, Wanted},
    },
    ids::{DoctorId, PatientId},
    records::require_patient,
};

/// One resource by id (404 for one the caller may not see); audited with the patient it
/// belongs to.
#[tracing::instrument(skip_all, fields(kind = permit.object().as_str(), id = %wanted.id))]
pub async fn read(
    mut tx: TenantTx,
    permit: &Permit<ResourceType, perm::Read>,
    wanted: Wanted,
) -> ApiResult<Value> {
    let hospital = tx.caller().hospital()?;
    let (resource, patient) = resolve(&tx, wanted.target).await?;
    let mut entry = AuditEntry::new("fhir.read", permit.object().name(), &wanted.id);
    entry.patient_id = patient;
    tx.audit_read(hospital, entry);
    tx.commit().await?;
    Ok(resource)
}

/// The resources of the permit's type for one patient (404 for a patient the caller may not
/// see, 422 for a type that cannot be searched by patient); audited.
#[tracing::instrument(skip_all, fields(kind = permit.object().as_str(), patient = %patient))]
pub async fn search(
    mut tx: TenantTx,
    permit: &Permit<ResourceType, perm::Read>,
    patient: PatientId,
) -> ApiResult<Vec<Value>> {
    let hospital = tx.caller().hospital()?;
    require_patient(&tx, patient).await?;
    let found = of_patient(&tx, *permit.object(), patient).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("fhir.search", permit.object().name(), patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(found)
}

/// Everything on one patient's record of the types in `readable` (those the caller's role may
/// read), plus the Practitioners they name; 404 for a patient the caller may not see. Audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn everything(
    mut tx: TenantTx,
    _: &Permit<perm::Patient, perm::Read>,
    patient: PatientId,
    readable: &[Permit<ResourceType, perm::Read>],
) -> ApiResult<Vec<Value>> {
    let hospital = tx.caller().hospital()?;
    require_patient(&tx, patient).await?;
    let mut all = Vec::new();
    for permit in readable {
        all.extend(of_patient(&tx, *permit.object(), patient).await?);
    }
    let mut doctors: Vec<Uuid> = all.iter().flat_map(practitioner_ids).collect();
    doctors.sort();
    doctors.dedup();
    for d in doctors {
        if let Ok(doc) = store::doctor(&tx, DoctorId::from(d)).await {
            all.push(fhir::practitioner(&doc));
        }
    }
    tx.audit_read(
        hospital,
        AuditEntry::new("fhir.everything", "patient", patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(all)
}

/// Resources of `kind` for one patient (the caller must be able to see the patient).
async fn of_patient(
    tx: &TenantTx,
    kind: ResourceType,
    patient: PatientId,
) -> ApiResult<Vec<Value>> {
    Ok(match kind {
        ResourceType::Patient => vec![fhir::patient(&store::patient(tx, patient).await?)],
        ResourceType::Appointment => store::appointments_of(tx, patient)
            .await?
            .iter()
            .map(fhir::appointment)
            .collect(),
        ResourceType::Encounter => store::encounters_of(tx, patient)
            .await?
            .iter()
            .map(fhir::encounter)
            .collect(),
        ResourceType::MedicationRequest => store::prescriptions_of(tx, patient)
            .await?
            .iter()
            .flat_map(fhir::medication_requests)
            .collect(),
        ResourceType::DocumentReference => store::documents_of(tx, patient)
            .await?
            .iter()
            .map(fhir::document_reference)
            .collect(),
        ResourceType::Consent => store::grants_of(tx, patient)
            .await?
            .iter()
            .map(fhir::consent)
            .collect(),
        ResourceType::Observation => store::vitals_of(tx, patient)
            .await?
            .iter()
            .flat_map(observation::observations)
            .collect(),
        ResourceType::Practitioner => {
            return Err(ApiError::unprocessable(
                "searching by patient is supported for Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and Observation",
            ));
        }
    })
}

/// One resource by id; the patient it belongs to, for the access log.
async fn resolve(tx: &TenantTx, target: Target) -> ApiResult<(Value, Option<Uuid>)> {
    Ok(match target {
        Target::Patient(id) => {
            let p = store::patient(tx, id).await?;
            (fhir::patient(&p), Some(p.id))
        }
        Target::Practitioner(id) => (fhir::practitioner(&store::doctor(tx, id).await?), None),
        Target::Appointment(id) => {
            let a = store::appointment(tx, id).await?;
            (fhir::appointment(&a), Some(a.patient_id))
        }
        Target::Encounter(id) => {
            let e = store::encounter(tx, id).await?;
            (fhir::encounter(&e), Some(e.patient_id))
        }
        Target::MedicationRequest(id, item) => {
            let all = store::prescription(tx, id).await?;
            let presc = all.first().ok_or(ApiError::NotFound)?;
            let r = fhir::medication_requests(presc)
                .into_iter()
                .nth(item)
                .ok_or(ApiError::NotFound)?;
            (r, Some(presc.patient_id))
        }
        Target::DocumentReference(id) => {
            let d = store::document(tx, id).await?;
            let d = d.first().ok_or(ApiError::NotFound)?;
            (fhir::document_reference(d), Some(d.patient_id))
        }
        Target::Consent(id) => {
            let g = store::grant(tx, id).await?;
            let g = g.first().ok_or(ApiError::NotFound)?;
            (fhir::consent(g), Some(g.patient_id))
        }
        Target::Observation(id, member) => {
            let v = store::vitals(tx, id).await?;
            let r = match member {
                None => observation::panel(&v),
                Some(m) => observation::member(&v, m),
            };
            (r, Some(v.patient_id))
        }
    })
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
