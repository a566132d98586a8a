//! `/api/v1/appointments/{id}/rating`, `/api/v1/ratings/doctors`: HTTP only.

use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};
use uuid::Uuid;

use crate::{
    auth::{BearerAuth, permit as perm},
    error::ApiResult,
    ids::AppointmentId,
    scheduling::ratings::{
        service,
        types::{DoctorRatingsView, Rating, RatingRequest},
    },
};

pub struct RatingsApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewRating {
    /// 1 to 5.
    #[oai(validator(maximum(value = "65535")))]
    pub stars: u32,
    /// At most 1000 characters.
    #[oai(nullable)]
    pub comment: Option<String>,
}

#[derive(ApiResponse)]
pub enum RatingCreated {
    #[oai(status = 201)]
    Created(Json<Rating>),
}
#[derive(ApiResponse)]
pub enum RatingAnswer {
    #[oai(status = 200)]
    Ok(Json<Rating>),
}
#[derive(ApiResponse)]
pub enum DoctorRatingsList {
    #[oai(status = 200)]
    Ok(Json<Vec<DoctorRatingsView>>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Scheduling")]
impl RatingsApi {
    /// Rate a completed visit (the patient, once).
    ///
    /// The patient of the appointment (404 for anyone else's, or another hospital's); 422 for
    /// a visit not completed, `stars` outside 1–5 or a comment over 1000 characters; 409 when
    /// it was rated already. Audited.
    #[oai(
        path = "/appointments/:id/rating",
        method = "post",
        operation_id = "rateAppointment"
    )]
    async fn rate(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<NewRating>,
    ) -> ApiResult<RatingCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Rating, perm::Create>().await?;
        let req = RatingRequest {
            stars: body.0.stars,
            comment: body.0.comment,
        };
        let r = service::rate(tx, &permit, AppointmentId::from(id.0), req).await?;
        Ok(RatingCreated::Created(Json(r)))
    }

    /// A visit's rating.
    ///
    /// The patient and doctor of the appointment and the hospital's admins; 404 when it has no
    /// rating or is not theirs.
    #[oai(
        path = "/appointments/:id/rating",
        method = "get",
        operation_id = "getAppointmentRating"
    )]
    async fn read(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<RatingAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Rating, perm::Read>().await?;
        let r = service::read(tx, &permit, AppointmentId::from(id.0)).await?;
        Ok(RatingAnswer::Ok(Json(r)))
    }

    /// Each doctor's ratings: count, mean, stars and the newest comments (hospital admins).
    ///
    /// Comments are shown without who wrote them.
    #[oai(
        path = "/ratings/doctors",
        method = "get",
        operation_id = "listDoctorRatings"
    )]
    async fn by_doctor(&self, auth: BearerAuth) -> ApiResult<DoctorRatingsList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Rating, perm::List>().await?;
        let l = service::by_doctor(tx, &permit).await?;
        Ok(DoctorRatingsList::Ok(Json(l)))
    }
}
