//! Creating accounts inside a hospital (admin-created staff and patients).

use sea_orm::Value;
use uuid::Uuid;

use crate::{
    app::AppState,
    auth::types::{Email, full_name, new_password},
    db::TenantTx,
    error::ApiResult,
};

pub struct NewMember {
    pub email: Email,
    pub full_name: String,
    pub password_hash: String,
}

impl NewMember {
    /// Checks the fields and hashes the password (off the async runtime).
    pub async fn parse(
        state: &AppState,
        email: &str,
        name: &str,
        password: String,
    ) -> ApiResult<Self> {
        let email = Email::parse(email)?;
        let password = new_password(password, &email)?;
        let full_name = full_name(name)?;
        let password_hash = state.hasher.hash(&password).await?;
        Ok(Self {
            email,
            full_name,
            password_hash,
        })
    }
}

/// Inserts the account and its membership with `role` in `hospital_id`.
pub async fn create_member(
    tx: &TenantTx,
    hospital_id: Uuid,
    m: NewMember,
    role: &str,
) -> ApiResult<Uuid> {
    use sea_orm::ConnectionTrait;
    let user_id = Uuid::now_v7();
    let res = tx
        .conn()
        .execute_raw(crate::db::stmt(
            "insert into app_user (id, email, password_hash, full_name, must_change_password)
             values ($1, $2, $3, $4, false)",
            [
                Value::from(user_id),
                m.email.as_str().into(),
                m.password_hash.into(),
                m.full_name.into(),
            ],
        ))
        .await;
    res?;
    tx.conn()
        .execute_raw(crate::db::stmt(
            "insert into membership (hospital_id, user_id, role) values ($1, $2, $3)",
            [hospital_id.into(), user_id.into(), role.into()],
        ))
        .await?;
    Ok(user_id)
}
