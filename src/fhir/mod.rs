//! A read-only FHIR R4 view of the records. Every read goes through the same tenant
//! transaction, RLS and casbin checks as the REST API; another hospital's ids answer 404.
//!
//! This module is the pure mapping to FHIR resources; `api` (HTTP), `service` (the reads and
//! their audit), `store` (the SQL they run) and `types` (resource types, what a read asks for)
//! are written in the layers of `src/prescriptions/`.

pub mod api;
pub mod observation;
mod service;
mod store;
pub mod types;

use serde_json::{Value, json};

use crate::{
    prescriptions::Prescription,
    records::{consent::Grant, documents::Document, notes::Encounter},
    scheduling::appointments::Appointment,
    tenancy::staff::{Doctor, Patient},
};

fn reference(kind: &str, id: impl std::fmt::Display) -> Value {
    json!({ "reference": format!("{kind}/{id}") })
}

fn instant(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn patient(p: &Patient) -> Value {
    let mut r = json!({
        "resourceType": "Patient",
        "id": p.id.to_string(),
        "active": true,
        "name": [{ "text": p.full_name }],
        "telecom": [{ "system": "email", "value": p.email }],
        "gender": match p.sex.as_deref() {
            Some("female") => "female",
            Some("male") => "male",
            Some("other") => "other",
            _ => "unknown",
        },
    });
    if let Some(d) = p.date_of_birth {
        r["birthDate"] = json!(d.to_string());
    }
    if let Some(phone) = p.phone.as_deref().filter(|s| !s.is_empty()) {
        r["telecom"]
            .as_array_mut()
            .expect("array")
            .push(json!({ "system": "phone", "value": phone }));
    }
    r
}

pub fn practitioner(d: &Doctor) -> Value {
    json!({
        "resourceType": "Practitioner",
        "id": d.id.to_string(),
        "active": true,
        "name": [{ "text": d.full_name }],
        "qualification": [{
            "identifier": [{ "system": "urn:carebridge:license", "value": d.license_number }],
            "code": { "text": d.specialization },
        }],
    })
}

pub fn appointment(a: &Appointment) -> Value {
    let status = match a.status.as_str() {
        "requested" => "proposed",
        "awaiting_payment" => "pending",
        "confirmed" => "booked",
        "in_progress" => "arrived",
        "completed" => "fulfilled",
        "no_show" => "noshow",
        _ => "cancelled",
    };
    json!({
        "resourceType": "Appointment",
        "id": a.id.to_string(),
        "status": status,
        "start": instant(a.start_at),
        "end": instant(a.end_at),
        "created": instant(a.created_at),
        "participant": [
            { "actor": reference("Patient", a.patient_id), "status": "accepted" },
            { "actor": reference("Practitioner", a.doctor_id), "status": "accepted" },
        ],
    })
}

pub fn encounter(e: &Encounter) -> Value {
    let mut r = json!({
        "resourceType": "Encounter",
        "id": e.id.to_string(),
        "status": if e.status == "finished" { "finished" } else { "in-progress" },
        "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": "VR",
            "display": "virtual",
        },
        "subject": reference("Patient", e.patient_id),
        "participant": [{ "individual": reference("Practitioner", e.doctor_id) }],
        "period": { "start": instant(e.started_at) },
    });
    if let Some(end) = e.ended_at {
        r["period"]["end"] = json!(instant(end));
    }
    if let Some(a) = e.appointment_id {
        r["appointment"] = json!([reference("Appointment", a)]);
    }
    r
}

