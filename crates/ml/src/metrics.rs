//! Agreement between predicted and true classes (sleep stages, specialties): accuracy,
//! macro-F1, Cohen's κ, the confusion matrix, per-class F1, and top-k accuracy for models that
//! answer a ranked list.

use serde::Serialize;

use crate::synth::STAGES;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Metrics {
    /// How many items were scored (epochs for sleep staging, phrases for specialties).
    pub epochs: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub kappa: f64,
    /// `confusion[true][predicted]`, classes in the model's order (sleep: W, N1, N2, N3, REM).
    pub confusion: Vec<Vec<usize>>,
    /// F1 per class, by name. (Named for the first model that had it; every model uses it.)
    pub per_stage_f1: Vec<(String, f64)>,
}

/// Sleep stages: [`compute_for`] with the five stages.
pub fn compute(truth: &[u8], predicted: &[u8]) -> Metrics {
    compute_for(truth, predicted, &STAGES)
}

/// Share of items whose true class is among the `k` most probable of `probabilities` (one row
/// per item, one column per class).
pub fn top_k_accuracy(truth: &[u8], probabilities: &[Vec<f32>], k: usize) -> f64 {
    if truth.is_empty() {
        return 0.0;
    }
    let hits = truth
        .iter()
        .zip(probabilities)
        .filter(|(t, p)| {
            let mine = p[usize::from(**t)];
            // Ranked within the top k: fewer than k classes are strictly more probable.
            p.iter().filter(|&&q| q > mine).count() < k
        })
        .count();
    hits as f64 / truth.len() as f64
}

/// The index of the most probable class (the first of equals).
pub fn top_k_index(p: &[f32]) -> usize {
    (1..p.len()).fold(0, |best, k| if p[k] > p[best] { k } else { best })
}

/// The metrics of `predicted` against `truth`, classes numbered as in `names`.
pub fn compute_for(truth: &[u8], predicted: &[u8], names: &[&str]) -> Metrics {
    let classes = names.len();
    let mut c = vec![vec![0usize; classes]; classes];
    for (t, p) in truth.iter().zip(predicted) {
        c[usize::from(*t)][usize::from(*p)] += 1;
    }
    let n: usize = c.iter().flatten().sum();
    let diag: usize = (0..classes).map(|i| c[i][i]).sum();
    let accuracy = if n == 0 { 0.0 } else { diag as f64 / n as f64 };
    let row = |i: usize| c[i].iter().sum::<usize>() as f64;
    let col = |j: usize| (0..classes).map(|i| c[i][j]).sum::<usize>() as f64;
    let expected: f64 = if n == 0 {
        0.0
    } else {
        (0..classes).map(|k| row(k) * col(k)).sum::<f64>() / (n as f64 * n as f64)
    };
    let kappa = if (1.0 - expected).abs() < 1e-12 {
        0.0
    } else {
        (accuracy - expected) / (1.0 - expected)
    };
    let f1: Vec<f64> = (0..classes)
        .map(|k| {
            let tp = c[k][k] as f64;
            let denom = row(k) + col(k);
            if denom == 0.0 { 0.0 } else { 2.0 * tp / denom }
        })
        .collect();
    // Macro-F1 over the stages that occur (in truth or prediction).
    let present: Vec<f64> = (0..classes)
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
        per_stage_f1: names
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

    #[test]
    fn top_k_counts_the_true_class_among_the_k_most_probable() {
        let p = vec![
            vec![0.5, 0.3, 0.2],
            vec![0.5, 0.3, 0.2],
            vec![0.5, 0.3, 0.2],
        ];
        let t = [0u8, 1, 2];
        assert!((top_k_accuracy(&t, &p, 1) - 1.0 / 3.0).abs() < 1e-9);
        assert!((top_k_accuracy(&t, &p, 2) - 2.0 / 3.0).abs() < 1e-9);
        assert!((top_k_accuracy(&t, &p, 3) - 1.0).abs() < 1e-9);
        let m = compute_for(&t, &[0, 0, 0], &["a", "b", "c"]);
        assert_eq!(
            m.confusion,
            vec![vec![1, 0, 0], vec![1, 0, 0], vec![1, 0, 0]]
        );
        assert_eq!(m.per_stage_f1[0].0, "a");
    }
}
