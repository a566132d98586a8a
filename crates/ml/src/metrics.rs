//! Agreement between predicted and true stages: accuracy, macro-F1, Cohen's κ, the confusion
//! matrix and per-stage F1.

use serde::Serialize;

use crate::{model::CLASSES, synth::STAGES};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Metrics {
    pub epochs: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub kappa: f64,
    /// `confusion[true][predicted]`, stages in the order W, N1, N2, N3, REM.
    pub confusion: [[usize; CLASSES]; CLASSES],
    pub per_stage_f1: Vec<(String, f64)>,
}

pub fn compute(truth: &[u8], predicted: &[u8]) -> Metrics {
    let mut c = [[0usize; CLASSES]; CLASSES];
    for (t, p) in truth.iter().zip(predicted) {
        c[usize::from(*t)][usize::from(*p)] += 1;
    }
    let n: usize = c.iter().flatten().sum();
    let diag: usize = (0..CLASSES).map(|i| c[i][i]).sum();
    let accuracy = if n == 0 { 0.0 } else { diag as f64 / n as f64 };
    let row = |i: usize| c[i].iter().sum::<usize>() as f64;
    let col = |j: usize| (0..CLASSES).map(|i| c[i][j]).sum::<usize>() as f64;
    let expected: f64 = if n == 0 {
        0.0
    } else {
        (0..CLASSES).map(|k| row(k) * col(k)).sum::<f64>() / (n as f64 * n as f64)
    };
    let kappa = if (1.0 - expected).abs() < 1e-12 {
        0.0
    } else {
        (accuracy - expected) / (1.0 - expected)
    };
    let f1: Vec<f64> = (0..CLASSES)
        .map(|k| {
            let tp = c[k][k] as f64;
            let denom = row(k) + col(k);
            if denom == 0.0 { 0.0 } else { 2.0 * tp / denom }
        })
        .collect();
    // Macro-F1 over the stages that occur (in truth or prediction).
    let present: Vec<f64> = (0..CLASSES)
        .filter(|&k| row(k) + col(k) > 0.0)
        .map(|k| f1[k])
        .collect();
    let macro_f1 = if present.is_empty() {
        0.0
    } else {
        present.iter().sum::<f64>() / present.len() as f64
    };
    Metrics {
        epochs: n,
        accuracy,
        macro_f1,
        kappa,
        confusion: c,
        per_stage_f1: STAGES
            .iter()
            .zip(f1)
            .map(|(s, f)| (s.to_string(), f))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_agreement_is_kappa_one_and_chance_is_near_zero() {
        let t = [0u8, 1, 2, 3, 4, 2, 2, 0];
        let m = compute(&t, &t);
        assert_eq!((m.accuracy, m.kappa, m.macro_f1), (1.0, 1.0, 1.0));
        // Always predicting the majority class: accuracy 3/8, kappa 0.
        let m = compute(&t, &[2; 8]);
        assert!((m.accuracy - 0.375).abs() < 1e-9);
        assert!(m.kappa.abs() < 1e-9);
        assert_eq!(m.confusion[0][2], 2);
    }

    #[test]
    fn kappa_matches_a_worked_example() {
        // Two raters, two classes: 20 agree-yes, 15 agree-no, 5 + 10 disagreements (n = 50).
        // p_o = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4.
        let mut t = Vec::new();
        let mut p = Vec::new();
        for (a, b, k) in [(0u8, 0u8, 20), (1, 1, 15), (0, 1, 5), (1, 0, 10)] {
            t.extend(std::iter::repeat_n(a, k));
            p.extend(std::iter::repeat_n(b, k));
        }
        let m = compute(&t, &p);
        assert!((m.kappa - 0.4).abs() < 1e-9, "{}", m.kappa);
    }
}
