//! Chest X-ray triage: DICOM or PNG in, a 128×128 normalised image, a small CNN that says
//! `normal` or `abnormal` with a probability. Trained on synthetic phantoms only (see the
//! model card): accuracy on real radiographs is unmeasured until trained on them.

use burn::{
    module::Module,
    nn::{
        Linear, LinearConfig, PaddingConfig2d,
        conv::{Conv2d, Conv2dConfig},
        pool::{AdaptiveAvgPool2d, AdaptiveAvgPool2dConfig, MaxPool2d, MaxPool2dConfig},
    },
    tensor::{Device, Tensor, TensorData, activation::relu, activation::softmax},
};
use serde::Serialize;

use crate::{
    burnpack, dicom,
    synth::Rng,
    train::{cosine_lr, scalar},
};

pub const SIZE: usize = 128;
pub const LABELS: [&str; 2] = ["normal", "abnormal"];

/// An image ready for the network: `SIZE × SIZE`, values roughly in [0, 1], brighter = denser.
pub type Prepared = Vec<f32>;

#[derive(Debug, thiserror::Error)]
pub enum XrayError {
    #[error("{0}")]
    Dicom(#[from] dicom::DicomError),
    #[error("PNG: {0}")]
    Png(String),
    #[error("not a DICOM or PNG image")]
    Unknown,
    #[error("the model failed: {0}")]
    Model(String),
}

/// Area-averaged resize to SIZE×SIZE, then 1st–99th percentile window to [0, 1].
pub fn prepare(pixels: &[f32], rows: usize, cols: usize) -> Prepared {
    let mut out = vec![0f32; SIZE * SIZE];
    for (oy, row) in out.chunks_exact_mut(SIZE).enumerate() {
        let (y0, y1) = (
            oy * rows / SIZE,
            ((oy + 1) * rows / SIZE).max(oy * rows / SIZE + 1),
        );
        for (ox, v) in row.iter_mut().enumerate() {
            let (x0, x1) = (
                ox * cols / SIZE,
                ((ox + 1) * cols / SIZE).max(ox * cols / SIZE + 1),
            );
            let mut sum = 0.0f64;
            let mut n = 0usize;
            for y in y0..y1.min(rows) {
                for x in x0..x1.min(cols) {
                    sum += f64::from(pixels[y * cols + x]);
                    n += 1;
                }
            }
            *v = if n == 0 { 0.0 } else { (sum / n as f64) as f32 };
        }
    }
    let mut sorted = out.clone();
    sorted.sort_by(f32::total_cmp);
    let lo = sorted[sorted.len() / 100];
    let hi = sorted[sorted.len() * 99 / 100];
    let span = if hi - lo > 1e-6 { hi - lo } else { 1.0 };
    out.iter()
        .map(|v| ((v - lo) / span).clamp(0.0, 1.0))
        .collect()
}

/// DICOM (Part 10) or PNG bytes to a prepared image.
pub fn load(bytes: &[u8]) -> Result<Prepared, XrayError> {
    if bytes.len() > 132 && &bytes[128..132] == b"DICM" {
        let img = dicom::parse(bytes)?;
        return Ok(prepare(&img.pixels, img.rows, img.columns));
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (pixels, rows, cols) = png_gray(bytes)?;
        return Ok(prepare(&pixels, rows, cols));
    }
    Err(XrayError::Unknown)
}

fn png_gray(bytes: &[u8]) -> Result<(Vec<f32>, usize, usize), XrayError> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder
        .read_info()
        .map_err(|e| XrayError::Png(e.to_string()))?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| XrayError::Png(e.to_string()))?;
    let (w, h) = (info.width as usize, info.height as usize);
    let channels = info.color_type.samples();
    let sixteen = info.bit_depth == png::BitDepth::Sixteen;
    let step = channels * if sixteen { 2 } else { 1 };
    let sample = |px: &[u8], c: usize| -> f32 {
        if sixteen {
            f32::from(u16::from_be_bytes([px[2 * c], px[2 * c + 1]]))
        } else {
            f32::from(px[c])
        }
    };
    let pixels = buf[..info.buffer_size()]
        .chunks_exact(step)
        .map(|px| match channels {
            1 | 2 => sample(px, 0),
            _ => 0.299 * sample(px, 0) + 0.587 * sample(px, 1) + 0.114 * sample(px, 2),
        })
        .collect();
    Ok((pixels, h, w))
}

