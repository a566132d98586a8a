//! Documents: a patient's files, encrypted on the way in (chunk by chunk, straight into object
//! storage), verified whole before the first byte goes out, decrypted on the way out.
//!
//! Written in the layers of `src/prescriptions/`: `api` (HTTP), `service` (rules and
//! transactions), `store` (SQL), `types` (values); besides them `form` reads an upload's multipart
//! body as it streams and `objects` seals and opens the stored objects (no SQL, no transaction);
//! `sweep` removes the objects of uploads whose row never committed.

pub mod api;
mod form;
mod objects;
mod service;
mod store;
pub mod sweep;
pub mod types;

pub use objects::{Sealed, open_verified};
pub use store::DOCUMENT_SELECT;
pub use types::{Document, KINDS};
