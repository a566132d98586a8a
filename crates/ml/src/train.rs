//! Training the sleep-staging network: on synthetic nights (seeds), or on Sleep-EDF-style
//! recordings (a PSG EDF with a hypnogram EDF+ beside it), and evaluating on held-out nights.

use burn::{
    module::Module,
    nn::loss::CrossEntropyLossConfig,
    optim::{AdamConfig, GradientsParams},
    tensor::{Device, Int, Tensor, TensorData},
};
use serde::Serialize;

use crate::{
    burnpack, edf,
    metrics::{self, Metrics},
    model::{SleepNet, batch},
    signal,
    stage::{Stager, argmax},
    synth::{self, Rng},
};

/// One night ready for training or evaluation.
pub struct Labelled {
    pub name: String,
    pub group: String,
    pub epochs: Vec<Vec<f32>>,
    pub stages: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub train_nights: u64,
    pub eval_nights: u64,
    pub epochs_per_night: usize,
    pub passes: usize,
    pub sequences_per_batch: usize,
    pub sequence_len: usize,
    pub learning_rate: f64,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            train_nights: 24,
            eval_nights: 8,
            epochs_per_night: 960,
            passes: 6,
            sequences_per_batch: 8,
            sequence_len: 32,
            learning_rate: 2e-3,
            seed: 42,
        }
    }
}

/// Held-out seeds start here: training never uses them.
pub const EVAL_SEED_BASE: u64 = 1_000_000;

pub fn synthetic(seed: u64, epochs: usize) -> Labelled {
    let n = synth::night(seed, epochs);
    Labelled {
        name: format!("synthetic-{seed}"),
        group: n.subject.group.to_string(),
        epochs: signal::epochs(&n.signal),
        stages: n.stages,
    }
}