/// A synthetic chest phantom: body, two lung fields, mediastinum and heart, ribs, noise;
/// `abnormal` adds a consolidation, an effusion or a nodule in a lung.
pub fn phantom(seed: u64, abnormal: bool) -> Prepared {
    let mut rng = Rng::new(seed);
    let n = SIZE as f64;
    let mut img = vec![0f32; SIZE * SIZE];
    let cx = n / 2.0 + rng.range(-4.0, 4.0);
    let lung_w = rng.range(0.17, 0.22) * n;
    let lung_h = rng.range(0.30, 0.36) * n;
    let lung_y = rng.range(0.45, 0.52) * n;
    let heart_r = rng.range(0.12, 0.16) * n;
    let lesion = match (rng.uniform() * 3.0) as u8 {
        0 => (0u8, rng.range(0.07, 0.11) * n),   // consolidation
        1 => (1u8, rng.range(0.15, 0.3)),        // effusion: fraction of lung height
        _ => (2u8, rng.range(0.035, 0.055) * n), // nodule
    };
    let side = if rng.chance(0.5) { -1.0 } else { 1.0 };
    let (lx, ly) = (
        cx + side * rng.range(0.14, 0.24) * n,
        lung_y + rng.range(-0.15, 0.15) * n,
    );
    let exposure = rng.range(0.85, 1.15);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (fx, fy) = (x as f64, y as f64);
            // Soft tissue of the body.
            let body = ((fx - cx) / (0.46 * n)).powi(2) + ((fy - 0.55 * n) / (0.6 * n)).powi(2);
            let mut v = if body < 1.0 { 0.55 } else { 0.05 };
            // Lungs: air, darker.
            for s in [-1.0, 1.0] {
                let lcx = cx + s * 0.2 * n;
                let d = ((fx - lcx) / lung_w).powi(2) + ((fy - lung_y) / lung_h).powi(2);
                if d < 1.0 {
                    v = 0.2 + 0.05 * d;
                    // Ribs: bright arcs across the lungs.
                    if ((fy + 0.15 * (fx - lcx).abs()) / 9.0).fract() < 0.18 {
                        v += 0.12;
                    }
                    if abnormal && (s > 0.0) == (side > 0.0) {
                        match lesion.0 {
                            0 => {
                                let r = ((fx - lx).powi(2) + (fy - ly).powi(2)).sqrt();
                                if r < lesion.1 {
                                    v += 0.4 * (1.0 - 0.5 * r / lesion.1);
                                }
                            }
                            1 => {
                                if fy > lung_y + lung_h * (1.0 - 2.0 * lesion.1) {
                                    v = 0.55;
                                }
                            }
                            _ => {
                                let r = ((fx - lx).powi(2) + (fy - ly).powi(2)).sqrt();
                                if r < lesion.1 {
                                    v = 0.6;
                                }
                            }
                        }
                    }
                }
            }
            // Heart and mediastinum: dense.
            let h = ((fx - cx - 0.04 * n) / heart_r).powi(2)
                + ((fy - 0.62 * n) / (heart_r * 1.1)).powi(2);
            if h < 1.0 || ((fx - cx).abs() < 0.06 * n && fy < 0.6 * n && body < 1.0) {
                v = v.max(0.7);
            }
            img[y * SIZE + x] = (v * exposure + 0.03 * rng.normal()) as f32;
        }
    }
    prepare(&img, SIZE, SIZE)
}

#[derive(Module, Debug)]
pub struct XrayNet {
    conv1: Conv2d,
    pool1: MaxPool2d,
    conv2: Conv2d,
    pool2: MaxPool2d,
    conv3: Conv2d,
    pool3: AdaptiveAvgPool2d,
    head: Linear,
}

