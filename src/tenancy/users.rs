//! Creating accounts inside a hospital (admin-created staff and patients).

use sea_orm::Value;

use crate::{
    app::AppState,
    auth::types::{Email, full_name, new_password},
    db::TenantTx,
    error::ApiResult,
    ids::{HospitalId, UserId},
};

/// A new account's fields as the request gave them. They are checked and the password hashed
/// by [`Account::checked`], which the services run with no transaction open
/// (`TenantTx::outside`), after the checks of their own.
pub struct Account {
    pub email: String,
    pub full_name: String,
    pub password: String,
}

impl Account {
    /// [`NewMember::parse`] of these fields.
    pub async fn checked(self, state: &AppState) -> ApiResult<NewMember> {
        NewMember::parse(state, &self.email, &self.full_name, self.password).await
    }
}

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

/// Inserts the account and its membership with `role` in `hospital`.
pub async fn create_member(
    tx: &TenantTx,
    hospital: HospitalId,
    m: NewMember,
    role: &str,
) -> ApiResult<UserId> {
    use sea_orm::ConnectionTrait;
    let user_id = UserId::new();
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
            [hospital.into(), user_id.into(), role.into()],
        ))
        .await?;
    Ok(user_id)
}