/// Sleep-EDF-style recordings: `*PSG.edf` with a `*Hypnogram.edf` sharing the first 7
/// characters of its name (as in Sleep-EDF's SC4001E0 / SC4001EC). Stage annotations
/// "Sleep stage W/1/2/3/4/R" (3 and 4 are N3); other labels (movement, ?) are skipped.
pub fn sleep_edf_folder(dir: &std::path::Path) -> anyhow::Result<Vec<Labelled>> {
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for psg in names
        .iter()
        .filter(|p| p.to_string_lossy().ends_with("PSG.edf"))
    {
        let stem: String = psg
            .file_name()
            .unwrap()
            .to_string_lossy()
            .chars()
            .take(7)
            .collect();
        let Some(hyp) = names.iter().find(|p| {
            let f = p.file_name().unwrap().to_string_lossy();
            f.starts_with(&stem) && f.ends_with("Hypnogram.edf")
        }) else {
            continue;
        };
        let rec = edf::parse(&std::fs::read(psg)?)?;
        let labels = edf::parse(&std::fs::read(hyp)?)?;
        let Some((_, epochs)) = signal::prepare(&rec) else {
            continue;
        };
        let mut stages = vec![u8::MAX; epochs.len()];
        for a in &labels.annotations {
            let stage = match a.text.trim() {
                "Sleep stage W" => 0,
                "Sleep stage 1" => 1,
                "Sleep stage 2" => 2,
                "Sleep stage 3" | "Sleep stage 4" => 3,
                "Sleep stage R" => 4,
                _ => continue,
            };
            let first = (a.onset / 30.0).round() as usize;
            let count = (a.duration.unwrap_or(30.0) / 30.0).round() as usize;
            for s in stages.iter_mut().skip(first).take(count) {
                *s = stage;
            }
        }
        // Keep the labelled stretch only.
        let keep: Vec<usize> = (0..epochs.len())
            .filter(|i| stages[*i] != u8::MAX)
            .collect();
        if keep.len() < 64 {
            continue;
        }
        out.push(Labelled {
            name: stem,
            group: "sleep-edf".into(),
            epochs: keep.iter().map(|i| epochs[*i].clone()).collect(),
            stages: keep.iter().map(|i| stages[*i]).collect(),
        });
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupMetrics {
    pub group: String,
    pub nights: usize,
    pub metrics: Metrics,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub overall: Metrics,
    /// The fairness report: the same metrics per subject group.
    pub groups: Vec<GroupMetrics>,
}

pub fn evaluate(stager: &Stager, nights: &[Labelled]) -> anyhow::Result<Evaluation> {
    let mut all_t = Vec::new();
    let mut all_p = Vec::new();
    let mut by_group: std::collections::BTreeMap<String, (usize, Vec<u8>, Vec<u8>)> =
        Default::default();
    for n in nights {
        let probs = stager.probabilities(&n.epochs)?;
        let pred: Vec<u8> = probs.iter().map(argmax).collect();
        all_t.extend_from_slice(&n.stages);
        all_p.extend_from_slice(&pred);
        let g = by_group.entry(n.group.clone()).or_default();
        g.0 += 1;
        g.1.extend_from_slice(&n.stages);
        g.2.extend(pred);
    }
    Ok(Evaluation {
        overall: metrics::compute(&all_t, &all_p),
        groups: by_group
            .into_iter()
            .map(|(group, (nights, t, p))| GroupMetrics {
                group,
                nights,
                metrics: metrics::compute(&t, &p),
            })
            .collect(),
    })
}

/// Trains on `train` and returns the model (on the plain CPU device, ready for inference).
pub fn fit(train: &[Labelled], config: &TrainConfig, mut log: impl FnMut(&str)) -> SleepNet {
    let device = Device::flex().autodiff();
    device.seed(config.seed);
    let mut model = SleepNet::new(&device);
    let mut optim = AdamConfig::new().init();
    // Rarer stages weigh more (N1 above all), so the network does not settle for N2.
    let loss_fn = CrossEntropyLossConfig::new()
        .with_weights(Some(vec![1.0, 2.5, 0.7, 1.0, 1.0]))
        .init(&device);
    let mut rng = Rng::new(config.seed);
    let len = config.sequence_len;
    let windows: Vec<(usize, usize)> = train
        .iter()
        .enumerate()
        .flat_map(|(i, n)| {
            (0..n.epochs.len().saturating_sub(len))
                .step_by(len / 2)
                .map(move |s| (i, s))
        })
        .collect();
    let steps_per_pass = windows.len() / config.sequences_per_batch;
    let total = steps_per_pass * config.passes;
    for step in 0..total {
        let lr = cosine_lr(config.learning_rate, step, total);
        let mut xs = Vec::with_capacity(config.sequences_per_batch * len);
        let mut ys = Vec::with_capacity(config.sequences_per_batch * len);
        for _ in 0..config.sequences_per_batch {
            let (night, start) = windows[(rng.next_u64() % windows.len() as u64) as usize];
            let n = &train[night];
            for k in start..start + len {
                // Light augmentation: amplitude scaling per sequence would be shared; per epoch
                // a small gain jitter keeps the net from keying on exact amplitudes.
                let gain = 1.0 + 0.1 * rng.normal() as f32;
                xs.push(n.epochs[k].iter().map(|v| v * gain).collect::<Vec<f32>>());
                ys.push(i64::from(n.stages[k]));
            }
        }
        let x = batch(&xs, &device);
        let y = Tensor::<1, Int>::from_data(TensorData::new(ys, [xs.len()]), &device);
        let logits = model.forward(x, config.sequences_per_batch);
        let loss = loss_fn.forward(logits, y);
        if step % 50 == 0 || step + 1 == total {
            let v = scalar(&loss);
            log(&format!("step {step}/{total} loss {v:.4} lr {lr:.5}"));
        }
        let grads = GradientsParams::from_grads(loss.backward(), &model);
        model = optim.step(lr, model, grads);
    }
    model.valid()
}

/// The trained weights as burnpack bytes.
pub fn to_bytes(model: &SleepNet) -> anyhow::Result<Vec<u8>> {
    burnpack::save(model)
}

/// The learning rate at `step` of `total`: cosine decay from `base`.
pub(crate) fn cosine_lr(base: f64, step: usize, total: usize) -> f64 {
    base * 0.5 * (1.0 + (std::f64::consts::PI * step as f64 / total as f64).cos())
}

/// A one-element loss as a number, for the training log.
pub(crate) fn scalar(loss: &Tensor<1>) -> f32 {
    loss.clone()
        .into_data()
        .try_to_vec::<f32>()
        .map(|v| v[0])
        .unwrap_or(f32::NAN)
}

/// Moves a model to the plain CPU device for inference.
pub fn for_inference(model: SleepNet) -> Stager {
    Stager::from_model(model.to_device(&Device::flex()))
}

/// What `carebridge train sleep` writes and prints.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: String,
    pub data: String,
    pub train_nights: usize,
    pub eval_nights: usize,
    pub train_epochs: usize,
    pub seconds: f64,
    pub evaluation: Evaluation,
}

/// Trains and evaluates, writes `{out}/sleep_staging-{version}.bpk` and `.metrics.json`.
/// `data`: a folder of Sleep-EDF-style recordings (70% train, 30% held out by name), or
/// synthetic nights when absent (training seeds 1.., held-out seeds from `EVAL_SEED_BASE`).
pub fn run(
    config: &TrainConfig,
    data: Option<&std::path::Path>,
    out: &std::path::Path,
    version: &str,
    mut log: impl FnMut(&str),
) -> anyhow::Result<Report> {
    let started = std::time::Instant::now();
    let (train, eval, source) = match data {
        Some(dir) => {
            let mut all = sleep_edf_folder(dir)?;
            anyhow::ensure!(
                all.len() >= 2,
                "{} holds fewer than 2 PSG/Hypnogram pairs",
                dir.display()
            );
            let cut = (all.len() * 7).div_ceil(10).min(all.len() - 1);
            let eval = all.split_off(cut);
            (
                all,
                eval,
                format!("Sleep-EDF-style recordings in {}", dir.display()),
            )
        }
        None => {
            log(&format!(
                "generating {} training and {} held-out synthetic nights",
                config.train_nights, config.eval_nights
            ));
            let train = (1..=config.train_nights)
                .map(|s| synthetic(s, config.epochs_per_night))
                .collect();
            let eval = (0..config.eval_nights)
                .map(|s| synthetic(EVAL_SEED_BASE + s, config.epochs_per_night))
                .collect();
            (
                train,
                eval,
                "synthetic nights (crates/ml/src/synth.rs)".to_string(),
            )
        }
    };
    let train_epochs = train.iter().map(|n| n.epochs.len()).sum();
    let model = fit(&train, config, &mut log);
    let bytes = to_bytes(&model)?;
    let stager = for_inference(model);
    let evaluation = evaluate(&stager, &eval)?;
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join(format!("sleep_staging-{version}.bpk")), &bytes)?;
    let report = Report {
        version: version.to_string(),
        data: source,
        train_nights: train.len(),
        eval_nights: eval.len(),
        train_epochs,
        seconds: started.elapsed().as_secs_f64(),
        evaluation,
    };
    std::fs::write(
        out.join(format!("sleep_staging-{version}.metrics.json")),
        serde_json::to_string_pretty(&report)?,
    )?;
    Ok(report)
}

