//! The inference domain's values: job kinds, stages and model statuses parsed from requests, a
//! checked model upload, and what readers are answered.

use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    ids::DocumentId,
};

#[derive(Object)]
pub struct JobAccepted {
    pub id: Uuid,
    /// `queued`.
    pub status: String,
}

/// A job and, once it succeeded, its result. A sleep-staging result has `stages` (one of W,
/// N1, N2, N3, REM per 30-second epoch, in order), `probabilities` per epoch and `summary`.
#[derive(Object, FromQueryResult)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    /// `queued`, `running`, `succeeded`, `failed` or `cancelled`.
    pub status: String,
    /// 0 to 1 while running.
    pub progress: f32,
    #[oai(nullable)]
    pub model_version: Option<String>,
    pub document_id: Uuid,
    pub patient_id: Uuid,
    pub attempts: i32,
    #[oai(nullable)]
    pub error: Option<String>,
    #[oai(nullable)]
    pub result: Option<serde_json::Value>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub started_at: Option<chrono::DateTime<chrono::Utc>>,
    #[oai(nullable)]
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl Job {
    /// The number of staged epochs of a succeeded sleep-staging job; `None` for any other job.
    pub fn staged_epochs(&self) -> Option<usize> {
        self.result
            .as_ref()
            .and_then(|r| r["stages"].as_array().map(Vec::len))
            .filter(|_| self.status == "succeeded" && self.kind == Kind::SleepStaging.as_str())
    }
}

/// A job's row without its (large) result, for lists.
#[derive(Object, FromQueryResult)]
pub struct JobRow {
    pub id: Uuid,
    pub kind: String,
    pub status: String,
    pub progress: f32,
    #[oai(nullable)]
    pub model_version: Option<String>,
    pub document_id: Uuid,
    pub patient_id: Uuid,
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A doctor's stage for one epoch of a sleep-staging result.
#[derive(Object, FromQueryResult)]
pub struct StageCorrection {
    pub epoch: i32,
    /// `W`, `N1`, `N2`, `N3` or `REM`.
    pub stage: String,
}

/// `GET /inference/jobs/{id}`: the job, and the doctors' corrections of its result by epoch
/// (sleep staging; empty otherwise). `result` stays the model's own answer.
#[derive(Object)]
pub struct JobDetail {
    #[oai(flatten)]
    pub job: Job,
    pub corrections: Vec<StageCorrection>,
}

#[derive(Object)]
pub struct Corrected {
    /// Epochs whose stage a doctor set, in total for this job.
    pub corrected: i64,
}

#[derive(Object, FromQueryResult)]
pub struct ModelVersion {
    pub kind: String,
    pub version: String,
    /// Hex.
    pub sha256: String,
    pub status: String,
    pub metrics: serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A model kind of the registry: what an AI job does (sleep staging, chest X-ray), or the
/// specialty suggestion, which runs in the request (no job) and is switched per hospital the
/// same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SleepStaging,
    ChestXray,
    Specialty,
}

impl Kind {
    /// A job's kind: 422 for anything but the two names that jobs run.
    pub fn parse(s: &str) -> ApiResult<Self> {
        match s {
            "sleep_staging" => Ok(Self::SleepStaging),
            "chest_xray" => Ok(Self::ChestXray),
            _ => Err(ApiError::unprocessable(
                "kind must be sleep_staging or chest_xray",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SleepStaging => "sleep_staging",
            Self::ChestXray => "chest_xray",
            Self::Specialty => "specialty",
        }
    }
}

/// A job to queue.
#[derive(Debug, Clone, Copy)]
pub struct NewJob {
    pub kind: Kind,
    pub document: DocumentId,
}

/// A sleep stage, as the model and doctors name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    W,
    N1,
    N2,
    N3,
    Rem,
}

impl Stage {
    pub const ALL: [Self; 5] = [Self::W, Self::N1, Self::N2, Self::N3, Self::Rem];

    /// `None` for anything but `W`, `N1`, `N2`, `N3` and `REM`: whether that is refused (422)
    /// is decided with the job's epochs in hand, once the job is known to be correctable.
    pub fn named(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::W => "W",
            Self::N1 => "N1",
            Self::N2 => "N2",
            Self::N3 => "N3",
            Self::Rem => "REM",
        }
    }
}

/// One correction as asked for: a 0-based epoch and the stage (`None`: not a stage name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub epoch: i32,
    pub stage: Option<Stage>,
}

