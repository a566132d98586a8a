//! `/api/v1/roles`: a hospital's custom roles. HTTP only: each handler asks casbin for its
//! permit and hands it, with what it was given, to `service`.

use poem::web::Data;
use poem_openapi::{ApiResponse, OpenApi, param::Path, payload::Json};

use crate::{
    app::AppState,
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
    tenancy::roles::{
        service,
        types::{Role, RoleDefinition, RoleName},
    },
};

pub struct RolesApi;

#[derive(ApiResponse)]
pub enum RoleSaved {
    /// Created or replaced.
    #[oai(status = 201)]
    Created(Json<Role>),
}
#[derive(ApiResponse)]
pub enum RoleList {
    #[oai(status = 200)]
    Ok(Json<Vec<Role>>),
}
#[derive(ApiResponse)]
pub enum RoleDeleted {
    #[oai(status = 204)]
    Done,
}

#[OpenApi(prefix_path = "/api/v1/roles", tag = "crate::app::server::Tag::Staff")]
impl RolesApi {
    /// Define (or redefine) a custom role for this hospital (hospital admin).
    ///
    /// Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
    /// hospital admin has or a delegable one (`prescription` list, read, dispense), never on
    /// `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
    /// Audited; every server instance applies the change within a second.
    #[oai(path = "/", method = "post", operation_id = "saveRole")]
    async fn save(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<RoleDefinition>,
    ) -> ApiResult<RoleSaved> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Role, perm::Create>().await?;
        let b = body.0;
        let name = RoleName::parse(&b.name)?;
        let role = service::save(&state, tx, &permit, name, b.permissions).await?;
        Ok(RoleSaved::Created(Json(role)))
    }

    /// This hospital's custom roles.
    ///
    /// Hospital admins only. Each custom role with its permissions (object and action), by name;
    /// base roles are not listed.
    #[oai(path = "/", method = "get", operation_id = "listRoles")]
    async fn list(&self, auth: BearerAuth) -> ApiResult<RoleList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Role, perm::List>().await?;
        let roles = service::list(tx, &permit).await?;
        Ok(RoleList::Ok(Json(roles)))
    }

    /// Delete a custom role no member holds any more.
    ///
    /// Hospital admins only. 409 while any member of the hospital holds the role, deactivated
    /// members included; 404 for an unknown role. Audited; every server instance applies the change
    /// within a second.
    #[oai(path = "/:name", method = "delete", operation_id = "deleteRole")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        name: Path<String>,
    ) -> ApiResult<RoleDeleted> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Role, perm::Delete>().await?;
        service::delete(&state, tx, &permit, &name.0).await?;
        Ok(RoleDeleted::Done)
    }
}
