//! The crate's Stripe sandbox (it follows Stripe's documented contract for what we use).

pub use carebridge::sandbox::stripe::{FakeStripe, SECRET, Session, WEBHOOK_SECRET};

pub async fn start() -> FakeStripe {
    carebridge::sandbox::stripe::start(None)
        .await
        .expect("Stripe sandbox")
}
