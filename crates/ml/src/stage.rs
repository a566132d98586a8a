//! Staging a recording with a trained model, and the night's summary.

use burn::{
    module::Module,
    store::ModuleSnapshot,
    tensor::{Device, activation::softmax},
};
use serde::Serialize;

use crate::{
    burnpack, edf,
    model::{CLASSES, SleepNet, batch},
    signal,
    synth::STAGES,
};

/// A loaded model, ready to stage recordings on the CPU.
pub struct Stager {
    model: SleepNet,
    device: Device,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub recording_minutes: f64,
    pub total_sleep_minutes: f64,
    /// Total sleep time over recording time, 0 to 1.
    pub sleep_efficiency: f64,
    /// Minutes from the start to the first sleep epoch; null when there is no sleep.
    pub sleep_latency_minutes: Option<f64>,
    /// Minutes from sleep onset to the first REM epoch; null without REM.
    pub rem_latency_minutes: Option<f64>,
    /// Wake after sleep onset, up to the last sleep epoch.
    pub waso_minutes: f64,
    /// Minutes per stage, in the order W, N1, N2, N3, REM.
    pub minutes: Vec<(String, f64)>,
    /// Share of total sleep time per sleep stage (N1, N2, N3, REM).
    pub sleep_share: Vec<(String, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Staging {
    pub channel: String,
    /// One of W, N1, N2, N3, REM per 30-second epoch, in order.
    pub stages: Vec<String>,
    /// Per epoch, the probability of each stage (W, N1, N2, N3, REM).
    pub probabilities: Vec<[f32; CLASSES]>,
    pub summary: Summary,
}

#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("{0}")]
    Edf(#[from] edf::EdfError),
    #[error("the recording has no EEG channel")]
    NoChannel,
    #[error("the recording is shorter than one 30-second epoch")]
    TooShort,
    #[error("the model weights do not load: {0}")]
    Weights(String),
    #[error("the model failed: {0}")]
    Model(String),
}

impl Stager {
    /// Weights in Burn's burnpack format (as `carebridge train sleep` writes them).
    pub fn from_bytes(weights: &[u8]) -> Result<Self, StageError> {
        let device = Device::flex();
        let model = burnpack::load(SleepNet::new(&device), weights).map_err(StageError::Weights)?;
        Ok(Self { model, device })
    }

    pub fn from_model(model: SleepNet) -> Self {
        let device = Device::flex();
        Self {
            model: model.to_device(&device),
            device,
        }
    }

    /// The weights in the safetensors format (for other runtimes: the ONNX comparison).
    pub fn safetensors(&self) -> Result<Vec<u8>, StageError> {
        let mut store = burn::store::SafetensorsStore::from_bytes(None);
        self.model
            .save_into(&mut store)
            .map_err(|e| StageError::Weights(format!("{e:?}")))?;
        store
            .get_bytes()
            .map_err(|e| StageError::Weights(format!("{e:?}")))
    }

    /// Class probabilities per epoch, the whole night as one sequence.
    pub fn probabilities(&self, epochs: &[Vec<f32>]) -> Result<Vec<[f32; CLASSES]>, StageError> {
        if epochs.is_empty() {
            return Err(StageError::TooShort);
        }
        let logits = self.model.infer(batch(epochs, &self.device), 1);
        let probs = softmax(logits, 1)
            .into_data()
            .try_to_vec::<f32>()
            .map_err(|e| StageError::Model(format!("{e:?}")))?;
        Ok(probs
            .chunks_exact(CLASSES)
            .map(|c| {
                let mut a = [0f32; CLASSES];
                a.copy_from_slice(c);
                a
            })
            .collect())
    }

    /// Stages an EDF/EDF+/BDF file end to end.
    pub fn stage_edf(&self, bytes: &[u8]) -> Result<Staging, StageError> {
        let rec = edf::parse(bytes)?;
        let (channel, epochs) = signal::prepare(&rec).ok_or(StageError::NoChannel)?;
        let probabilities = self.probabilities(&epochs)?;
        let idx: Vec<u8> = probabilities.iter().map(argmax).collect();
        Ok(Staging {
            channel,
            stages: idx
                .iter()
                .map(|i| STAGES[usize::from(*i)].to_string())
                .collect(),
            summary: summarize(&idx),
            probabilities,
        })
    }
}

pub fn argmax(p: &[f32; CLASSES]) -> u8 {
    let mut best = 0;
    for k in 1..CLASSES {
        if p[k] > p[best] {
            best = k;
        }
    }
    best as u8
}

/// The standard night summary from stage indices (0 = W … 4 = REM), 30-second epochs.
pub fn summarize(stages: &[u8]) -> Summary {
    let m = |n: usize| n as f64 * 0.5;
    let count = |s: u8| stages.iter().filter(|v| **v == s).count();
    let onset = stages.iter().position(|s| *s != 0);
    let last_sleep = stages.iter().rposition(|s| *s != 0);
    let tst = stages.iter().filter(|s| **s != 0).count();
    let waso = match (onset, last_sleep) {
        (Some(a), Some(b)) => stages[a..=b].iter().filter(|s| **s == 0).count(),
        _ => 0,
    };
    let rem_latency = onset.and_then(|o| stages[o..].iter().position(|s| *s == 4).map(m));
    Summary {
        recording_minutes: m(stages.len()),
        total_sleep_minutes: m(tst),
        sleep_efficiency: if stages.is_empty() {
            0.0
        } else {
            tst as f64 / stages.len() as f64
        },
        sleep_latency_minutes: onset.map(m),
        rem_latency_minutes: rem_latency,
        waso_minutes: m(waso),
        minutes: STAGES
            .iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), m(count(i as u8))))
            .collect(),
        sleep_share: STAGES
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, s)| {
                (
                    s.to_string(),
                    if tst == 0 {
                        0.0
                    } else {
                        count(i as u8) as f64 / tst as f64
                    },
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_follows_the_definitions() {
        // 4 W, then N1 N2 N2 W N2 REM REM, then 2 W: onset at epoch 4 (2 min), REM 5 epochs later.
        let s = summarize(&[0, 0, 0, 0, 1, 2, 2, 0, 2, 4, 4, 0, 0]);
        assert_eq!(s.recording_minutes, 6.5);
        assert_eq!(s.total_sleep_minutes, 3.0);
        assert_eq!(s.sleep_latency_minutes, Some(2.0));
        assert_eq!(s.rem_latency_minutes, Some(2.5));
        assert_eq!(s.waso_minutes, 0.5);
        assert!((s.sleep_efficiency - 6.0 / 13.0).abs() < 1e-9);
        assert_eq!(s.minutes[2], ("N2".to_string(), 1.5));
        let none = summarize(&[0, 0]);
        assert_eq!(
            (none.sleep_latency_minutes, none.total_sleep_minutes),
            (None, 0.0)
        );
    }
}
