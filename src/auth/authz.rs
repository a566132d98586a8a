//! Which actions a role may take (casbin, RBAC with domains). Which rows exist for the caller
//! is RLS's business; both must hold.
//!
//! Base roles come from `policies/policy.csv` (domain `*`). A hospital's custom roles live in
//! PostgreSQL (`role_permission`) and are granted in that hospital's domain only. After a
//! change, the instance that made it publishes on Redis and every instance reloads.

use std::{collections::HashMap, sync::Arc};

use casbin::{CoreApi, DefaultModel, Enforcer, MgmtApi, StringAdapter};
use futures_util::StreamExt;
use sea_orm::{DatabaseConnection, FromQueryResult};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::RwLock;
use uuid::Uuid;

use crate::{
    auth::permit::{Action, Allows, Permit},
    db::{Caller, stmt},
    error::{ApiError, ApiResult},
};

pub const MODEL: &str = include_str!("../../policies/model.conf");
pub const BASE_POLICY: &str = include_str!("../../policies/policy.csv");

/// (role, domain, object, action).
type Request = (String, String, String, String);

#[derive(Clone)]
pub struct Authz {
    enforcer: Arc<RwLock<Enforcer>>,
    /// Decisions already taken, keyed by (role, domain, object, action); emptied on reload.
    decisions: Arc<std::sync::RwLock<HashMap<Request, bool>>>,
}

#[derive(FromQueryResult)]
struct CustomRule {
    hospital_id: Uuid,
    role: String,
    object: String,
    action: String,
}

impl Authz {
    /// The base policy only (no database): for the permission matrix and the spec.
    pub async fn base() -> anyhow::Result<Self> {
        let model = DefaultModel::from_str(MODEL).await?;
        let enforcer = Enforcer::new(model, StringAdapter::new(BASE_POLICY)).await?;
        Ok(Self {
            enforcer: Arc::new(RwLock::new(enforcer)),
            decisions: Arc::default(),
        })
    }

    /// Base policy plus every hospital's custom roles.
    pub async fn load(db: &DatabaseConnection) -> anyhow::Result<Self> {
        let authz = Self::base().await?;
        authz.reload(db).await?;
        Ok(authz)
    }

    /// Rebuilds the policy from the base file and the database.
    pub async fn reload(&self, db: &DatabaseConnection) -> anyhow::Result<()> {
        let rules =
            CustomRule::find_by_statement(stmt("select * from authz_custom_policies()", []))
                .all(db)
                .await?;
        let model = DefaultModel::from_str(MODEL).await?;
        let mut fresh = Enforcer::new(model, StringAdapter::new(BASE_POLICY)).await?;
        // Custom rules come from PostgreSQL; the string adapter must not try to persist them.
        fresh.enable_auto_save(false);
        let custom: Vec<Vec<String>> = rules
            .into_iter()
            .map(|r| vec![r.role, r.hospital_id.to_string(), r.object, r.action])
            .collect();
        if !custom.is_empty() {
            fresh.add_policies(custom).await?;
        }
        let mut enforcer = self.enforcer.write().await;
        *enforcer = fresh;
        // Cleared while the new policy is locked in, so no stale decision survives the swap.
        self.decisions.write().expect("decision cache").clear();
        Ok(())
    }

    /// The caller's domain: its hospital, or "platform" for a super admin.
    pub fn domain(caller: &Caller) -> String {
        caller
            .hospital_id
            .map_or_else(|| "platform".to_string(), |h| h.to_string())
    }

