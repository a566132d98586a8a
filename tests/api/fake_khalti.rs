//! The crate's Khalti sandbox (it follows Khalti's documented contract).

pub use carebridge::sandbox::khalti::{FakeKhalti, SECRET};

pub async fn start() -> FakeKhalti {
    carebridge::sandbox::khalti::start()
        .await
        .expect("Khalti sandbox")
}
