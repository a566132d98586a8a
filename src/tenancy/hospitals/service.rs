//! The hospital domain's rules and transactions. Each function takes the request's transaction
//! and the permit casbin gave for what it does, and commits when it is done; the SQL is in
//! `store`.

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::ApiResult,
    ids::HospitalId,
    tenancy::{
        hospitals::{
            store,
            types::{CreatedHospital, Hospital, HospitalPatch, Onboarding, Settings},
        },
        users::{Account, create_member},
    },
};

/// Onboards a hospital with its first administrator, whose account is checked and hashed with
/// no transaction open (422); 409 when the slug or the email is taken. Audited.
#[tracing::instrument(skip_all)]
pub async fn onboard(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Hospital, perm::Create>,
    hospital: Onboarding,
    admin: Account,
) -> ApiResult<CreatedHospital> {
    let (admin, tx) = tx.outside(state, admin.checked(state)).await?;
    let id = HospitalId::new();
    store::insert(&tx, id, &hospital).await?;
    let admin_user_id = create_member(&tx, id, admin, "hospital_admin").await?;
    tx.audit_write(
        id.uuid(),
        AuditEntry::new("hospital.create", "hospital", id.uuid()),
    )
    .await?;
    let hospital = store::fetch(&tx, id).await?;
    tx.commit().await?;
    Ok(CreatedHospital {
        hospital,
        admin_user_id: admin_user_id.uuid(),
    })
}

/// A page of the hospitals the caller may see.
#[tracing::instrument(skip_all)]
pub async fn list(
    tx: TenantTx,
    _: &Permit<perm::Hospital, perm::List>,
    page: Page,
) -> ApiResult<Listing<Hospital>> {
    let listing = store::page(&tx, &page).await?;
    tx.commit().await?;
    Ok(listing)
}

/// One hospital the caller may see (404 otherwise).
#[tracing::instrument(skip_all, fields(hospital = %id))]
pub async fn read(
    tx: TenantTx,
    _: &Permit<perm::Hospital, perm::Read>,
    id: HospitalId,
) -> ApiResult<Hospital> {
    let h = store::fetch(&tx, id).await?;
    tx.commit().await?;
    Ok(h)
}

/// Changes a hospital's settings: 404 for one the caller may not see, then 422 for an invalid
/// value; `suspend`, with its own permit, suspends or reinstates it. Audited as an update, a
/// suspension or a reinstatement.
#[tracing::instrument(skip_all, fields(hospital = %id))]
pub async fn update(
    tx: TenantTx,
    _: &Permit<perm::Hospital, perm::Update>,
    suspend: Option<(bool, &Permit<perm::Hospital, perm::Suspend>)>,
    id: HospitalId,
    patch: HospitalPatch,
) -> ApiResult<Hospital> {
    let current = store::fetch(&tx, id).await?;
    let settings = Settings::parse(&patch, &current)?;
    let suspended = suspend.map(|(s, _)| s);
    store::update(&tx, id, &settings, suspended).await?;
    let action = match suspended {
        // The hospital's sessions end in the same statement (trigger, migrations/0013).
        Some(true) if !current.suspended => "hospital.suspend",
        Some(false) if current.suspended => "hospital.reinstate",
        _ => "hospital.update",
    };
    tx.audit_write(id.uuid(), AuditEntry::new(action, "hospital", id.uuid()))
        .await?;
    let h = store::fetch(&tx, id).await?;
    tx.commit().await?;
    Ok(h)
}