    pub async fn allows(
        &self,
        role: &str,
        domain: &str,
        object: &str,
        action: &str,
    ) -> ApiResult<bool> {
        // The cache is filled under the enforcer's read lock and emptied under its write lock,
        // so a decision taken by a policy that has since been replaced is never kept.
        let e = self.enforcer.read().await;
        let key: Request = (role.into(), domain.into(), object.into(), action.into());
        if let Some(allowed) = self.decisions.read().expect("decision cache").get(&key) {
            return Ok(*allowed);
        }
        let allowed = e
            .enforce((role, domain, object, action))
            .map_err(|err| ApiError::Internal(err.into()))?;
        self.decisions
            .write()
            .expect("decision cache")
            .insert(key, allowed);
        Ok(allowed)
    }

    /// Everything the caller's role may do in its domain, as `object:action` (what the API's
    /// permits would allow; each call still asks for its own).
    pub async fn granted(&self, caller: &Caller) -> ApiResult<Vec<String>> {
        let domain = Self::domain(caller);
        let appointment_steps = crate::scheduling::lifecycle::Action::ALL
            .into_iter()
            .map(|a| ("appointment", crate::auth::permit::Action::name(&a)));
        let mut out = Vec::new();
        for (object, action) in crate::auth::permit::pairs()
            .into_iter()
            .chain(appointment_steps)
        {
            if self.allows(&caller.role, &domain, object, action).await? {
                out.push(format!("{object}:{action}"));
            }
        }
        out.sort();
        Ok(out)
    }

    /// 403 unless the caller's role may take `action` on `object`; otherwise the proof.
    pub async fn permit<O: Allows<A>, A: Action>(
        &self,
        caller: &Caller,
        object: O,
        action: A,
    ) -> ApiResult<Permit<O, A>> {
        if caller.must_change_password {
            return Err(ApiError::ForbiddenBecause(
                "change your password first (POST /api/v1/auth/password)",
            ));
        }
        if caller.must_enrol_totp {
            return Err(ApiError::ForbiddenBecause(
                "this hospital requires two-factor sign-in: set it up first (POST /api/v1/auth/totp)",
            ));
        }
        if self
            .allows(
                &caller.role,
                &Self::domain(caller),
                object.name(),
                action.name(),
            )
            .await?
        {
            Ok(Permit::new(object, action))
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// The Redis channel on which policy changes are announced.
pub fn channel(namespace: &str) -> String {
    format!("{namespace}:authz-changed")
}

/// Tells every instance (this one included) to reload its policy.
pub async fn announce(redis: &mut redis::aio::ConnectionManager, namespace: &str) -> ApiResult<()> {
    redis::cmd("PUBLISH")
        .arg(channel(namespace))
        .arg("reload")
        .query_async::<i64>(redis)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(())
}

/// While the Redis subscription is down, the policy is reloaded this often instead.
pub const POLL_WHILE_DOWN: std::time::Duration = std::time::Duration::from_secs(2);

/// Reloads the policy whenever another instance announces a change. Runs for the process's life,
/// reconnecting after Redis outages (and reloading then, in case an announcement was missed);
/// while Redis is down it reloads every [`POLL_WHILE_DOWN`], so changes still arrive.
pub fn spawn_reloader(
    authz: Authz,
    db: DatabaseConnection,
    redis_url: SecretString,
    namespace: String,
) {
    tokio::spawn(async move {
        loop {
            let result: anyhow::Result<()> = async {
                let client = redis::Client::open(redis_url.expose_secret())?;
                let connect = client.get_async_pubsub();
                let mut pubsub =
                    tokio::time::timeout(std::time::Duration::from_secs(2), connect).await??;
                pubsub.subscribe(channel(&namespace)).await?;
                authz.reload(&db).await?;
                let mut messages = pubsub.on_message();
                while messages.next().await.is_some() {
                    if let Err(e) = authz.reload(&db).await {
                        tracing::error!(error = %e, "policy reload failed");
                    }
                }
                Ok(())
            }
            .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "policy subscription down; polling");
            }
            if let Err(e) = authz.reload(&db).await {
                tracing::warn!(error = %e, "policy reload failed");
            }
            tokio::time::sleep(POLL_WHILE_DOWN).await;
        }
    });
}
