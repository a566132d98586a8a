//! Suggesting specialties for a reason: the hospital's switch, the registry's active model on
//! the blocking pool, then the hospital's doctors of each suggested specialty.

use crate::{
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    inference::{
        registry::{Model, Registry},
        service::require_switched_on,
        types::Kind,
    },
    specialty::{
        store,
        types::{
            DOCTORS_PER_SPECIALTY, NOTICE, Reason, SuggestedDoctor, Suggestion, Suggestions, TOP,
            synonyms,
        },
    },
};

/// The three most probable specialties for `reason`, each with the caller's hospital's doctors
/// who practise it; 409 when the hospital has specialty suggestions (or AI assistance) off.
/// Nothing of the reason is stored, logged or audited: it reaches the model only.
#[tracing::instrument(skip_all)]
pub async fn suggest(
    tx: TenantTx,
    _: &Permit<perm::SpecialtySuggestion, perm::Create>,
    registry: &Registry,
    reason: Reason,
) -> ApiResult<Suggestions> {
    require_switched_on(&tx, Kind::Specialty).await?;
    let (model_version, model) = registry.active(tx.conn(), Kind::Specialty.as_str()).await?;
    let text = reason.into_string();
    // A forward pass is well under a millisecond, but it is CPU work: not on the runtime.
    let ranked = tokio::task::spawn_blocking(move || {
        let model = model
            .lock()
            .map_err(|_| anyhow::anyhow!("the model is unavailable"))?;
        match &*model {
            Model::Specialty(s) => s.suggest(&text, TOP),
            _ => Err(anyhow::anyhow!(
                "the active specialty model is of another kind"
            )),
        }
    })
    .await
    .map_err(|e| ApiError::Internal(e.into()))??;
    let names: Vec<&str> = ranked
        .iter()
        .flat_map(|(s, _)| synonyms(s).iter().copied())
        .collect();
    let doctors = store::doctors_with(&tx, &names).await?;
    tx.commit().await?;
    let suggestions = ranked
        .into_iter()
        .map(|(specialty, probability)| Suggestion {
            specialty: specialty.to_string(),
            probability,
            doctors: doctors
                .iter()
                .filter(|d| synonyms(specialty).contains(&d.specialization.as_str()))
                .take(DOCTORS_PER_SPECIALTY)
                .map(|d| SuggestedDoctor {
                    id: d.id,
                    name: d.full_name.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(Suggestions {
        suggestions,
        model_version,
        notice: NOTICE.to_string(),
    })
}
