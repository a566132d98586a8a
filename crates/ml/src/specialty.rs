//! Specialty suggestion: the reason a patient types for a visit (English or Nepali) → the
//! specialties that usually see such a complaint, ranked. A suggestion for choosing a doctor,
//! not a diagnosis (see models/SPECIALTY.md).
//!
//! Text becomes a hashed bag of features: words, word pairs and character 3- and 4-grams
//! within words (the n-grams carry Nepali inflections such as दुख्छ / दुख्यो / दुखाइ and English
//! plurals to a shared feature). The hashed vector, L2-normalised, goes through one hidden
//! layer to a softmax over [`SPECIALTIES`]. Trained on the curated phrases in
//! `crates/ml/data/specialty_phrases.tsv`, with a seeded per-(specialty, language) split into
//! training and held-out phrases.

use burn::{
    module::Module,
    nn::{Dropout, DropoutConfig, Linear, LinearConfig, loss::CrossEntropyLossConfig},
    optim::{AdamConfig, GradientsParams, decay::WeightDecayConfig},
    tensor::{
        Device, Int, Tensor, TensorData,
        activation::{relu, softmax},
    },
};
use serde::Serialize;

use crate::{
    burnpack,
    metrics::{self, Metrics},
    synth::Rng,
    train::{cosine_lr, scalar},
};

/// The classes, in the network's output order. The names are those doctors carry in their
/// `specialization` (the server matches them, case-insensitively, with a few synonyms).
pub const SPECIALTIES: [&str; 15] = [
    "Cardiology",
    "Dermatology",
    "Pulmonology",
    "Pediatrics",
    "Obstetrics and gynecology",
    "Orthopedics",
    "Neurology",
    "Psychiatry",
    "Gastroenterology",
    "Urology",
    "Nephrology",
    "Ophthalmology",
    "ENT",
    "Endocrinology",
    "General medicine",
];

/// The languages of the phrases (ISO 639-1).
pub const LANGUAGES: [&str; 2] = ["en", "ne"];

/// Hashed feature buckets.
pub const DIM: usize = 4096;
const HIDDEN: usize = 32;

/// The curated phrases, committed with the code (the default training data).
pub const PHRASES: &str = include_str!("../data/specialty_phrases.tsv");

/// One curated phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Index into [`SPECIALTIES`].
    pub specialty: u8,
    pub language: &'static str,
    pub text: String,
}

/// Parses `specialty<TAB>language<TAB>phrase` lines (`#` comments and blank lines skipped);
/// an unknown specialty or language, or a missing column, is an error naming the line.
pub fn parse(tsv: &str) -> anyhow::Result<Vec<Phrase>> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, lang, text] = cols[..] else {
            anyhow::bail!("line {}: expected 3 tab-separated columns", n + 1);
        };
        let specialty = SPECIALTIES
            .iter()
            .position(|s| *s == name)
            .ok_or_else(|| anyhow::anyhow!("line {}: unknown specialty {name:?}", n + 1))?;
        let language = LANGUAGES
            .iter()
            .find(|l| **l == lang)
            .ok_or_else(|| anyhow::anyhow!("line {}: unknown language {lang:?}", n + 1))?;
        anyhow::ensure!(!text.trim().is_empty(), "line {}: empty phrase", n + 1);
        out.push(Phrase {
            specialty: specialty as u8,
            language,
            text: text.trim().to_string(),
        });
    }
    Ok(out)
}

/// The seed of the train / held-out split the committed model was measured on.
pub const SPLIT_SEED: u64 = 20;

/// Splits the phrases deterministically: within each (specialty, language) group, shuffled by
/// `seed`, one in five (rounded up) is held out. Every group is therefore in both parts, and a
/// phrase's part depends only on the data and the seed.
pub fn split(phrases: &[Phrase], seed: u64) -> (Vec<Phrase>, Vec<Phrase>) {
    let mut rng = Rng::new(seed);
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for s in 0..SPECIALTIES.len() as u8 {
        for lang in LANGUAGES {
            let mut group: Vec<&Phrase> = phrases
                .iter()
                .filter(|p| p.specialty == s && p.language == lang)
                .collect();
            for i in (1..group.len()).rev() {
                let j = (rng.next_u64() % (i as u64 + 1)) as usize;
                group.swap(i, j);
            }
            let cut = group.len().div_ceil(5);
            held.extend(group[..cut].iter().map(|p| (*p).clone()));
            train.extend(group[cut..].iter().map(|p| (*p).clone()));
        }
    }
    (train, held)
}