impl XrayNet {
    pub fn new(device: &Device) -> Self {
        Self {
            conv1: Conv2dConfig::new([1, 8], [5, 5])
                .with_stride([2, 2])
                .with_padding(PaddingConfig2d::Explicit(2, 2, 2, 2))
                .init(device),
            pool1: MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init(),
            conv2: Conv2dConfig::new([8, 16], [3, 3])
                .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
                .init(device),
            pool2: MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init(),
            conv3: Conv2dConfig::new([16, 32], [3, 3])
                .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
                .init(device),
            pool3: AdaptiveAvgPool2dConfig::new([4, 4]).init(),
            head: LinearConfig::new(32 * 16, 2).init(device),
        }
    }

    /// `[n, 1, 128, 128]` → logits `[n, 2]`.
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let n = x.dims()[0];
        let x = self.pool1.forward(relu(self.conv1.forward(x)));
        let x = self.pool2.forward(relu(self.conv2.forward(x)));
        let x = self.pool3.forward(relu(self.conv3.forward(x)));
        self.head.forward(x.reshape([n, 32 * 16]))
    }
}

/// Images as `[n, 1, 128, 128]`, centred around zero.
pub fn batch(images: &[Prepared], device: &Device) -> Tensor<4> {
    let flat: Vec<f32> = images.iter().flatten().map(|v| (v - 0.5) * 4.0).collect();
    Tensor::<4>::from_data(TensorData::new(flat, [images.len(), 1, SIZE, SIZE]), device)
}

#[derive(Debug, Clone, Serialize)]
pub struct Triage {
    /// `normal` or `abnormal`.
    pub label: String,
    /// Probability of `abnormal`.
    pub abnormal_probability: f32,
}

pub struct Triager {
    model: XrayNet,
    device: Device,
}

impl Triager {
    pub fn from_bytes(weights: &[u8]) -> Result<Self, XrayError> {
        let device = Device::flex();
        let model = burnpack::load(XrayNet::new(&device), weights).map_err(XrayError::Model)?;
        Ok(Self { model, device })
    }

    pub fn from_model(model: XrayNet) -> Self {
        let device = Device::flex();
        Self {
            model: model.to_device(&device),
            device,
        }
    }

    pub fn probabilities(&self, images: &[Prepared]) -> Result<Vec<f32>, XrayError> {
        let p = softmax(self.model.forward(batch(images, &self.device)), 1)
            .into_data()
            .try_to_vec::<f32>()
            .map_err(|e| XrayError::Model(format!("{e:?}")))?;
        Ok(p.chunks_exact(2).map(|c| c[1]).collect())
    }

    pub fn triage(&self, bytes: &[u8]) -> Result<Triage, XrayError> {
        let p = self.probabilities(&[load(bytes)?])?[0];
        Ok(Triage {
            label: LABELS[usize::from(p >= 0.5)].to_string(),
            abnormal_probability: p,
        })
    }
}

/// Trains on `n` phantoms (half abnormal) and reports accuracy on `eval` unseen ones.
pub fn train(
    n: usize,
    eval: usize,
    passes: usize,
    mut log: impl FnMut(&str),
) -> anyhow::Result<(XrayNet, f64)> {
    use burn::{
        nn::loss::CrossEntropyLossConfig,
        optim::{AdamConfig, GradientsParams},
        tensor::Int,
    };
    let device = Device::flex().autodiff();
    device.seed(7);
    let mut model = XrayNet::new(&device);
    let mut optim = AdamConfig::new().init();
    let loss_fn = CrossEntropyLossConfig::new().init(&device);
    let data: Vec<(Prepared, i64)> = (0..n as u64)
        .map(|s| (phantom(s, s % 2 == 1), (s % 2) as i64))
        .collect();
    let batch_size = 32;
    let steps = passes * n / batch_size;
    let mut rng = Rng::new(11);
    for step in 0..steps {
        let lr = cosine_lr(2e-3, step, steps);
        let idx: Vec<usize> = (0..batch_size)
            .map(|_| (rng.next_u64() % n as u64) as usize)
            .collect();
        let xs: Vec<Prepared> = idx.iter().map(|i| data[*i].0.clone()).collect();
        let ys: Vec<i64> = idx.iter().map(|i| data[*i].1).collect();
        let y = Tensor::<1, Int>::from_data(TensorData::new(ys, [batch_size]), &device);
        let loss = loss_fn.forward(model.forward(batch(&xs, &device)), y);
        if step % 50 == 0 {
            let v = scalar(&loss);
            log(&format!("step {step}/{steps} loss {v:.4}"));
        }
        let grads = GradientsParams::from_grads(loss.backward(), &model);
        model = optim.step(lr, model, grads);
    }
    let model = model.valid();
    let triager = Triager::from_model(model.clone());
    let accuracy = accuracy(&triager, EVAL_SEED, eval).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((model, accuracy))
}

