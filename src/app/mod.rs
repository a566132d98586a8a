//! Shared application plumbing: configuration, state, the HTTP server, operations endpoints.

pub mod clock;
pub mod config;
pub mod drain;
pub mod edge;
pub mod fields;
pub mod metrics;
pub mod middleware;
pub mod ops;
pub mod paging;
pub mod server;
pub mod state;
pub mod web;

pub use clock::Clock;
pub use config::Config;
pub use server::{Application, openapi_service, spec};
pub use state::AppState;
