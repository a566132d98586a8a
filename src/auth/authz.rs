//! Which actions a role may take (casbin, RBAC with domains). Which rows exist for the caller
//! is RLS's business; both must hold.

use std::sync::Arc;

use casbin::{CoreApi, DefaultModel, Enforcer, StringAdapter};
use tokio::sync::RwLock;

use crate::{
    db::Caller,
    error::{ApiError, ApiResult},
};

pub const MODEL: &str = include_str!("../../policies/model.conf");
pub const BASE_POLICY: &str = include_str!("../../policies/policy.csv");

#[derive(Clone)]
pub struct Authz {
    enforcer: Arc<RwLock<Enforcer>>,
}

/// Proof that an authorization check passed; services that change state ask for one.
#[derive(Debug, Clone, Copy)]
pub struct Permit {
    _private: (),
}

impl Authz {
    pub async fn load() -> anyhow::Result<Self> {
        let model = DefaultModel::from_str(MODEL).await?;
        let adapter = StringAdapter::new(BASE_POLICY);
        let enforcer = Enforcer::new(model, adapter).await?;
        Ok(Self {
            enforcer: Arc::new(RwLock::new(enforcer)),
        })
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
        let e = self.enforcer.read().await;
        e.enforce((role, domain, object, action))
            .map_err(|err| ApiError::Internal(err.into()))
    }

    /// 403 unless the caller's role may take `action` on `object`.
    pub async fn permit(&self, caller: &Caller, object: &str, action: &str) -> ApiResult<Permit> {
        if self
            .allows(&caller.role, &Self::domain(caller), object, action)
            .await?
        {
            Ok(Permit { _private: () })
        } else {
            Err(ApiError::Forbidden)
        }
    }
}