/// Lower case; Devanagari candrabindu (ँ) folded into anusvara (ं), as writers use either;
/// zero-width joiners dropped; anything but letters, digits and Devanagari signs (the danda
/// included) becomes a space. Devanagari vowel signs and virama are not alphabetic to Rust,
/// so the block is kept whole.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{200C}' | '\u{200D}' => {}
            '\u{0901}' => out.push('\u{0902}'),
            '\u{0964}' | '\u{0965}' => out.push(' '),
            c if c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c) => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// The words of a text, normalised.
pub fn words(text: &str) -> Vec<String> {
    normalize(text)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The features of a text as strings: `w:` words, `b:` adjacent word pairs and `c:` character
/// 3- and 4-grams of each word framed by `<` and `>`.
pub fn feature_names(text: &str) -> Vec<String> {
    let ws = words(text);
    let mut out = Vec::new();
    for w in &ws {
        out.push(format!("w:{w}"));
        let framed: Vec<char> = std::iter::once('<')
            .chain(w.chars())
            .chain(std::iter::once('>'))
            .collect();
        for n in [3, 4] {
            for g in framed.windows(n) {
                out.push(format!("c:{}", g.iter().collect::<String>()));
            }
        }
    }
    for pair in ws.windows(2) {
        out.push(format!("b:{} {}", pair[0], pair[1]));
    }
    out
}

/// FNV-1a, 64 bits: a stable hash (the committed weights depend on it).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The hashed feature vector of a text: each feature adds ±1 to its bucket (the sign from
/// another bit of the hash, so collisions tend to cancel rather than pile up), then the
/// vector is scaled to unit length. All zeros for a text with no words.
pub fn features(text: &str) -> Vec<f32> {
    let mut v = vec![0f32; DIM];
    for f in feature_names(text) {
        let h = fnv1a(&f);
        let sign = if h >> 63 == 1 { -1.0 } else { 1.0 };
        v[(h % DIM as u64) as usize] += sign;
    }
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

#[derive(Module, Debug)]
pub struct SpecialtyNet {
    dropout: Dropout,
    hidden: Linear,
    head: Linear,
}

impl SpecialtyNet {
    pub fn new(device: &Device) -> Self {
        Self {
            dropout: DropoutConfig::new(0.2).init(),
            hidden: LinearConfig::new(DIM, HIDDEN).init(device),
            head: LinearConfig::new(HIDDEN, SPECIALTIES.len()).init(device),
        }
    }

    /// `[n, DIM]` features → `[n, classes]` logits. Dropout on the features acts only while
    /// training (it drops words and n-grams, so no single one decides).
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        self.head
            .forward(relu(self.hidden.forward(self.dropout.forward(x))))
    }
}

fn batch(texts: &[&str], device: &Device) -> Tensor<2> {
    let flat: Vec<f32> = texts.iter().flat_map(|t| features(t)).collect();
    Tensor::<2>::from_data(TensorData::new(flat, [texts.len(), DIM]), device)
}

/// A loaded model, ready to rank specialties.
pub struct Suggester {
    model: SpecialtyNet,
    device: Device,
}

impl Suggester {
    pub fn from_bytes(weights: &[u8]) -> anyhow::Result<Self> {
        let device = Device::flex();
        let model = burnpack::load(SpecialtyNet::new(&device), weights)
            .map_err(|e| anyhow::anyhow!("not specialty weights: {e}"))?;
        Ok(Self { model, device })
    }

    pub fn from_model(model: SpecialtyNet) -> Self {
        let device = Device::flex();
        Self {
            model: model.to_device(&device),
            device,
        }
    }

    /// One probability per specialty (in [`SPECIALTIES`] order) for each text.
    pub fn probabilities(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let p = softmax(self.model.forward(batch(texts, &self.device)), 1)
            .into_data()
            .try_to_vec::<f32>()
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        Ok(p.chunks_exact(SPECIALTIES.len())
            .map(<[f32]>::to_vec)
            .collect())
    }

    /// The `k` most probable specialties for `text`, most probable first (ties by name order).
    pub fn suggest(&self, text: &str, k: usize) -> anyhow::Result<Vec<(&'static str, f32)>> {
        let p = self.probabilities(&[text])?.remove(0);
        let mut ranked: Vec<(usize, f32)> = p.into_iter().enumerate().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(ranked
            .into_iter()
            .take(k)
            .map(|(i, p)| (SPECIALTIES[i], p))
            .collect())
    }
}

#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub steps: usize,
    pub learning_rate: f64,
    pub weight_decay: f32,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            steps: 300,
            learning_rate: 3e-3,
            weight_decay: 1e-3,
            seed: 7,
        }
    }
}

