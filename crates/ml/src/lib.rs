//! Machine learning for carebridge: EDF reading, preprocessing, a synthetic sleep EEG
//! generator, the sleep-staging network (Burn on the pure-Rust `flex` CPU backend), training
//! with evaluation, and staging with a night summary and hypnogram; the chest X-ray triage
//! network; and the specialty-suggestion text classifier.

mod burnpack;
pub mod dicom;
pub mod edf;
pub mod hypnogram;
pub mod metrics;
pub mod model;
pub mod signal;
pub mod specialty;
pub mod stage;
pub mod synth;
pub mod train;
pub mod xray;
