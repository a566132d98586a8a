//! The vitals domain's SQL, all of it. Every statement runs in the caller's transaction under
//! RLS (`vitals_access` and `alert_visible` in migrations/0019): a set or an alert the caller
//! may not see does not exist here.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{AlertId, HospitalId, PatientId, UserId, VitalsId},
    records::vitals::{
        news2::Score,
        types::{Alert, AlertRecipient, CheckedVitals, VitalsRow},
    },
};

/// The columns of a [`VitalsRow`]; the FHIR view reads sets with it too.
pub const VITALS_SELECT: &str = "select v.id, v.patient_id, v.recorded_by, v.measured_at, \
    v.respiratory_rate, v.spo2, v.spo2_scale, v.on_oxygen, v.systolic_bp, v.heart_rate, \
    v.consciousness, v.temperature_c::float8 as temperature_c, v.news2_score, v.news2_risk, \
    v.rising, v.created_at from vital_signs v";

const ALERT_SELECT: &str = "select a.id, a.patient_id, coalesce(u.full_name, '') as patient_name, \
    a.vitals_id, v.measured_at, a.news2_score, a.news2_risk, a.rising, a.created_at, \
    a.acknowledged_at, a.acknowledged_by \
    from clinical_alert a \
    join vital_signs v on v.hospital_id = a.hospital_id and v.id = a.vitals_id \
    join patient p on p.hospital_id = a.hospital_id and p.id = a.patient_id \
    left join app_user u on u.id = p.user_id";

/// Whether the caller may take `action` (`create` or `list`) on this patient's vitals.
pub async fn patient_allows(tx: &TenantTx, patient: PatientId, action: &str) -> ApiResult<bool> {
    let row = tx
        .conn()
        .query_one_raw(stmt(
            "select 1 from patient_in_hospital($1) \
             where vitals_access(nullif(current_setting('app.hospital_id', true), '')::uuid, $1, $2)",
            [patient.into(), action.into()],
        ))
        .await?;
    Ok(row.is_some())
}

/// The scores of the patient's sets measured at or before `at`, the newest `n`, oldest first.
pub async fn scores_before(
    tx: &TenantTx,
    patient: PatientId,
    at: DateTime<Utc>,
    n: i64,
) -> ApiResult<Vec<u8>> {
    #[derive(FromQueryResult)]
    struct S {
        news2_score: i16,
    }
    let mut rows = S::find_by_statement(stmt(
        "select news2_score from vital_signs where patient_id = $1 and measured_at <= $2 \
         order by measured_at desc, id desc limit $3",
        [patient.into(), at.into(), n.into()],
    ))
    .all(tx.conn())
    .await?;
    rows.reverse();
    Ok(rows.into_iter().map(|s| s.news2_score as u8).collect())
}

pub struct NewVitals<'a> {
    pub hospital: HospitalId,
    pub id: VitalsId,
    pub patient: PatientId,
    pub by: UserId,
    pub checked: &'a CheckedVitals,
    pub score: &'a Score,
    pub rising: bool,
}

pub async fn insert_vitals(tx: &TenantTx, v: NewVitals<'_>) -> ApiResult<()> {
    let o = &v.checked.observations;
    tx.conn_execute(
        "insert into vital_signs (hospital_id, id, patient_id, recorded_by, measured_at, \
           respiratory_rate, spo2, spo2_scale, on_oxygen, systolic_bp, heart_rate, consciousness, \
           temperature_c, news2_score, news2_risk, rising) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, ($13::numeric / 10), $14, $15, $16)",
        vec![
            Value::from(v.hospital),
            v.id.into(),
            v.patient.into(),
            v.by.into(),
            v.checked.measured_at.into(),
            (o.respiratory_rate as i16).into(),
            (o.spo2 as i16).into(),
            (if o.scale == super::news2::Spo2Scale::One { 1i16 } else { 2 }).into(),
            o.on_oxygen.into(),
            (o.systolic_bp as i16).into(),
            (o.heart_rate as i16).into(),
            v.checked.consciousness_letter().into(),
            o.temperature_tenths.into(),
            i16::from(v.score.total).into(),
            v.score.risk.name().into(),
            v.rising.into(),
        ],
    )
    .await?;
    Ok(())
}

