//! A seeded, physiologically grounded synthetic sleep EEG generator (one channel, 100 Hz, µV).
//!
//! Stage signatures follow the AASM scoring manual's definitions:
//! - W: posterior-dominant alpha (8–12 Hz) with beta (15–25 Hz) and occasional eye/muscle artefacts;
//! - N1: low-amplitude theta (4–7 Hz), alpha dropped out, occasional vertex sharp waves;
//! - N2: theta background with sleep spindles (11–16 Hz, 0.5–2 s) and K-complexes;
//! - N3: high-amplitude (≥ 75 µV peak-to-peak) 0.5–2 Hz delta over much of the epoch;
//! - REM: low-amplitude mixed theta with sawtooth waves (2–6 Hz) and rapid eye movements.
//!
//! Nights follow ~90-minute cycles with N3 early and REM late; subjects vary (amplitude, alpha
//! frequency, noise, fragmentation), and an age group changes N3 depth and wakefulness, so that
//! metrics can be reported per group.

use crate::signal::{EPOCH_SAMPLES, RATE};

pub const STAGES: [&str; 5] = ["W", "N1", "N2", "N3", "REM"];

/// A small deterministic generator (SplitMix64), so that a seed names a night on every machine.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }
    pub fn normal(&mut self) -> f64 {
        let u1 = self.uniform().max(1e-12);
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }
}

/// The subject-level parameters of one night.
#[derive(Debug, Clone)]
pub struct Subject {
    /// `young` or `older`: older subjects have shallower, shorter N3 and more awakenings.
    pub group: &'static str,
    pub amplitude: f64,
    pub alpha_hz: f64,
    pub noise: f64,
    pub fragmentation: f64,
}

impl Subject {
    pub fn draw(rng: &mut Rng) -> Self {
        let older = rng.chance(0.5);
        Self {
            group: if older { "older" } else { "young" },
            amplitude: rng.range(0.75, 1.25),
            alpha_hz: rng.range(8.5, 11.5),
            noise: rng.range(3.0, 7.0),
            fragmentation: if older {
                rng.range(0.02, 0.05)
            } else {
                rng.range(0.005, 0.02)
            },
        }
    }
}

/// One synthetic night: the signal at 100 Hz and the true stage (index into `STAGES`) per epoch.
pub struct Night {
    pub subject: Subject,
    pub signal: Vec<f32>,
    pub stages: Vec<u8>,
}

/// A hypnogram of `epochs` 30-second epochs: sleep onset, ~90-minute cycles (N1 → N2 → N3 →
/// N2 → REM), N3 shrinking and REM growing across the night, brief awakenings.
pub fn hypnogram(rng: &mut Rng, subject: &Subject, epochs: usize) -> Vec<u8> {
    let mut h = Vec::with_capacity(epochs);
    let latency = rng.range(6.0, 40.0) as usize; // 3–20 minutes awake at lights off
    h.extend(std::iter::repeat_n(0u8, latency.min(epochs)));
    let mut cycle = 0usize;
    while h.len() < epochs {
        let len = rng.range(160.0, 200.0); // epochs per cycle: 80–100 minutes
        let late = (cycle as f64 / 4.0).min(1.0);
        let n3_share =
            ((0.35 - 0.33 * late) * if subject.group == "older" { 0.55 } else { 1.0 }).max(0.0);
        let rem_share = 0.08 + 0.22 * late;
        let n1 = (len * 0.05).max(2.0);
        let n3 = len * n3_share;
        let rem = len * rem_share;
        let n2 = (len - n1 - n3 - rem).max(10.0);
        for (stage, n) in [(1u8, n1), (2, n2 * 0.6), (3, n3), (2, n2 * 0.4), (4, rem)] {
            for _ in 0..n.round() as usize {
                if h.len() >= epochs {
                    break;
                }
                if rng.chance(subject.fragmentation) {
                    // A brief awakening, then N1 on the way back.
                    let w = rng.range(1.0, 4.0) as usize;
                    h.extend(std::iter::repeat_n(0u8, w.min(epochs - h.len())));
                    if h.len() < epochs {
                        h.push(1);
                    }
                    continue;
                }
                h.push(stage);
            }
        }
        cycle += 1;
    }
    h.truncate(epochs);
    // Morning awakening.
    let tail = rng.range(2.0, 20.0) as usize;
    let n = h.len();
    for v in h.iter_mut().skip(n.saturating_sub(tail)) {
        *v = 0;
    }
    h
}

struct Osc {
    phase: f64,
}

impl Osc {
    /// A sinusoid whose frequency wanders inside [lo, hi] and whose amplitude drifts.
    fn band(&mut self, rng: &mut Rng, out: &mut [f64], lo: f64, hi: f64, amp: f64) {
        let mut f = rng.range(lo, hi);
        let mut a = amp * rng.range(0.7, 1.3);
        for (i, v) in out.iter_mut().enumerate() {
            if i % 50 == 0 {
                f = (f + rng.normal() * 0.15).clamp(lo, hi);
                a = (a + rng.normal() * amp * 0.05).clamp(amp * 0.4, amp * 1.6);
            }
            self.phase += 2.0 * std::f64::consts::PI * f / RATE;
            *v += a * self.phase.sin();
        }
    }
}