impl Fix {
    /// The epoch and stage when both are valid for a result of `epochs` epochs.
    pub fn within(self, epochs: usize) -> Option<(i32, Stage)> {
        let epoch_ok = usize::try_from(self.epoch).is_ok_and(|e| e < epochs);
        self.stage.filter(|_| epoch_ok).map(|s| (self.epoch, s))
    }
}

/// What a model version may be set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelStatus {
    Active,
    Shadow,
    Retired,
}

impl ModelStatus {
    /// 422 for anything but the three names.
    pub fn parse(s: &str) -> ApiResult<Self> {
        match s {
            "active" => Ok(Self::Active),
            "shadow" => Ok(Self::Shadow),
            "retired" => Ok(Self::Retired),
            _ => Err(ApiError::unprocessable(
                "status must be active, shadow or retired",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Shadow => "shadow",
            Self::Retired => "retired",
        }
    }
}

/// Weights to register, checked: a sleep-staging or specialty model, a well-formed version, 1
/// byte to 20 MiB.
pub struct Upload {
    pub kind: Kind,
    pub version: String,
    pub weights: Vec<u8>,
}

impl Upload {
    pub const MAX_BYTES: usize = 20 * 1024 * 1024;

    /// 422 for another kind, a malformed version or weights out of bounds, in that order.
    pub fn parse(kind: &str, version: &str, weights: Vec<u8>) -> ApiResult<Self> {
        let kind = match kind {
            "sleep_staging" => Kind::SleepStaging,
            "specialty" => Kind::Specialty,
            _ => {
                return Err(ApiError::unprocessable(
                    "only sleep_staging and specialty models can be registered",
                ));
            }
        };
        let v = version.trim().to_string();
        let ok = !v.is_empty()
            && v.len() <= 64
            && v.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if !ok {
            return Err(ApiError::unprocessable(
                "version: 1 to 64 of a-z, 0-9, '.', '_', '-'",
            ));
        }
        if weights.is_empty() || weights.len() > Self::MAX_BYTES {
            return Err(ApiError::unprocessable("weights must be 1 byte to 20 MiB"));
        }
        Ok(Self {
            kind,
            version: v,
            weights,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_model_statuses_parse_from_their_names_only() {
        for k in [Kind::SleepStaging, Kind::ChestXray] {
            assert_eq!(Kind::parse(k.as_str()).unwrap(), k);
        }
        assert_eq!(
            [Kind::SleepStaging, Kind::ChestXray].map(Kind::as_str),
            crate::inference::KINDS
        );
        assert!(Kind::parse("Sleep_staging").is_err());
        // The suggestion runs in the request: no job of its kind can be queued.
        assert!(Kind::parse(Kind::Specialty.as_str()).is_err());
        for s in [
            ModelStatus::Active,
            ModelStatus::Shadow,
            ModelStatus::Retired,
        ] {
            assert_eq!(ModelStatus::parse(s.as_str()).unwrap(), s);
        }
        assert!(ModelStatus::parse("deleted").is_err());
    }

    #[test]
    fn stages_are_the_models_stages_and_fixes_stay_within_the_result() {
        assert_eq!(Stage::ALL.map(Stage::as_str), carebridge_ml::synth::STAGES);
        assert_eq!(Stage::named("REM"), Some(Stage::Rem));
        assert_eq!(Stage::named("rem"), None);
        let fix = |epoch, stage| Fix { epoch, stage };
        assert_eq!(fix(0, Some(Stage::W)).within(1), Some((0, Stage::W)));
        assert_eq!(fix(1, Some(Stage::W)).within(1), None);
        assert_eq!(fix(-1, Some(Stage::W)).within(1), None);
        assert_eq!(fix(0, None).within(1), None);
    }

    #[test]
    fn uploads_are_sleep_staging_or_specialty_weights_with_a_plain_version() {
        let ok = Upload::parse("sleep_staging", " v2.1-b_3 ", vec![1]).unwrap();
        assert_eq!(
            (ok.kind, ok.version.as_str()),
            (Kind::SleepStaging, "v2.1-b_3")
        );
        assert!(Upload::parse("chest_xray", "v2", vec![1]).is_err());
        assert_eq!(
            Upload::parse("specialty", "v2", vec![1]).unwrap().kind,
            Kind::Specialty
        );
        for bad in ["", "V2", ".v2", "v 2", &"a".repeat(65)] {
            assert!(
                Upload::parse("sleep_staging", bad, vec![1]).is_err(),
                "{bad}"
            );
        }
        assert!(Upload::parse("sleep_staging", "v2", vec![]).is_err());
        assert!(Upload::parse("sleep_staging", "v2", vec![0; Upload::MAX_BYTES + 1]).is_err());
    }
}