/// Trains on every phrase of `train` at each step (a few hundred phrases: one batch).
pub fn fit(train: &[Phrase], config: &TrainConfig, mut log: impl FnMut(&str)) -> SpecialtyNet {
    let device = Device::flex().autodiff();
    device.seed(config.seed);
    let mut model = SpecialtyNet::new(&device);
    let mut optim = AdamConfig::new()
        .with_weight_decay(Some(WeightDecayConfig::new(config.weight_decay)))
        .init();
    let loss_fn = CrossEntropyLossConfig::new().init(&device);
    let texts: Vec<&str> = train.iter().map(|p| p.text.as_str()).collect();
    let x = batch(&texts, &device);
    let labels: Vec<i64> = train.iter().map(|p| i64::from(p.specialty)).collect();
    let y = Tensor::<1, Int>::from_data(TensorData::new(labels, [train.len()]), &device);
    for step in 0..config.steps {
        let lr = cosine_lr(config.learning_rate, step, config.steps);
        let loss = loss_fn.forward(model.forward(x.clone()), y.clone());
        if step % 50 == 0 || step + 1 == config.steps {
            log(&format!(
                "step {step}/{} loss {:.4} lr {lr:.5}",
                config.steps,
                scalar(&loss)
            ));
        }
        let grads = GradientsParams::from_grads(loss.backward(), &model);
        model = optim.step(lr, model, grads);
    }
    model.valid()
}

/// The weights as burnpack bytes.
pub fn to_bytes(model: &SpecialtyNet) -> anyhow::Result<Vec<u8>> {
    burnpack::save(model)
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageMetrics {
    pub language: String,
    pub phrases: usize,
    pub accuracy: f64,
    pub top3_accuracy: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// Top-1 agreement: accuracy, macro-F1, κ, confusion and F1 per specialty.
    pub overall: Metrics,
    /// Share of phrases whose specialty is among the three suggested.
    pub top3_accuracy: f64,
    /// The same per language (the fairness report: English and Nepali writers).
    pub languages: Vec<LanguageMetrics>,
}

/// Scores `phrases` (the held-out ones) with `suggester`.
pub fn evaluate(suggester: &Suggester, phrases: &[Phrase]) -> anyhow::Result<Evaluation> {
    let texts: Vec<&str> = phrases.iter().map(|p| p.text.as_str()).collect();
    let probs = suggester.probabilities(&texts)?;
    let truth: Vec<u8> = phrases.iter().map(|p| p.specialty).collect();
    let top1: Vec<u8> = probs
        .iter()
        .map(|p| metrics::top_k_index(p) as u8)
        .collect();
    let languages = LANGUAGES
        .iter()
        .map(|lang| {
            let idx: Vec<usize> = (0..phrases.len())
                .filter(|i| phrases[*i].language == *lang)
                .collect();
            let t: Vec<u8> = idx.iter().map(|i| truth[*i]).collect();
            let p: Vec<Vec<f32>> = idx.iter().map(|i| probs[*i].clone()).collect();
            LanguageMetrics {
                language: lang.to_string(),
                phrases: idx.len(),
                accuracy: metrics::top_k_accuracy(&t, &p, 1),
                top3_accuracy: metrics::top_k_accuracy(&t, &p, 3),
            }
        })
        .collect();
    Ok(Evaluation {
        overall: metrics::compute_for(&truth, &top1, &SPECIALTIES),
        top3_accuracy: metrics::top_k_accuracy(&truth, &probs, 3),
        languages,
    })
}

/// What `carebridge train specialty` writes beside the weights and prints.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: String,
    pub data: String,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    pub train_phrases: usize,
    pub held_out_phrases: usize,
    pub split_seed: u64,
    pub seconds: f64,
    pub evaluation: Evaluation,
}