fn burst(out: &mut [f64], start: usize, len: usize, hz: f64, amp: f64) {
    for k in 0..len {
        let Some(v) = out.get_mut(start + k) else {
            break;
        };
        let env = (std::f64::consts::PI * k as f64 / len as f64).sin().powi(2);
        *v += amp * env * (2.0 * std::f64::consts::PI * hz * k as f64 / RATE).sin();
    }
}

/// One epoch of a given stage for a subject.
fn epoch(rng: &mut Rng, s: &Subject, stage: u8, oscs: &mut [Osc; 4]) -> Vec<f64> {
    let mut x = vec![0.0f64; EPOCH_SAMPLES];
    let amp = s.amplitude;
    let [o0, o1, o2, o3] = oscs;
    match stage {
        0 => {
            o0.band(rng, &mut x, s.alpha_hz - 0.7, s.alpha_hz + 0.7, 18.0 * amp);
            o1.band(rng, &mut x, 15.0, 25.0, 5.0 * amp);
            if rng.chance(0.3) {
                // Eye blink / movement: a slow large deflection.
                let at = rng.range(0.0, 2600.0) as usize;
                burst(&mut x, at, 40, 1.2, 80.0 * amp);
            }
            if rng.chance(0.2) {
                // Muscle: broadband fast activity.
                for v in x.iter_mut().skip(rng.range(0.0, 2000.0) as usize).take(600) {
                    *v += rng.normal() * 12.0 * amp;
                }
            }
        }
        1 => {
            o2.band(rng, &mut x, 4.0, 7.0, 14.0 * amp);
            o0.band(rng, &mut x, s.alpha_hz - 0.7, s.alpha_hz + 0.7, 2.5 * amp);
            if rng.chance(0.5) {
                let at = rng.range(0.0, 2900.0) as usize;
                burst(&mut x, at, 30, 4.0, 45.0 * amp); // vertex sharp wave
            }
        }
        2 => {
            o2.band(rng, &mut x, 4.0, 7.0, 13.0 * amp);
            o3.band(rng, &mut x, 1.0, 2.0, 10.0 * amp);
            let spindles = 1 + (rng.uniform() * 3.0) as usize;
            for _ in 0..spindles {
                let len = rng.range(50.0, 200.0) as usize;
                let at = rng.range(0.0, (EPOCH_SAMPLES - len) as f64) as usize;
                burst(&mut x, at, len, rng.range(11.0, 16.0), 22.0 * amp);
            }
            if rng.chance(0.6) {
                let at = rng.range(0.0, 2800.0) as usize;
                // K-complex: a sharp negative wave then a slower positive one (~0.5–1 s).
                burst(&mut x, at, 60, 1.0, -90.0 * amp);
                burst(&mut x, at + 40, 80, 0.8, 50.0 * amp);
            }
        }
        3 => {
            let depth = if s.group == "older" { 0.8 } else { 1.0 };
            o3.band(rng, &mut x, 0.5, 2.0, 60.0 * amp * depth);
            o2.band(rng, &mut x, 4.0, 7.0, 6.0 * amp);
        }
        _ => {
            o2.band(rng, &mut x, 4.0, 7.0, 9.0 * amp);
            o0.band(rng, &mut x, s.alpha_hz - 1.5, s.alpha_hz - 0.5, 3.0 * amp);
            let saw = (rng.uniform() * 3.0) as usize;
            for _ in 0..saw {
                let at = rng.range(0.0, 2600.0) as usize;
                let hz = rng.range(2.0, 6.0);
                for k in 0..300 {
                    let Some(v) = x.get_mut(at + k) else { break };
                    let p = (k as f64 * hz / RATE).fract();
                    *v += 18.0 * amp * (if p < 0.8 { p / 0.8 } else { (1.0 - p) / 0.2 } - 0.5);
                }
            }
            if rng.chance(0.4) {
                let at = rng.range(0.0, 2700.0) as usize;
                burst(&mut x, at, 25, 2.0, 55.0 * amp); // rapid eye movement leaking into Fpz
            }
        }
    }
    // Pink-ish background noise and, rarely, an artefact spike.
    let mut brown = 0.0;
    for v in x.iter_mut() {
        brown = 0.97 * brown + rng.normal();
        *v += s.noise * (0.6 * rng.normal() + 0.25 * brown);
    }
    if rng.chance(0.01) {
        let at = rng.range(0.0, 2990.0) as usize;
        for v in x.iter_mut().skip(at).take(8) {
            *v += 300.0 * amp;
        }
    }
    x
}

