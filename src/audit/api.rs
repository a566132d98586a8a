//! Reading the audit trail: the hospital's (admins), a patient's access log (the patient,
//! their care team, admins), platform events (super admins).
//!
//! HTTP only: each handler parses its filters and page, asks casbin for its permit and hands
//! both to `service`.

use chrono::{DateTime, Utc};
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::paging::Listing,
    audit::{
        service,
        types::{AccessLogEntry, AuditEvent, EventFilter, NewestFirst},
    },
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
    ids::{PatientId, UserId},
};

pub struct AuditApi;

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
        let permit = tx.permit::<perm::AuditEvent, perm::List>().await?;
        let page = NewestFirst::parse(limit.0, cursor.0)?;
        let filter = EventFilter {
            actor: actor.0.map(UserId::from),
            patient: patient.0.map(PatientId::from),
            action: action.0,
            from: from.0,
            to: to.0,
        };
        let listing = service::events(tx, &permit, filter, page).await?;
        Ok(EventsAnswer::Ok(Json(listing)))
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
        let tx = auth.0;
        let permit = tx.permit::<perm::AccessLog, perm::Read>().await?;
        let page = NewestFirst::parse(limit.0, cursor.0)?;
        let listing = service::access_log(tx, &permit, PatientId::from(id.0), page).await?;
        Ok(AccessLogAnswer::Ok(Json(listing)))
    }
}
