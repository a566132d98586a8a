//! From a recording to model input: pick the EEG channel, resample to 100 Hz, cut 30-second
//! epochs, normalise per recording.

use crate::edf::{Recording, Signal};

pub const RATE: f64 = 100.0;
pub const EPOCH_SECONDS: usize = 30;
pub const EPOCH_SAMPLES: usize = 3000;

/// Channel preference: Fpz-Cz (Sleep-EDF), Fp1, C4-M1 (AASM), then the first EEG-looking one.
pub fn choose_channel(rec: &Recording) -> Option<&Signal> {
    let norm = |l: &str| {
        l.to_ascii_lowercase()
            .replace("eeg", "")
            .replace([' ', '_'], "")
            .replace("a1", "m1")
            .replace("a2", "m2")
    };
    for wanted in ["fpz-cz", "fp1", "c4-m2", "c4-m1", "c3-m2"] {
        if let Some(s) = rec.signals.iter().find(|s| norm(&s.label) == wanted) {
            return Some(s);
        }
    }
    rec.signals
        .iter()
        .find(|s| {
            let l = s.label.to_ascii_lowercase();
            l.contains("eeg")
                || ["fp", "f3", "f4", "c3", "c4", "o1", "o2", "cz"]
                    .iter()
                    .any(|p| l.starts_with(p))
        })
        .or_else(|| rec.signals.first())
}

/// Resamples to `RATE`: a windowed-sinc low-pass below the new Nyquist when downsampling,
/// then linear interpolation.
pub fn resample(x: &[f32], from: f64) -> Vec<f32> {
    if x.is_empty() || from <= 0.0 {
        return Vec::new();
    }
    if (from - RATE).abs() < 1e-9 {
        return x.to_vec();
    }
    let filtered;
    let src = if from > RATE {
        filtered = lowpass(x, 0.45 * RATE / from);
        &filtered[..]
    } else {
        x
    };
    let n_out = ((x.len() as f64) * RATE / from).floor() as usize;
    let step = from / RATE;
    (0..n_out)
        .map(|i| {
            let t = i as f64 * step;
            let k = t.floor() as usize;
            let frac = (t - k as f64) as f32;
            let a = src[k.min(src.len() - 1)];
            let b = src[(k + 1).min(src.len() - 1)];
            a + (b - a) * frac
        })
        .collect()
}

/// FIR low-pass (Hamming-windowed sinc), cutoff as a fraction of the input sample rate.
fn lowpass(x: &[f32], cutoff: f64) -> Vec<f32> {
    let half = 32i64;
    let taps: Vec<f32> = (-half..=half)
        .map(|n| {
            let n = n as f64;
            let sinc = if n == 0.0 {
                2.0 * cutoff
            } else {
                (2.0 * std::f64::consts::PI * cutoff * n).sin() / (std::f64::consts::PI * n)
            };
            let w = 0.54 + 0.46 * (std::f64::consts::PI * n / half as f64).cos();
            (sinc * w) as f32
        })
        .collect();
    let sum: f32 = taps.iter().sum();
    let taps: Vec<f32> = taps.iter().map(|t| t / sum).collect();
    let len = x.len() as i64;
    (0..len)
        .map(|i| {
            taps.iter()
                .enumerate()
                .map(|(j, t)| {
                    let k = (i + j as i64 - half).clamp(0, len - 1);
                    t * x[k as usize]
                })
                .sum()
        })
        .collect()
}

/// Whole 30-second epochs of a 100 Hz signal (a trailing partial epoch is dropped),
/// z-scored with the recording's own median and robust spread so that one artefact does not
/// flatten the night.
pub fn epochs(x100: &[f32]) -> Vec<Vec<f32>> {
    let n = x100.len() / EPOCH_SAMPLES;
    if n == 0 {
        return Vec::new();
    }
    let used = &x100[..n * EPOCH_SAMPLES];
    let (center, scale) = robust_stats(used);
    used.chunks_exact(EPOCH_SAMPLES)
        .map(|e| {
            e.iter()
                .map(|v| ((v - center) / scale).clamp(-20.0, 20.0))
                .collect()
        })
        .collect()
}

fn robust_stats(x: &[f32]) -> (f32, f32) {
    let mut sample: Vec<f32> = x
        .iter()
        .step_by((x.len() / 20_000).max(1))
        .copied()
        .collect();
    sample.sort_by(f32::total_cmp);
    let median = sample[sample.len() / 2];
    let mut dev: Vec<f32> = sample.iter().map(|v| (v - median).abs()).collect();
    dev.sort_by(f32::total_cmp);
    let mad = dev[dev.len() / 2] * 1.4826;
    (median, if mad > 1e-6 { mad } else { 1.0 })
}

/// A recording's model input: (channel label, normalised epochs).
pub fn prepare(rec: &Recording) -> Option<(String, Vec<Vec<f32>>)> {
    let s = choose_channel(rec)?;
    let x = resample(&s.samples, s.sample_rate);
    Some((s.label.clone(), epochs(&x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resampling_keeps_a_slow_sine_and_removes_one_above_the_new_nyquist() {
        let from = 256.0;
        let n = 256 * 10;
        let slow: Vec<f32> = (0..n)
            .map(|i| (2.0 * std::f64::consts::PI * 5.0 * i as f64 / from).sin() as f32)
            .collect();
        let fast: Vec<f32> = (0..n)
            .map(|i| (2.0 * std::f64::consts::PI * 80.0 * i as f64 / from).sin() as f32)
            .collect();
        let rms = |v: &[f32]| {
            (v[100..v.len() - 100].iter().map(|x| x * x).sum::<f32>() / (v.len() - 200) as f32)
                .sqrt()
        };
        let s = resample(&slow, from);
        assert_eq!(s.len(), 1000);
        assert!((rms(&s) - 0.707).abs() < 0.05, "5 Hz kept: {}", rms(&s));
        assert!(rms(&resample(&fast, from)) < 0.05, "80 Hz removed");
    }

    #[test]
    fn epochs_are_thirty_seconds_and_normalised() {
        let x: Vec<f32> = (0..(3000 * 3 + 500))
            .map(|i| 50.0 + 10.0 * ((i % 7) as f32 - 3.0))
            .collect();
        let e = epochs(&x);
        assert_eq!(e.len(), 3);
        assert!(e.iter().all(|ep| ep.len() == 3000));
        let mean: f32 = e.iter().flatten().sum::<f32>() / 9000.0;
        assert!(mean.abs() < 0.5);
    }
}
