//! Shared application plumbing: configuration, state, the HTTP server, operations endpoints.

pub mod config;
pub mod metrics;
pub mod middleware;
pub mod ops;
pub mod paging;
pub mod server;
pub mod state;

pub use config::Config;
pub use server::{Application, openapi_service};
pub use state::AppState;
