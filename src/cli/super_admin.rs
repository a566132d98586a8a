use anyhow::bail;
use sea_orm::{ConnectionTrait, Value};
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use crate::{
    app::Config,
    auth::{
        password::hash_blocking,
        types::{Email, full_name, new_password},
    },
    db::stmt,
};

/// Creates a super admin through the owner connection. With `upsert`, an existing super admin
/// with that email gets the given password instead (the demo's fixed login).
pub async fn create(
    config: &Config,
    email: &str,
    name: &str,
    password: SecretString,
    upsert: bool,
) -> anyhow::Result<Uuid> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = new_password(password.expose_secret().to_string(), &email)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let name = full_name(name).map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = {
        let p = password.expose_secret().to_string();
        tokio::task::spawn_blocking(move || hash_blocking(&p)).await??
    };
    let admin = crate::db::connect(&config.database_admin_url, 1).await?;
    let existing = admin
        .query_one_raw(stmt(
            "select id, is_super_admin from app_user where email = $1",
            [email.as_str().into()],
        ))
        .await?;
    let id = match existing {
        Some(row) => {
            let id: Uuid = row.try_get("", "id")?;
            let is_super: bool = row.try_get("", "is_super_admin")?;
            if !upsert || !is_super {
                bail!("an account with email {} already exists", email.as_str());
            }
            admin
                .execute_raw(stmt(
                    "update app_user set password_hash = $2, active = true, password_changed_at = now() where id = $1",
                    [Value::from(id), hash.into()],
                ))
                .await?;
            id
        }
        None => {
            let id = Uuid::now_v7();
            admin
                .execute_raw(stmt(
                    "insert into app_user (id, email, password_hash, full_name, is_super_admin) values ($1, $2, $3, $4, true)",
                    [Value::from(id), email.as_str().into(), hash.into(), name.into()],
                ))
                .await?;
            id
        }
    };
    admin.close().await?;
    Ok(id)
}
