//! The vitals domain's rules and transactions: a set recorded and scored with NEWS2 (its alert,
//! the care team's notifications and, for a high risk, their emails committed with it), a
//! patient's sets read, the care team's alerts listed and acknowledged. SQL is in `store`.

use chrono::Utc;
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{AlertId, HospitalId, PatientId, UserId, VitalsId},
    records::vitals::{
        news2::{self, Risk, Score},
        store::{self, NewVitals},
        types::{Alert, AlertRecipient, Vitals, VitalsRequest},
    },
};

/// 404 unless the caller may take `action` on this patient's vitals (RLS decides).
async fn require_patient(tx: &TenantTx, patient: PatientId, action: &str) -> ApiResult<()> {
    if store::patient_allows(tx, patient, action).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// Records a set: the patient visible to the caller (404), the values possible (422); scores
/// it, flags a rise over the last three sets, and when the risk is not low raises an alert for
/// the care team (in-app notifications, and emails for a high risk). Audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn record(
    tx: TenantTx,
    _: &Permit<perm::Vitals, perm::Create>,
    patient: PatientId,
    req: VitalsRequest,
) -> ApiResult<Vitals> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, patient, "create").await?;
    let checked = req.checked(Utc::now())?;
    let score = checked.score();
    let mut scores = store::scores_before(&tx, patient, checked.measured_at, 2).await?;
    scores.push(score.total);
    let rising = news2::rising(&scores);
    let id = VitalsId::new();
    let by = UserId::from(tx.caller().user_id);
    store::insert_vitals(
        &tx,
        NewVitals {
            hospital,
            id,
            patient,
            by,
            checked: &checked,
            score: &score,
            rising,
        },
    )
    .await?;
    let entry = AuditEntry::new("vitals.create", "vital_signs", id).patient(patient.uuid());
    tx.audit_write(hospital.uuid(), entry).await?;
    if score.risk != Risk::Low {
        raise_alert(&tx, hospital, patient, id, &score, rising).await?;
    }
    let v = store::vitals(&tx, id).await?;
    tx.commit().await?;
    Ok(v.into())
}

/// The alert, audited, and the care team told: an in-app notification each (pushed over the
/// socket), and an email each for a high risk that names neither the patient nor the values.
async fn raise_alert(
    tx: &TenantTx,
    hospital: HospitalId,
    patient: PatientId,
    vitals: VitalsId,
    score: &Score,
    rising: bool,
) -> ApiResult<()> {
    let id = AlertId::new();
    store::insert_alert(tx, hospital, id, patient, vitals, score, rising).await?;
    let entry = AuditEntry::new("alert.raise", "clinical_alert", id).patient(patient.uuid());
    tx.audit_write(hospital.uuid(), entry).await?;
    let recipients = store::alert_recipients(tx, patient).await?;
    let (notes, emails) = alert_messages(&recipients, score, rising);
    store::notify(tx, hospital, notes, emails).await
}

/// Each recipient's notification and, for a high risk, email, in their language.
fn alert_messages(
    recipients: &[AlertRecipient],
    score: &Score,
    rising: bool,
) -> (serde_json::Value, serde_json::Value) {
    let mut notes = Vec::new();
    let mut emails = Vec::new();
    for r in recipients {
        let ne = r.language == "ne";
        let risk = risk_words(score.risk, ne);
        let (title, mut body) = if ne {
            (
                format!("NEWS2 {risk}: अंक {}", score.total),
                "तपाईंको हेरचाह टोलीको एक बिरामीको भाइटल साइन्सले ध्यान माग्छ।".to_string(),
            )
        } else {
            (
                format!("NEWS2 {risk}: score {}", score.total),
                "A patient on your care team has vital signs that need review.".to_string(),
            )
        };
        if rising {
            body.push_str(if ne {
                " अंक लगातार तीन पटक बढेको छ।"
            } else {
                " The score has risen over the last three sets."
            });
        }
        notes.push(serde_json::json!({
            "id": Uuid::now_v7(), "user_id": r.user_id, "title": title, "body": body,
        }));
        if score.risk == Risk::High {
            let (subject, text) = if ne {
                (
                    "carebridge: उच्च जोखिमको सतर्कता",
                    "तपाईंको हेरचाह टोलीको एक बिरामीलाई तुरुन्त हेर्नुपर्छ। विवरणका लागि carebridge खोल्नुहोस्।",
                )
            } else {
                (
                    "carebridge: high-risk alert",
                    "A patient on your care team needs urgent review. Open carebridge to see the alert.",
                )
            };
            emails.push(serde_json::json!({
                "id": Uuid::now_v7(), "recipient": r.email, "subject": subject, "text_body": text,
            }));
        }
    }
    (notes.into(), emails.into())
}