pub async fn vitals(tx: &TenantTx, id: VitalsId) -> ApiResult<VitalsRow> {
    VitalsRow::find_by_statement(stmt(
        &format!("{VITALS_SELECT} where v.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// One page of a patient's sets, newest measurement first; `after` is the last id of the page
/// before.
pub async fn vitals_page(
    tx: &TenantTx,
    patient: PatientId,
    after: Option<Uuid>,
    fetch: i64,
) -> ApiResult<Vec<VitalsRow>> {
    Ok(VitalsRow::find_by_statement(stmt(
        &format!(
            "{VITALS_SELECT} where v.patient_id = $1 and ($2::uuid is null or \
               (v.measured_at, v.id) < (select c.measured_at, c.id from vital_signs c where c.id = $2)) \
             order by v.measured_at desc, v.id desc limit $3"
        ),
        [patient.into(), after.into(), fetch.into()],
    ))
    .all(tx.conn())
    .await?)
}

pub async fn insert_alert(
    tx: &TenantTx,
    hospital: HospitalId,
    id: AlertId,
    patient: PatientId,
    vitals: VitalsId,
    score: &Score,
    rising: bool,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into clinical_alert (hospital_id, id, patient_id, vitals_id, news2_score, news2_risk, rising) \
         values ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            Value::from(hospital),
            id.into(),
            patient.into(),
            vitals.into(),
            i16::from(score.total).into(),
            score.risk.name().into(),
            rising.into(),
        ],
    )
    .await?;
    Ok(())
}

/// The doctors on the patient's care team, whoever recorded the set (`alert_recipients`, a
/// definer function that answers only to a caller who may record this patient's vitals).
pub async fn alert_recipients(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<AlertRecipient>> {
    Ok(AlertRecipient::find_by_statement(stmt(
        "select user_id, email, language from alert_recipients($1)",
        [patient.into()],
    ))
    .all(tx.conn())
    .await?)
}

/// Stores each recipient's in-app notification (pushed over the socket by the pusher) and, when
/// `emails` holds any, their email in the outbox, in one statement.
pub async fn notify(
    tx: &TenantTx,
    hospital: HospitalId,
    notes: serde_json::Value,
    emails: serde_json::Value,
) -> ApiResult<()> {
    tx.conn_execute(
        "with outgoing as (
           insert into outbox (hospital_id, id, channel, recipient, subject, text_body)
           select $1, o.id, 'email', o.recipient, o.subject, o.text_body
             from jsonb_to_recordset($3::jsonb) as o(id uuid, recipient text, subject text, text_body text))
         insert into notification (hospital_id, id, user_id, kind, title, body)
         select $1, n.id, n.user_id, 'alert.news2', n.title, n.body
           from jsonb_to_recordset($2::jsonb) as n(id uuid, user_id uuid, title text, body text)",
        vec![Value::from(hospital), notes.into(), emails.into()],
    )
    .await?;
    Ok(())
}

/// One page of the alerts the caller sees, newest first; open ones only unless `all`.
pub async fn alerts_page(
    tx: &TenantTx,
    all: bool,
    patient: Option<PatientId>,
    after: Option<Uuid>,
    fetch: i64,
) -> ApiResult<Vec<Alert>> {
    Ok(Alert::find_by_statement(stmt(
        &format!(
            "{ALERT_SELECT} where ($1 or a.acknowledged_at is null) \
               and ($2::uuid is null or a.patient_id = $2) \
               and ($3::uuid is null or a.id < $3) \
             order by a.id desc limit $4"
        ),
        [
            all.into(),
            patient.map(|p| p.uuid()).into(),
            after.into(),
            fetch.into(),
        ],
    ))
    .all(tx.conn())
    .await?)
}

pub async fn alert(tx: &TenantTx, id: AlertId) -> ApiResult<Alert> {
    Alert::find_by_statement(stmt(
        &format!("{ALERT_SELECT} where a.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// Acknowledges an open alert; false when it was already acknowledged.
pub async fn acknowledge(tx: &TenantTx, id: AlertId, by: UserId) -> ApiResult<bool> {
    let n = tx
        .conn_execute(
            "update clinical_alert set acknowledged_at = now(), acknowledged_by = $2 \
             where id = $1 and acknowledged_at is null",
            vec![id.into(), by.into()],
        )
        .await?;
    Ok(n == 1)
}