/// Trains on the curated phrases (or the TSV at `data`), evaluates on the held-out split and
/// writes `{out}/specialty-{version}.bpk` and `.metrics.json`.
pub fn run(
    config: &TrainConfig,
    data: Option<&std::path::Path>,
    out: &std::path::Path,
    version: &str,
    log: impl FnMut(&str),
) -> anyhow::Result<Report> {
    let started = std::time::Instant::now();
    let (text, source) = match data {
        Some(path) => (std::fs::read_to_string(path)?, path.display().to_string()),
        None => (
            PHRASES.to_string(),
            "curated symptom phrases, crates/ml/data/specialty_phrases.tsv".to_string(),
        ),
    };
    let phrases = parse(&text)?;
    let (train, held) = split(&phrases, SPLIT_SEED);
    let model = fit(&train, config, log);
    let bytes = to_bytes(&model)?;
    let evaluation = evaluate(&Suggester::from_model(model), &held)?;
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join(format!("specialty-{version}.bpk")), &bytes)?;
    let report = Report {
        version: version.to_string(),
        data: source,
        languages: LANGUAGES.iter().map(|l| l.to_string()).collect(),
        specialties: SPECIALTIES.iter().map(|s| s.to_string()).collect(),
        train_phrases: train.len(),
        held_out_phrases: held.len(),
        split_seed: SPLIT_SEED,
        seconds: started.elapsed().as_secs_f64(),
        evaluation,
    };
    std::fs::write(
        out.join(format!("specialty-{version}.metrics.json")),
        serde_json::to_string_pretty(&report)?,
    )?;
    Ok(report)
}

/// The report as text: the held-out figures overall, per language and per specialty.
pub fn describe(r: &Report) -> String {
    let e = &r.evaluation;
    let mut s = format!(
        "specialty {}: {} training phrases, {} held out, trained in {:.2} s\n\
         held-out accuracy {:.3}, top-3 accuracy {:.3}, macro-F1 {:.3}, Cohen's kappa {:.3}\n",
        r.version,
        r.train_phrases,
        r.held_out_phrases,
        r.seconds,
        e.overall.accuracy,
        e.top3_accuracy,
        e.overall.macro_f1,
        e.overall.kappa
    );
    for l in &e.languages {
        s.push_str(&format!(
            "  {} ({} phrases): accuracy {:.3}, top-3 {:.3}\n",
            l.language, l.phrases, l.accuracy, l.top3_accuracy
        ));
    }
    s.push_str("F1 per specialty: ");
    s.push_str(
        &e.overall
            .per_stage_f1
            .iter()
            .map(|(k, v)| format!("{k} {v:.2}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_lowercased_and_split_at_punctuation() {
        assert_eq!(
            words("Chest pain, when WALKING!"),
            ["chest", "pain", "when", "walking"]
        );
        assert_eq!(words("  \t "), Vec::<String>::new());
        let f = feature_names("Chest pain");
        for want in [
            "w:chest",
            "w:pain",
            "b:chest pain",
            "c:<ch",
            "c:est>",
            "c:<che",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} in {f:?}");
        }
    }

    #[test]
    fn devanagari_words_keep_their_vowel_signs_and_virama() {
        // "हिँड्दा छाती दुख्छ।": the danda is punctuation; candrabindu reads as anusvara.
        assert_eq!(words("हिँड्दा छाती दुख्छ।"), ["हिंड्दा", "छाती", "दुख्छ"]);
        assert_eq!(words("हिंड्दा"), words("हिँड्दा"));
        // A zero-width joiner does not split or change a word.
        assert_eq!(words("गर्\u{200D}यो"), words("गर्यो"));
        // Inflections share character n-grams: दुख्छ and दुख्यो both contain "<दुख".
        let a = feature_names("दुख्छ");
        let b = feature_names("दुख्यो");
        assert!(a.iter().any(|x| x == "c:<दुख") && b.iter().any(|x| x == "c:<दुख"));
    }

    #[test]
    fn features_are_unit_length_and_stable() {
        let v = features("chest pain when walking");
        assert_eq!(v.len(), DIM);
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5);
        assert_eq!(v, features("Chest  pain, when walking."));
        assert!(features("?!").iter().all(|x| *x == 0.0));
        // The hash is FNV-1a: the committed weights depend on these buckets.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_curated_phrases_parse_and_split_by_group() {
        let all = parse(PHRASES).unwrap();
        assert!(all.len() >= 400, "{}", all.len());
        for s in 0..SPECIALTIES.len() as u8 {
            for lang in LANGUAGES {
                let n = all
                    .iter()
                    .filter(|p| p.specialty == s && p.language == lang)
                    .count();
                assert!(n >= 10, "{} {lang}: {n}", SPECIALTIES[usize::from(s)]);
            }
        }
        let (train, held) = split(&all, SPLIT_SEED);
        assert_eq!(train.len() + held.len(), all.len());
        assert!(held.iter().all(|p| !train.contains(p)));
        assert_eq!(
            split(&all, SPLIT_SEED).1,
            held,
            "the split is deterministic"
        );
        assert_ne!(split(&all, SPLIT_SEED + 1).1, held);
        assert!(parse("Cardiology\txx\tchest pain").is_err());
        assert!(parse("Cardio\ten\tchest pain").is_err());
        assert!(parse("Cardiology\ten").is_err());
    }
}
