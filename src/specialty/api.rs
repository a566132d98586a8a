//! `POST /api/v1/specialty-suggestions`: HTTP only. Parses the reason, asks casbin for the
//! permit and hands both to `service`.

use poem_openapi::{ApiResponse, Object, OpenApi, payload::Json};

use crate::{
    app::AppState,
    auth::{BearerAuth, permit as perm},
    error::ApiResult,
    specialty::{
        service,
        types::{Reason, Suggestions},
    },
};

pub struct SpecialtyApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct SuggestionRequest {
    /// The reason for the visit in the patient's words, English or Nepali (1 to 500
    /// characters).
    pub reason: String,
}

#[derive(ApiResponse)]
pub enum SuggestionAnswer {
    #[oai(status = 200)]
    Ok(Json<Suggestions>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Inference")]
impl SpecialtyApi {
    /// Suggest specialties, and this hospital's doctors who have them, for a reason for a visit.
    ///
    /// Patients and hospital admins (who book for them). Answers the three most probable
    /// specialties, most probable first, each with its probability and this hospital's active
    /// doctors of that specialization; `notice` is "suggested, not a diagnosis", to be shown
    /// with them. 422 for a reason that is empty, over 500 characters or without words; 409
    /// when the hospital has switched AI assistance or specialty suggestions off. The reason is
    /// neither stored nor logged.
    #[oai(
        path = "/specialty-suggestions",
        method = "post",
        operation_id = "suggestSpecialties"
    )]
    async fn suggest(
        &self,
        state: poem::web::Data<&AppState>,
        auth: BearerAuth,
        body: Json<SuggestionRequest>,
    ) -> ApiResult<SuggestionAnswer> {
        let tx = auth.0;
        let permit = tx
            .permit::<perm::SpecialtySuggestion, perm::Create>()
            .await?;
        let reason = Reason::parse(&body.0.reason)?;
        let answer = service::suggest(tx, &permit, &state.registry, reason).await?;
        Ok(SuggestionAnswer::Ok(Json(answer)))
    }
}
