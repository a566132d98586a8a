//! The `carebridge` command line.

pub mod demo;
mod demo_clinic;
mod demo_story;
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
    /// Apply migrations (DATABASE_ADMIN_URL) and create/update the runtime and system login roles
    /// (DATABASE_URL, DATABASE_SYSTEM_URL).
    Migrate,
    /// Manage platform super admins.
    SuperAdmin {
        #[command(subcommand)]
        command: SuperAdminCommand,
    },
    /// Print the OpenAPI spec.
    Openapi,
    /// Print what the migrations add up to (`migrations/schema.snapshot.sql`): migrates a
    /// scratch database next to DATABASE_ADMIN_URL's, dumps its schema, drops it.
    Schema,
    /// First look: migrate, onboard the demo hospitals from tenants/, print logins, serve.
    Demo,
    /// Run the outbox dispatcher and scheduled jobs without serving HTTP.
    Worker,
    /// Hospital manifests.
    Tenants {
        #[command(subcommand)]
        command: TenantsCommand,
    },
    /// Train a model and write its weights and metrics (does not touch the database).
    Train {
        #[command(subcommand)]
        command: TrainCommand,
    },
    /// Hospital encryption keys (runs as the owner, DATABASE_ADMIN_URL).
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand)]
pub enum TenantsCommand {
    /// Onboard or update the hospitals described by DIR/*.toml (idempotent).
    Apply { dir: std::path::PathBuf },
}

#[derive(Subcommand)]
pub enum TrainCommand {
    /// The sleep-staging network: on synthetic nights, or on a folder of Sleep-EDF-style
    /// recordings (`*PSG.edf` with `*Hypnogram.edf`). Prints held-out accuracy, macro-F1,
    /// Cohen's kappa, the confusion matrix, per-stage F1 and per-group metrics.
    Sleep {
        /// A folder of PSG/Hypnogram EDF pairs; synthetic nights when absent.
        #[arg(long)]
        data: Option<std::path::PathBuf>,
        /// Where `sleep_staging-VERSION.bpk` and `.metrics.json` go.
        #[arg(long, default_value = "models")]
        out: std::path::PathBuf,
        #[arg(long, default_value = "v1")]
        version: String,
        /// Synthetic training nights.
        #[arg(long, default_value_t = 24)]
        nights: u64,
        /// Synthetic held-out nights (seeds never used in training).
        #[arg(long, default_value_t = 8)]
        eval_nights: u64,
        /// Passes over the training data.
        #[arg(long, default_value_t = 6)]
        passes: usize,
    },
    /// The chest X-ray triage network, on synthetic phantoms; prints held-out accuracy.
    Xray {
        #[arg(long, default_value = "models")]
        out: std::path::PathBuf,
        #[arg(long, default_value = "v1")]
        version: String,
        /// Training phantoms (half abnormal).
        #[arg(long, default_value_t = 2000)]
        images: usize,
        #[arg(long, default_value_t = 8)]
        passes: usize,
    },
    /// The specialty-suggestion text classifier, on the curated English and Nepali symptom
    /// phrases (or a TSV of `specialty<TAB>language<TAB>phrase`); prints held-out accuracy,
    /// top-3 accuracy, per-language and per-specialty figures.
    Specialty {
        /// A TSV of phrases; the committed crates/ml/data/specialty_phrases.tsv when absent.
        #[arg(long)]
        data: Option<std::path::PathBuf>,
        /// Where `specialty-VERSION.bpk` and `.metrics.json` go.
        #[arg(long, default_value = "models")]
        out: std::path::PathBuf,
        #[arg(long, default_value = "v1")]
        version: String,
        /// Full-batch training steps.
        #[arg(long, default_value_t = 300)]
        steps: usize,
    },
}

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Make a new key version active and re-wrap every document's data key under it (the
    /// objects are not re-encrypted).
    Rotate {
        #[arg(long)]
        hospital: String,
    },
    /// Crypto-shredding at offboarding: destroy every version of the hospital's key, so that
    /// none of its documents can be read again. Irreversible.
    Destroy {
        #[arg(long)]
        hospital: String,
        /// Required: confirms that the documents become unreadable for good.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chains; exits non-zero on an edited, deleted or reordered event.
    Verify {
        /// Only this hospital.
        #[arg(long)]
        hospital: Option<String>,
    },
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
            println!("{}", crate::app::spec());
            Ok(())
        }
        Command::Schema => {
            print!(
                "{}",
                crate::db::schema::of_migrations(&Config::from_env()?).await?
            );
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
            println!("migrations applied; runtime and system roles ready");
            Ok(())
        }
        Command::SuperAdmin {
            command: SuperAdminCommand::Create { email, full_name },
        } => create_super_admin(&email, &full_name).await,
        Command::Demo => demo::run().await,
        Command::Worker => worker().await,
        Command::Tenants {
            command: TenantsCommand::Apply { dir },
        } => {
            let config = Config::from_env()?;
            for o in apply_tenants(&config, &dir).await? {
                print_outcome(&o);
            }
            Ok(())
        }
        Command::Train { command } => train(command).await,
        Command::Keys { command } => keys(command).await,
        Command::Audit {
            command: AuditCommand::Verify { hospital },
        } => verify_audit(hospital.as_deref()).await,
    }
}

/// `super-admin create`: the password comes from standard input.
async fn create_super_admin(email: &str, full_name: &str) -> anyhow::Result<()> {
    let mut password = String::new();
    std::io::stdin().read_to_string(&mut password)?;
    let password = SecretString::from(password.trim_end_matches(['\r', '\n']).to_string());
    let config = Config::from_env()?;
    let id = super_admin::create(&config, email, full_name, password, false).await?;
    println!("super admin {id} created for {email}");
    Ok(())
}

