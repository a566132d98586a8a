//! The `carebridge` command line.

pub mod demo;
pub mod super_admin;

use std::io::Read;

use clap::{Parser, Subcommand};
use secrecy::SecretString;

use crate::app::{Application, Config};

#[derive(Parser)]
#[command(
    name = "carebridge",
    version,
    about = "Multi-tenant telemedicine platform"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the API, WebSocket and web app on BIND_ADDR.
    Serve,
    /// Apply migrations (DATABASE_ADMIN_URL) and create/update the runtime role (DATABASE_URL).
    Migrate,
    /// Manage platform super admins.
    SuperAdmin {
        #[command(subcommand)]
        command: SuperAdminCommand,
    },
    /// Print the OpenAPI spec.
    Openapi,
    /// First look: check services, migrate, create a demo super admin, print logins, serve.
    Demo,
}

#[derive(Subcommand)]
pub enum SuperAdminCommand {
    /// Create a super admin; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Platform Admin")]
        full_name: String,
    },
}

pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_current_span(true)
        .with_span_list(false)
        .try_init();
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Openapi => {
            println!("{}", crate::app::openapi_service().spec());
            Ok(())
        }
        Command::Serve => {
            init_tracing();
            let app = Application::build(Config::from_env()?).await?;
            tracing::info!(port = app.port(), "serving");
            app.run().await
        }
        Command::Migrate => {
            init_tracing();
            crate::db::migrate::run(&Config::from_env()?).await?;
            println!("migrations applied; runtime role ready");
            Ok(())
        }
        Command::SuperAdmin {
            command: SuperAdminCommand::Create { email, full_name },
        } => {
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = SecretString::from(password.trim_end_matches(['\r', '\n']).to_string());
            let config = Config::from_env()?;
            let id = super_admin::create(&config, &email, &full_name, password, false).await?;
            println!("super admin {id} created for {email}");
            Ok(())
        }
        Command::Demo => demo::run().await,
    }
}
