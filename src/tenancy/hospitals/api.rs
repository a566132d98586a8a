//! `/api/v1/hospitals`: super admins onboard, edit and suspend tenants; members see their own.
//! HTTP only: each handler names the ids it was given, asks casbin for its permit and hands
//! both to `service`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
    ids::HospitalId,
    tenancy::hospitals::{
        service,
        types::{CreatedHospital, Hospital, HospitalPatch, NewHospital, Onboarding},
    },
};

pub struct HospitalsApi;

#[derive(ApiResponse)]
pub enum CreateAnswer {
    #[oai(status = 201)]
    Created(Json<CreatedHospital>),
}

#[derive(ApiResponse)]
pub enum ListAnswer {
    #[oai(status = 200)]
    Ok(Json<Listing<Hospital>>),
}

#[derive(ApiResponse)]
pub enum HospitalAnswer {
    #[oai(status = 200)]
    Ok(Json<Hospital>),
}

#[OpenApi(
    prefix_path = "/api/v1/hospitals",
    tag = "crate::app::server::Tag::Hospitals"
)]
impl HospitalsApi {
    /// Onboard a hospital with its first administrator (super admin).
    ///
    /// Super admins only. Creates the hospital and a `hospital_admin` account that signs in with
    /// the given password; `approval_required` defaults to true, `payment_required` to true unless
    /// the provider is `none`, and `ai_assistance` to false. 422 for an invalid name, slug, time
    /// zone, currency, fee or admin field, or Khalti with a currency other than NPR; 409 when the
    /// slug or the admin's email is taken; audited.
    #[oai(path = "/", method = "post", operation_id = "createHospital")]
    async fn create(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewHospital>,
    ) -> ApiResult<CreateAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Hospital, perm::Create>().await?;
        let b = body.0;
        let hospital = Onboarding::parse(&b)?;
        let created = service::onboard(&state, tx, &permit, hospital, b.admin.account()).await?;
        Ok(CreateAnswer::Created(Json(created)))
    }

    /// List hospitals: all for a super admin, one's own for everyone else.
    ///
    /// Super admins, hospital admins, doctors and patients. In creation order, paged with `limit`
    /// (1 to 200, default 50) and `cursor` (the previous page's `next_cursor`).
    #[oai(path = "/", method = "get", operation_id = "listHospitals")]
    async fn list(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<ListAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Hospital, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list(tx, &permit, page).await?;
        Ok(ListAnswer::Ok(Json(listing)))
    }

    /// One hospital (404 for another tenant's id unless super admin).
    ///
    /// Super admins read any hospital; hospital admins, doctors and patients only their own.
    /// Answers its settings: payment, booking rules, AI switches and quota, and whether it is
    /// suspended.
    #[oai(path = "/:id", method = "get", operation_id = "getHospital")]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<HospitalAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Hospital, perm::Read>().await?;
        let h = service::read(tx, &permit, HospitalId::from(id.0)).await?;
        Ok(HospitalAnswer::Ok(Json(h)))
    }

    /// Change settings; a super admin may also suspend or reinstate.
    ///
    /// Super admins for any hospital, hospital admins for their own (404 for another's id); fields
    /// left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
    /// 422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
    /// Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
    /// reinstated.
    #[oai(path = "/:id", method = "patch", operation_id = "updateHospital")]
    async fn update(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<HospitalPatch>,
    ) -> ApiResult<HospitalAnswer> {
        let tx = auth.0;
        let p = body.0;
        let permit = tx.permit::<perm::Hospital, perm::Update>().await?;
        let suspend_permit = match p.suspended {
            Some(_) => Some(tx.permit::<perm::Hospital, perm::Suspend>().await?),
            None => None,
        };
        let suspend = p.suspended.zip(suspend_permit.as_ref());
        let h = service::update(tx, &permit, suspend, HospitalId::from(id.0), p).await?;
        Ok(HospitalAnswer::Ok(Json(h)))
    }
}