/// A whole night of `epochs` epochs from `seed`.
pub fn night(seed: u64, epochs: usize) -> Night {
    let mut rng = Rng::new(seed);
    let subject = Subject::draw(&mut rng);
    let stages = hypnogram(&mut rng, &subject, epochs);
    let mut oscs = [
        Osc { phase: 0.0 },
        Osc { phase: 1.0 },
        Osc { phase: 2.0 },
        Osc { phase: 3.0 },
    ];
    let mut signal = Vec::with_capacity(epochs * EPOCH_SAMPLES);
    for &st in &stages {
        signal.extend(
            epoch(&mut rng, &subject, st, &mut oscs)
                .into_iter()
                .map(|v| v as f32),
        );
    }
    Night {
        subject,
        signal,
        stages,
    }
}

/// The night as an EDF+ file: one "EEG Fpz-Cz" signal at 100 Hz (µV, 16-bit), 30-s records.
pub fn to_edf(n: &Night) -> Vec<u8> {
    let records = n.stages.len();
    let pad = |s: &str, w: usize| format!("{s:<w$}").into_bytes();
    let mut out = Vec::with_capacity(512 + n.signal.len() * 2);
    out.extend(pad("0", 8));
    out.extend(pad("X X X Synthetic", 80));
    out.extend(pad("Startdate 01-JAN-2026 X carebridge synthetic", 80));
    out.extend(pad("01.01.26", 8));
    out.extend(pad("22.00.00", 8));
    out.extend(pad("512", 8));
    out.extend(pad("", 44));
    out.extend(pad(&records.to_string(), 8));
    out.extend(pad("30", 8));
    out.extend(pad("1", 4));
    for (v, w) in [
        ("EEG Fpz-Cz", 16),
        ("AgAgCl electrode", 80),
        ("uV", 8),
        ("-500", 8),
        ("500", 8),
        ("-32768", 8),
        ("32767", 8),
        ("HP:0.1Hz LP:45Hz", 80),
        ("3000", 8),
        ("", 32),
    ] {
        out.extend(pad(v, w));
    }
    for v in &n.signal {
        let d = ((f64::from(*v) + 500.0) / 1000.0 * 65535.0 - 32768.0)
            .round()
            .clamp(-32768.0, 32767.0);
        out.extend((d as i16).to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band_power(x: &[f32], lo: f64, hi: f64) -> f64 {
        // Goertzel-style power at integer-ish frequencies in the band.
        let mut total = 0.0;
        let mut f = lo;
        while f <= hi {
            let w = 2.0 * std::f64::consts::PI * f / RATE;
            let (mut re, mut im) = (0.0, 0.0);
            for (i, v) in x.iter().enumerate() {
                re += f64::from(*v) * (w * i as f64).cos();
                im += f64::from(*v) * (w * i as f64).sin();
            }
            total += (re * re + im * im) / x.len() as f64;
            f += 0.5;
        }
        total
    }

    #[test]
    fn stages_carry_their_signatures() {
        let n = night(7, 960);
        let mean_power = |stage: u8, lo: f64, hi: f64| {
            let idx: Vec<usize> = n
                .stages
                .iter()
                .enumerate()
                .filter(|(_, s)| **s == stage)
                .map(|(i, _)| i)
                .take(20)
                .collect();
            assert!(!idx.is_empty(), "stage {stage} present");
            idx.iter()
                .map(|i| band_power(&n.signal[i * 3000..(i + 1) * 3000], lo, hi))
                .sum::<f64>()
                / idx.len() as f64
        };
        assert!(
            mean_power(0, 8.0, 12.0) > 3.0 * mean_power(1, 8.0, 12.0),
            "alpha in W, not N1"
        );
        assert!(
            mean_power(3, 0.5, 2.0) > 4.0 * mean_power(4, 0.5, 2.0),
            "delta in N3"
        );
        assert!(
            mean_power(2, 11.0, 16.0) > 2.0 * mean_power(1, 11.0, 16.0),
            "spindles in N2"
        );
        // N3 peak-to-peak amplitude ≥ 75 µV.
        let i = n.stages.iter().position(|s| *s == 3).unwrap();
        let e = &n.signal[i * 3000..(i + 1) * 3000];
        let ptp =
            e.iter().copied().fold(f32::MIN, f32::max) - e.iter().copied().fold(f32::MAX, f32::min);
        assert!(ptp >= 75.0, "N3 peak-to-peak {ptp}");
    }

    #[test]
    fn nights_have_cycles_with_n3_early_and_rem_late() {
        let n = night(11, 960);
        let half = n.stages.len() / 2;
        let count = |r: &[u8], s: u8| r.iter().filter(|v| **v == s).count();
        assert!(count(&n.stages[..half], 3) > count(&n.stages[half..], 3));
        assert!(count(&n.stages[half..], 4) > count(&n.stages[..half], 4));
        assert_eq!(n.stages[0], 0, "starts awake");
        assert_eq!(night(11, 960).signal, n.signal, "a seed names a night");
    }

    #[test]
    fn the_edf_export_reads_back() {
        let n = night(3, 20);
        let rec = crate::edf::parse(&to_edf(&n)).unwrap();
        assert_eq!(rec.signals[0].samples.len(), 20 * 3000);
        let max_err = rec.signals[0]
            .samples
            .iter()
            .zip(&n.signal)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        assert!(max_err < 0.02, "{max_err}");
    }
}