/// The report as text: overall metrics, confusion matrix, per-stage F1, per-group metrics.
pub fn describe(r: &Report) -> String {
    let m = &r.evaluation.overall;
    let mut s = format!(
        "model {} trained on {} nights ({} epochs) of {} in {:.0} s\n\
         held-out: {} nights, {} epochs: accuracy {:.3}, macro-F1 {:.3}, Cohen's kappa {:.3}\n",
        r.version,
        r.train_nights,
        r.train_epochs,
        r.data,
        r.seconds,
        r.eval_nights,
        m.epochs,
        m.accuracy,
        m.macro_f1,
        m.kappa
    );
    s.push_str("confusion (rows true, columns predicted: W N1 N2 N3 REM)\n");
    for (i, row) in m.confusion.iter().enumerate() {
        s.push_str(&format!(
            "  {:>3} {}\n",
            crate::synth::STAGES[i],
            row.iter().map(|v| format!("{v:6}")).collect::<String>()
        ));
    }
    s.push_str("per-stage F1: ");
    s.push_str(
        &m.per_stage_f1
            .iter()
            .map(|(k, v)| format!("{k} {v:.3}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push('\n');
    for g in &r.evaluation.groups {
        s.push_str(&format!(
            "group {} ({} nights): accuracy {:.3}, macro-F1 {:.3}, kappa {:.3}\n",
            g.group, g.nights, g.metrics.accuracy, g.metrics.macro_f1, g.metrics.kappa
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Training goes through the same forward pass as inference (windows as matrix products,
    /// pooling as the maximum of phases): the gradients must flow through it.
    #[test]
    fn training_through_the_forward_pass_lowers_the_loss() {
        let nights: Vec<Labelled> = (0..2).map(|k| synthetic(7 + k, 96)).collect();
        let config = TrainConfig {
            passes: 8,
            sequences_per_batch: 2,
            sequence_len: 16,
            learning_rate: 5e-3,
            ..TrainConfig::default()
        };
        let mut losses = Vec::new();
        fit(&nights, &config, |line| {
            if let Some(v) = line
                .split("loss ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|v| v.parse::<f32>().ok())
            {
                losses.push(v);
            }
        });
        assert!(losses.len() >= 2, "{losses:?}");
        let (first, last) = (losses[0], losses[losses.len() - 1]);
        assert!(first.is_finite());
        assert!(last < 0.7 * first, "loss {first} -> {last}");
    }
}
