//! Specialty suggestion: from the reason a patient types for a visit, the three specialties
//! that usually see such a complaint and the hospital's doctors who practise them. The model
//! (`crates/ml/src/specialty.rs`) is a kind of the model registry (`specialty`) and is switched
//! per hospital like the other AI features; it runs in the request, on the blocking pool. The
//! answer says "suggested, not a diagnosis"; the reason itself is neither stored, logged nor
//! audited.

pub mod api;
mod service;
mod store;
pub mod types;
