//! The SQL that reads the audit trail, in the caller's transaction under RLS: admins see their
//! hospital's events, super admins only platform events.

use sea_orm::{FromQueryResult, Value};

use crate::{
    audit::types::{AccessLogEntry, AuditEvent, EventFilter, NewestFirst},
    db::{TenantTx, stmt},
    error::ApiResult,
    ids::PatientId,
};

/// One page of the events the caller may see, newest first.
pub async fn events(
    tx: &TenantTx,
    filter: EventFilter,
    page: &NewestFirst,
) -> ApiResult<Vec<AuditEvent>> {
    Ok(AuditEvent::find_by_statement(stmt(
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
            Value::from(page.before),
            filter.actor.map(|a| a.uuid()).into(),
            filter.patient.map(|p| p.uuid()).into(),
            filter.action.into(),
            filter.from.into(),
            filter.to.into(),
            page.fetch().into(),
        ],
    ))
    .all(tx.conn())
    .await?)
}

/// One page of the accesses to a patient's record, newest first, actors named where the caller
/// may see their name.
pub async fn access_log(
    tx: &TenantTx,
    patient: PatientId,
    page: &NewestFirst,
) -> ApiResult<Vec<AccessLogEntry>> {
    Ok(AccessLogEntry::find_by_statement(stmt(
        "select e.id, e.occurred_at, u.full_name as actor_name, e.actor_role, e.action,
                e.resource_type, e.purpose, e.outcome
           from audit_event e left join app_user u on u.id = e.actor_user_id
          where e.patient_id = $1 and e.id < $2 order by e.id desc limit $3",
        [patient.into(), page.before.into(), page.fetch().into()],
    ))
    .all(tx.conn())
    .await?)
}