fn risk_words(risk: Risk, ne: bool) -> &'static str {
    match (risk, ne) {
        (Risk::High, false) => "high risk",
        (Risk::Medium, false) => "medium risk",
        (Risk::LowMedium, false) => "low-medium risk",
        (Risk::Low, false) => "low risk",
        (Risk::High, true) => "उच्च जोखिम",
        (Risk::Medium, true) => "मध्यम जोखिम",
        (Risk::LowMedium, true) => "न्यून-मध्यम जोखिम",
        (Risk::Low, true) => "न्यून जोखिम",
    }
}

/// A page of a patient's sets, newest measurement first (404 for a patient the caller may not
/// see); audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list(
    mut tx: TenantTx,
    _: &Permit<perm::Vitals, perm::List>,
    patient: PatientId,
    page: Page,
) -> ApiResult<Listing<Vitals>> {
    let hospital = tx.caller().hospital()?;
    require_patient(&tx, patient, "list").await?;
    let rows = store::vitals_page(&tx, patient, page.after, page.fetch()).await?;
    let rows: Vec<Vitals> = rows.into_iter().map(Vitals::from).collect();
    let listing = page.finish(rows, |v| v.id);
    tx.audit_read(
        hospital,
        AuditEntry::new("vitals.list", "patient", patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(listing)
}

/// What an alert listing asks for.
pub struct AlertQuery {
    /// Acknowledged alerts too, not only open ones.
    pub all: bool,
    pub patient: Option<PatientId>,
}

/// The caller's care teams' alerts, newest first; audited.
#[tracing::instrument(skip_all)]
pub async fn alerts(
    mut tx: TenantTx,
    _: &Permit<perm::Alert, perm::List>,
    q: AlertQuery,
    page: Page,
) -> ApiResult<Listing<Alert>> {
    let hospital = tx.caller().hospital()?;
    let rows = store::alerts_page(&tx, q.all, q.patient, page.after, page.fetch()).await?;
    let listing = page.finish(rows, |a| a.id);
    let scope = if q.all { "all" } else { "open" };
    let mut entry = AuditEntry::new("alert.list", "clinical_alert", scope);
    if let Some(p) = q.patient {
        entry = entry.patient(p.uuid());
    }
    tx.audit_read(hospital, entry);
    tx.commit().await?;
    Ok(listing)
}

/// Acknowledges an alert of the caller's care teams (404 otherwise); 409 once acknowledged.
/// Audited.
#[tracing::instrument(skip_all, fields(alert = %id))]
pub async fn acknowledge(
    tx: TenantTx,
    _: &Permit<perm::Alert, perm::Acknowledge>,
    id: AlertId,
) -> ApiResult<Alert> {
    let hospital = tx.caller().hospital()?;
    let a = store::alert(&tx, id).await?;
    let by = UserId::from(tx.caller().user_id);
    if !store::acknowledge(&tx, id, by).await? {
        return Err(ApiError::Conflict(
            "this alert was already acknowledged".into(),
        ));
    }
    let entry = AuditEntry::new("alert.acknowledge", "clinical_alert", id).patient(a.patient_id);
    tx.audit_write(hospital, entry).await?;
    let a = store::alert(&tx, id).await?;
    tx.commit().await?;
    Ok(a)
}
