//! The audit trail. Writes are recorded in the transaction of the change; reads are
//! group-committed by [`AuditWriter`] before the request answers.

mod writer;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Value};
use serde::Serialize;
use uuid::Uuid;

pub use writer::AuditWriter;

use crate::{
    db::{Caller, RequestMeta, stmt},
    error::ApiResult,
};

/// What happened, to what; the who and where come from the request.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: &'static str,
    pub resource_type: &'static str,
    pub resource_id: Option<String>,
    pub patient_id: Option<Uuid>,
    pub purpose: Option<String>,
    pub outcome: &'static str,
}

impl AuditEntry {
    pub fn new(
        action: &'static str,
        resource_type: &'static str,
        resource_id: impl ToString,
    ) -> Self {
        Self {
            action,
            resource_type,
            resource_id: Some(resource_id.to_string()),
            patient_id: None,
            purpose: None,
            outcome: "success",
        }
    }
    pub fn patient(mut self, patient_id: Uuid) -> Self {
        self.patient_id = Some(patient_id);
        self
    }
}

/// One row of `audit_event`.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    pub hospital_id: Uuid,
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    pub actor_user_id: Option<Uuid>,
    pub actor_role: String,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub patient_id: Option<Uuid>,
    pub purpose: Option<String>,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub outcome: String,
}

const INSERT_ROWS: &str = "insert into audit_event (hospital_id, id, occurred_at, actor_user_id,
    actor_role, action, resource_type, resource_id, patient_id, purpose, request_id, ip, outcome)
  select r.hospital_id, r.id, r.occurred_at, r.actor_user_id, r.actor_role, r.action,
         r.resource_type, r.resource_id, r.patient_id, r.purpose, r.request_id, r.ip, r.outcome
    from jsonb_to_recordset($1::jsonb) as r(hospital_id uuid, id uuid, occurred_at timestamptz,
         actor_user_id uuid, actor_role text, action text, resource_type text, resource_id text,
         patient_id uuid, purpose text, request_id text, ip text, outcome text)";

impl AuditRow {
    pub fn new(hospital_id: Uuid, caller: &Caller, meta: &RequestMeta, e: AuditEntry) -> Self {
        Self::by(hospital_id, Some(caller.user_id), &caller.role, meta, e)
    }

    pub fn by(
        hospital_id: Uuid,
        actor: Option<Uuid>,
        role: &str,
        meta: &RequestMeta,
        e: AuditEntry,
    ) -> Self {
        Self {
            hospital_id,
            id: Uuid::now_v7(),
            occurred_at: Utc::now(),
            actor_user_id: actor,
            actor_role: role.to_string(),
            action: e.action.to_string(),
            resource_type: e.resource_type.to_string(),
            resource_id: e.resource_id,
            patient_id: e.patient_id,
            purpose: e.purpose,
            request_id: Some(meta.request_id.clone()).filter(|s| !s.is_empty()),
            ip: meta.ip.map(|ip| ip.to_string()),
            outcome: e.outcome.to_string(),
        }
    }

    pub async fn insert(&self, conn: &impl ConnectionTrait) -> ApiResult<()> {
        insert_rows(conn, std::slice::from_ref(self)).await
    }
}

/// Inserts rows under the connection's current context (RLS checks each row's hospital).
pub async fn insert_rows(conn: &impl ConnectionTrait, rows: &[AuditRow]) -> ApiResult<()> {
    let json = serde_json::to_value(rows).map_err(|e| anyhow::anyhow!(e))?;
    conn.execute_raw(stmt(INSERT_ROWS, [Value::from(json)]))
        .await?;
    Ok(())
}

pub mod api;
mod service;
mod store;
pub mod types;
pub mod verify;

/// Seals committed audit events into their hospital's hash chain, once a second.
pub fn spawn_sealer(db: sea_orm::DatabaseConnection) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
        loop {
            tick.tick().await;
            if let Err(e) = db.execute_unprepared("select audit_seal()").await {
                tracing::warn!(error = %e, "audit sealing failed; will retry");
            }
        }
    });
}
