//! Reading the audit trail: the hospital's (admins), a patient's access log (the patient,
//! their care team, admins), platform events (super admins).

use chrono::{DateTime, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::{FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, MAX_LIMIT, Page},
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::stmt,
    error::{ApiError, ApiResult},
    tenancy::staff,
};

pub struct AuditApi;

#[derive(Object, FromQueryResult)]
pub struct AuditEvent {
    pub id: Uuid,
    pub hospital_id: Uuid,
    pub occurred_at: DateTime<Utc>,
    #[oai(nullable)]
    pub actor_user_id: Option<Uuid>,
    pub actor_role: String,
    pub action: String,
    pub resource_type: String,
    #[oai(nullable)]
    pub resource_id: Option<String>,
    #[oai(nullable)]
    pub patient_id: Option<Uuid>,
    #[oai(nullable)]
    pub purpose: Option<String>,
    #[oai(nullable)]
    pub request_id: Option<String>,
    #[oai(nullable)]
    pub ip: Option<String>,
    pub outcome: String,
    /// Position in the hospital's hash chain; null until sealed (within about a second).
    #[oai(nullable)]
    pub seq: Option<i64>,
}

/// One access to a patient's record.
#[derive(Object, FromQueryResult)]
pub struct AccessLogEntry {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// The person's name where the caller may see it (staff names are visible to members).
    #[oai(nullable)]
    pub actor_name: Option<String>,
    pub actor_role: String,
    pub action: String,
    pub resource_type: String,
    #[oai(nullable)]
    pub purpose: Option<String>,
    pub outcome: String,
}

#[derive(ApiResponse)]
pub enum EventsAnswer {
    #[oai(status = 200)]
    Ok(Json<Listing<AuditEvent>>),
}

#[derive(ApiResponse)]
pub enum AccessLogAnswer {
    #[oai(status = 200)]
    Ok(Json<Listing<AccessLogEntry>>),
}

/// Newest first: the cursor is the last id seen, and the next page holds older ids.
fn newest_first(limit: Option<u32>, cursor: Option<Uuid>) -> ApiResult<(i64, Uuid)> {
    let limit = limit.unwrap_or(50);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::unprocessable(format!(
            "limit must be between 1 and {MAX_LIMIT}"
        )));
    }
    Ok((i64::from(limit), cursor.unwrap_or(Uuid::max())))
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Audit")]
impl AuditApi {
    /// The audit trail, newest first: the hospital's for admins, platform events for super admins.
    ///
    /// Hospital admins see every event of their hospital, reads of patient data included; super
    /// admins see only events whose actor was a super admin (onboarding, settings, suspension),
    /// never patient data; doctors and patients get 403. Filter by `actor`, `patient`, `action`,
    /// `from` (inclusive) and `to` (exclusive); `seq` stays null until the event is sealed into the
    /// hash chain, within about a second.
    #[oai(
        path = "/audit-events",
        method = "get",
        operation_id = "listAuditEvents"
    )]
    #[expect(
        clippy::too_many_arguments,
        reason = "each filter is a query parameter of the operation"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        actor: Query<Option<Uuid>>,
        patient: Query<Option<Uuid>>,
        action: Query<Option<String>>,
        from: Query<Option<DateTime<Utc>>>,
        to: Query<Option<DateTime<Utc>>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<EventsAnswer> {
        let tx = auth.0;
        tx.permit::<perm::AuditEvent, perm::List>().await?;
        let (limit, before) = newest_first(limit.0, cursor.0)?;
        let rows = AuditEvent::find_by_statement(stmt(
            "select id, hospital_id, occurred_at, actor_user_id, actor_role, action, resource_type,
                    resource_id, patient_id, purpose, request_id, ip, outcome, seq
               from audit_event
              where id < $1
                and ($2::uuid is null or actor_user_id = $2)
                and ($3::uuid is null or patient_id = $3)
                and ($4::text is null or action = $4)
                and ($5::timestamptz is null or occurred_at >= $5)
                and ($6::timestamptz is null or occurred_at < $6)
              order by id desc limit $7",
            [
                Value::from(before),
                actor.0.into(),
                patient.0.into(),
                action.0.into(),
                from.0.into(),
                to.0.into(),
                (limit + 1).into(),
            ],
        ))
        .all(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(EventsAnswer::Ok(Json(
            Page {
                limit: limit as u32,
                after: None,
            }
            .finish(rows, |e| e.id),
        )))
    }

    /// Who read or changed this patient's record, when and why, newest first.
    ///
    /// The patient, hospital admins and doctors on the care team (404 for a patient the caller may
    /// not see); a doctor who sees the patient only through a consent or break-glass gets no
    /// entries. Actors are named where the caller may see their name; reading the log is itself
    /// audited.
    #[oai(
        path = "/patients/:id/access-log",
        method = "get",
        operation_id = "patientAccessLog"
    )]
    async fn access_log(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<AccessLogAnswer> {
        let mut tx = auth.0;
        tx.permit::<perm::AccessLog, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let patient = staff::patient(&tx, id.0).await?;
        let (limit, before) = newest_first(limit.0, cursor.0)?;
        let rows = AccessLogEntry::find_by_statement(stmt(
            "select e.id, e.occurred_at, u.full_name as actor_name, e.actor_role, e.action,
                    e.resource_type, e.purpose, e.outcome
               from audit_event e left join app_user u on u.id = e.actor_user_id
              where e.patient_id = $1 and e.id < $2 order by e.id desc limit $3",
            [patient.id.into(), before.into(), (limit + 1).into()],
        ))
        .all(tx.conn())
        .await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("access_log.read", "patient", patient.id).patient(patient.id),
        );
        tx.commit().await?;
        Ok(AccessLogAnswer::Ok(Json(
            Page {
                limit: limit as u32,
                after: None,
            }
            .finish(rows, |e| e.id),
        )))
    }
}
