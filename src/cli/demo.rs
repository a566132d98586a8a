//! `carebridge demo`: everything a first look needs, then serve.

use secrecy::SecretString;

use crate::app::{Application, Config};

pub const DEMO_SUPER_ADMIN_EMAIL: &str = "super@carebridge.local";
pub const DEMO_SUPER_ADMIN_PASSWORD: &str = "demo-super-admin-pass";

pub async fn run() -> anyhow::Result<()> {
    super::init_tracing();
    let config = Config::from_env()?;
    crate::db::migrate::run(&config).await?;
    super::super_admin::create(
        &config,
        DEMO_SUPER_ADMIN_EMAIL,
        "Demo Super Admin",
        SecretString::from(DEMO_SUPER_ADMIN_PASSWORD.to_string()),
        true,
    )
    .await?;
    let app = Application::build(config.clone()).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    println!();
    println!("carebridge demo is running at {base}");
    println!("  API docs:      {base}/docs");
    println!("  super admin:   {DEMO_SUPER_ADMIN_EMAIL} / {DEMO_SUPER_ADMIN_PASSWORD}");
    println!("  (demo credentials: never use them outside your machine)");
    println!();
    app.run().await
}