/// One MedicationRequest per prescription item, ids `{prescription}-{n}`; the prescription is
/// their group (`groupIdentifier` = the verification code).
pub fn medication_requests(p: &Prescription) -> Vec<Value> {
    let status = match p.status.as_str() {
        "active" => "active",
        "dispensed" => "completed",
        _ => "cancelled",
    };
    p.items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let mut dosage = json!({
                "text": format!("{} {}, {}", item.dose, item.route, item.frequency),
                "route": { "text": item.route },
            });
            if !item.instructions.is_empty() {
                dosage["patientInstruction"] = json!(item.instructions);
            }
            json!({
                "resourceType": "MedicationRequest",
                "id": format!("{}-{}", p.id, n + 1),
                "status": status,
                "intent": "order",
                "groupIdentifier": { "system": "urn:carebridge:prescription", "value": p.verification_code },
                "medicationCodeableConcept": { "text": item.medication },
                "subject": reference("Patient", p.patient_id),
                "requester": reference("Practitioner", p.doctor_id),
                "authoredOn": instant(p.issued_at),
                "dosageInstruction": [dosage],
                "dispenseRequest": {
                    "numberOfRepeatsAllowed": item.refills,
                    "quantity": { "value": item.quantity },
                    "expectedSupplyDuration": {
                        "value": item.duration_days,
                        "unit": "days",
                        "system": "http://unitsofmeasure.org",
                        "code": "d",
                    },
                },
            })
        })
        .collect()
}

pub fn document_reference(d: &Document) -> Value {
    json!({
        "resourceType": "DocumentReference",
        "id": d.id.to_string(),
        "status": "current",
        "type": { "text": d.kind },
        "subject": reference("Patient", d.patient_id),
        "date": instant(d.created_at),
        "description": d.title,
        "content": [{
            "attachment": {
                "contentType": d.content_type,
                "url": format!("/api/v1/documents/{}/content", d.id),
                "size": d.size,
                "title": d.file_name,
                "creation": instant(d.created_at),
            },
        }],
    })
}

pub fn consent(g: &Grant) -> Value {
    let mut period = json!({ "start": instant(g.created_at) });
    if let Some(end) = g.revoked_at.or(g.expires_at) {
        period["end"] = json!(instant(end));
    }
    let mut provision = json!({
        "type": "permit",
        "period": period,
        "actor": [{
            "role": { "coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                "code": "PRCP",
            }] },
            "reference": { "identifier": { "system": "urn:carebridge:user", "value": g.grantee_user_id.to_string() } },
        }],
    });
    if g.kind == "break_glass" {
        provision["purpose"] = json!([{
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
            "code": "ETREAT",
        }]);
    }
    json!({
        "resourceType": "Consent",
        "id": g.id.to_string(),
        "status": if g.active { "active" } else { "inactive" },
        "scope": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/consentscope",
            "code": "patient-privacy",
        }] },
        "category": [{ "coding": [{ "system": "http://loinc.org", "code": "59284-0" }] }],
        "patient": reference("Patient", g.patient_id),
        "dateTime": instant(g.created_at),
        "policyRule": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": "OPTIN",
        }] },
        "provision": provision,
    })
}

/// A `searchset` Bundle of `resources`.
pub fn bundle(base: &str, resources: Vec<Value>) -> Value {
    let entries: Vec<Value> = resources
        .into_iter()
        .map(|r| {
            let url = format!(
                "{base}/fhir/R4/{}/{}",
                r["resourceType"].as_str().unwrap_or_default(),
                r["id"].as_str().unwrap_or_default()
            );
            json!({ "fullUrl": url, "resource": r, "search": { "mode": "match" } })
        })
        .collect();
    json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": entries.len(),
        "entry": entries,
    })
}

/// FHIR's `OperationOutcome.issue.code` for an HTTP error status.
fn issue_code(status: u16) -> &'static str {
    match status {
        400 => "invalid",
        401 => "login",
        403 => "forbidden",
        404 | 410 => "not-found",
        409 => "conflict",
        413 => "too-costly",
        422 => "processing",
        429 => "throttled",
        _ => "exception",
    }
}

/// The `OperationOutcome` FHIR clients expect instead of problem+json.
pub fn operation_outcome(status: u16, detail: &str) -> Value {
    json!({
        "resourceType": "OperationOutcome",
        "issue": [{
            "severity": if status >= 500 { "fatal" } else { "error" },
            "code": issue_code(status),
            "diagnostics": detail,
        }],
    })
}
