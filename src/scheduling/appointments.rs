//! What other domains use of scheduling (payments, notifications, FHIR, records): an
//! appointment, the hospital's booking settings, and the rule of when an appointment's room may
//! be joined. The use cases themselves are `service`'s.

use crate::{db::TenantTx, error::ApiResult, ids::AppointmentId};

pub use crate::scheduling::{
    lifecycle::{Action, Status},
    service::start_in,
    store::{SELECT, settings},
    types::{Appointment, JOIN_EARLY_MINUTES, Settings, can_join},
};

/// One appointment the caller may see; 404 otherwise. Takes its id typed or as the bare `Uuid`
/// another domain holds it as.
pub async fn get(tx: &TenantTx, id: impl Into<AppointmentId>) -> ApiResult<Appointment> {
    crate::scheduling::store::find(tx, id.into()).await
}