/// Share of `n` phantoms from seed `first` (alternately normal and abnormal) classified right.
pub fn accuracy(triager: &Triager, first: u64, n: usize) -> Result<f64, XrayError> {
    let mut right = 0;
    for start in (0..n as u64).step_by(64) {
        let seeds: Vec<u64> = (start..(start + 64).min(n as u64)).collect();
        let imgs: Vec<Prepared> = seeds
            .iter()
            .map(|s| phantom(first + s, s % 2 == 1))
            .collect();
        let p = triager.probabilities(&imgs)?;
        right += p
            .iter()
            .zip(&seeds)
            .filter(|(p, s)| (**p >= 0.5) == (*s % 2 == 1))
            .count();
    }
    Ok(right as f64 / n as f64)
}

/// Phantom seeds from here on are never used in training.
pub const EVAL_SEED: u64 = 5_000_000;

pub fn to_bytes(model: &XrayNet) -> anyhow::Result<Vec<u8>> {
    burnpack::save(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phantoms_are_normalised_and_lesions_add_density_in_a_lung() {
        let a = phantom(3, false);
        let b = phantom(3, true);
        assert_eq!(a.len(), SIZE * SIZE);
        assert!(a.iter().all(|v| (0.0..=1.0).contains(v)));
        let sum = |v: &[f32]| v.iter().sum::<f32>();
        assert!(sum(&b) > sum(&a), "an abnormal phantom is denser");
    }

    #[test]
    fn resizing_keeps_a_gradient_and_windows_to_unit_range() {
        let (rows, cols) = (300, 200);
        let px: Vec<f32> = (0..rows * cols).map(|i| (i / cols) as f32).collect();
        let p = prepare(&px, rows, cols);
        assert!(p[0] < 0.05 && p[SIZE * SIZE - 1] > 0.95);
        assert!(p[SIZE * 64] > p[SIZE * 32]);
    }
}

/// What `carebridge train xray` writes next to the weights.
#[derive(Debug, Clone, Serialize)]
pub struct XrayReport {
    pub version: String,
    pub data: String,
    pub train_images: usize,
    pub eval_images: usize,
    pub eval_accuracy: f64,
    pub seconds: f64,
}

/// Trains on phantoms, writes `{out}/chest_xray-{version}.bpk` and `.metrics.json`.
pub fn run(
    out: &std::path::Path,
    version: &str,
    images: usize,
    passes: usize,
    log: impl FnMut(&str),
) -> anyhow::Result<XrayReport> {
    let started = std::time::Instant::now();
    let eval = 400;
    let (model, accuracy) = train(images, eval, passes, log)?;
    std::fs::create_dir_all(out)?;
    std::fs::write(
        out.join(format!("chest_xray-{version}.bpk")),
        to_bytes(&model)?,
    )?;
    let report = XrayReport {
        version: version.to_string(),
        data: "synthetic chest phantoms (crates/ml/src/xray.rs), half with a consolidation, effusion or nodule".into(),
        train_images: images,
        eval_images: eval,
        eval_accuracy: accuracy,
        seconds: started.elapsed().as_secs_f64(),
    };
    std::fs::write(
        out.join(format!("chest_xray-{version}.metrics.json")),
        serde_json::to_string_pretty(&report)?,
    )?;
    Ok(report)
}