/// `worker`: the outbox dispatcher, scheduled jobs and inference workers, no HTTP.
async fn worker() -> anyhow::Result<()> {
    init_tracing();
    let config = Config::from_env()?;
    let db = crate::db::connect(&config.database_system_url, 4).await?;
    tracing::info!("worker running");
    let vault = crate::records::vault(&config).await?;
    crate::inference::registry::ensure_builtin(&db).await?;
    let registry = std::sync::Arc::new(crate::inference::registry::Registry::default());
    crate::records::documents::sweep::spawn(db.clone(), vault.store.clone(), config.orphan_grace);
    let drain = crate::app::drain::Drain::default();
    crate::inference::spawn(
        db.clone(),
        vault,
        registry,
        config.inference_workers.max(1),
        &drain,
    );
    crate::notifications::dispatcher::spawn(db, &config, &drain)?;
    crate::app::drain::signal().await;
    // Workers hand back what they hold (an unsent message, a running job), then stop.
    drain.start();
    if tokio::time::timeout(config.shutdown_grace, drain.workers_done())
        .await
        .is_err()
    {
        tracing::warn!("draining: workers did not stop within the grace");
    }
    Ok(())
}

/// `train sleep|xray|specialty`: trains off the async runtime and prints the held-out figures.
async fn train(command: TrainCommand) -> anyhow::Result<()> {
    match command {
        TrainCommand::Sleep {
            data,
            out,
            version,
            nights,
            eval_nights,
            passes,
        } => {
            let config = carebridge_ml::train::TrainConfig {
                train_nights: nights,
                eval_nights,
                passes,
                ..Default::default()
            };
            let report = tokio::task::spawn_blocking(move || {
                carebridge_ml::train::run(&config, data.as_deref(), &out, &version, |l| {
                    eprintln!("{l}")
                })
            })
            .await??;
            print!("{}", carebridge_ml::train::describe(&report));
        }
        TrainCommand::Xray {
            out,
            version,
            images,
            passes,
        } => {
            let r = tokio::task::spawn_blocking(move || {
                carebridge_ml::xray::run(&out, &version, images, passes, |l| eprintln!("{l}"))
            })
            .await??;
            println!(
                "chest X-ray {}: {} training phantoms, held-out accuracy {:.3} on {} unseen phantoms, {:.0} s",
                r.version, r.train_images, r.eval_accuracy, r.eval_images, r.seconds
            );
        }
        TrainCommand::Specialty {
            data,
            out,
            version,
            steps,
        } => {
            use carebridge_ml::specialty;
            let config = specialty::TrainConfig {
                steps,
                ..Default::default()
            };
            let r = tokio::task::spawn_blocking(move || {
                specialty::run(&config, data.as_deref(), &out, &version, |l| {
                    eprintln!("{l}")
                })
            })
            .await??;
            print!("{}", specialty::describe(&r));
        }
    }
    Ok(())
}

/// `keys rotate|destroy` for one hospital.
async fn keys(command: KeysCommand) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    let admin = crate::db::connect(&config.database_admin_url, 1).await?;
    match command {
        KeysCommand::Rotate { hospital } => {
            let master = crate::records::master_key(&config)?;
            let r = crate::records::keys::rotate(&admin, &master, &hospital).await?;
            println!(
                "{hospital}: key version {} active; {} document keys re-wrapped",
                r.new_version, r.rewrapped
            );
        }
        KeysCommand::Destroy { hospital, yes } => {
            if !yes {
                anyhow::bail!(
                    "destroying a key makes every document of {hospital} unreadable for good; pass --yes"
                );
            }
            let n = crate::records::keys::destroy(&admin, &hospital).await?;
            println!("{hospital}: {n} key versions destroyed; its documents can no longer be read");
        }
    }
    Ok(())
}

/// `audit verify`: recomputes the hash chains; fails when any is broken.
async fn verify_audit(hospital: Option<&str>) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    let admin = crate::db::connect(&config.database_admin_url, 1).await?;
    let reports = crate::audit::verify::verify(&admin, hospital).await?;
    let mut broken = 0;
    for r in &reports {
        match &r.problem {
            None => println!("{}: ok, {} events", r.hospital, r.events),
            Some(p) => {
                broken += 1;
                println!("{}: BROKEN: {p}", r.hospital);
            }
        }
    }
    if broken > 0 {
        anyhow::bail!(
            "{broken} of {} audit chains failed verification",
            reports.len()
        );
    }
    Ok(())
}

/// Applies the manifests in `dir` and tells every running instance to reload its policy.
pub async fn apply_tenants(
    config: &Config,
    dir: &std::path::Path,
) -> anyhow::Result<Vec<crate::tenancy::manifest::Outcome>> {
    let manifests = crate::tenancy::manifest::load_dir(dir)?;
    let admin = crate::db::connect(&config.database_admin_url, 1).await?;
    let outcomes = crate::tenancy::manifest::apply_all(&admin, &manifests).await?;
    admin.close().await?;
    if outcomes.iter().any(|o| !o.changes.is_empty()) {
        use secrecy::ExposeSecret;
        let client = redis::Client::open(config.redis_url.expose_secret())?;
        let mut conn = redis::aio::ConnectionManager::new(client).await?;
        crate::auth::authz::announce(&mut conn, &config.redis_namespace)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(outcomes)
}

fn print_outcome(o: &crate::tenancy::manifest::Outcome) {
    if o.changes.is_empty() {
        println!("{}: unchanged", o.slug);
    } else {
        println!("{}: {}", o.slug, o.changes.join("; "));
    }
    for (email, password) in &o.new_passwords {
        println!("  {email}: temporary password {password} (must be changed at first sign-in)");
    }
}
