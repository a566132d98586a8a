//! `carebridge demo`: everything a first look needs, then serve.

use std::path::PathBuf;

use secrecy::SecretString;

use crate::app::{Application, Config};

pub const DEMO_SUPER_ADMIN_EMAIL: &str = "super@carebridge.local";
pub const DEMO_SUPER_ADMIN_PASSWORD: &str = "demo-super-admin-pass";

pub async fn run() -> anyhow::Result<()> {
    super::init_tracing();
    let mut config = Config::from_env()?;
    let (sandbox, sms_sandbox) = sandboxes(&mut config).await?;
    crate::db::migrate::run(&config).await?;
    super::super_admin::create(
        &config,
        DEMO_SUPER_ADMIN_EMAIL,
        "Demo Super Admin",
        SecretString::from(DEMO_SUPER_ADMIN_PASSWORD.to_string()),
        true,
    )
    .await?;
    let dir = PathBuf::from(std::env::var("TENANTS_DIR").unwrap_or_else(|_| "tenants".into()));
    let outcomes = super::apply_tenants(&config, &dir).await?;
    let manifests = crate::tenancy::manifest::load_dir(&dir)?;
    seed_hours(&config, &manifests).await?;
    let app = Application::build(config.clone()).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    super::demo_story::tell_when_ready(base.clone(), config.database_admin_url.clone());
    println!();
    println!("carebridge demo is running at {base}");
    println!("  API docs: {base}/docs");
    println!();
    print_logins(&manifests, outcomes);
    println!();
    println!(
        "  web app: {base}/   patients register themselves there (or POST {base}/api/v1/auth/register)"
    );
    if sandbox {
        println!(
            "  payments: local Khalti and Stripe sandboxes (no real money; set KHALTI_SECRET_KEY or"
        );
        println!("  STRIPE_SECRET_KEY to use the providers' own sandboxes)");
    }
    if let Some(sms) = sms_sandbox {
        println!(
            "  SMS: texts to patients who chose SMS are shown at {sms}/ (set SMS_PROVIDER to send)"
        );
    }
    println!();
    app.run().await
}

/// The demo's logins: the super admin, the manifests' staff with a demo password, accounts the
/// manifests created just now, and the demo patient.
fn print_logins(
    manifests: &[(String, crate::tenancy::manifest::Manifest)],
    outcomes: Vec<crate::tenancy::manifest::Outcome>,
) {
    println!("  demo logins (local demo only):");
    println!("    super admin             {DEMO_SUPER_ADMIN_EMAIL} / {DEMO_SUPER_ADMIN_PASSWORD}");
    for (_, m) in manifests {
        for s in &m.staff {
            if let Some(p) = &s.demo_password {
                println!(
                    "    {:<23} {} / {}   (hospital {})",
                    s.role, s.email, p, m.slug
                );
            }
        }
    }
    println!(
        "    {:<23} {} / {}   (hospital kathmandu-valley: appointments, messages, a lab report, a prescription)",
        "patient",
        super::demo_story::PATIENT_EMAIL,
        super::demo_story::PATIENT_PASSWORD
    );
    for o in outcomes {
        for (email, password) in o.new_passwords {
            println!(
                "    new account             {email} / {password}   (change at first sign-in)"
            );
        }
    }
}

/// Points unconfigured providers at the local sandboxes: payments (when neither Khalti nor
/// Stripe has keys) and SMS (when no provider is set). Answers whether payments use the
/// sandbox, and the SMS stand-in's address when texts go there.
async fn sandboxes(config: &mut Config) -> anyhow::Result<(bool, Option<String>)> {
    // Without provider keys, payments go to the local sandbox: the whole flow works offline.
    let sandbox = config.khalti_secret_key.is_none() && config.stripe_secret_key.is_none();
    if sandbox {
        let webhook = format!(
            "{}/api/v1/payments/stripe/webhook",
            config.public_base_url.trim_end_matches('/')
        );
        let sb = crate::sandbox::Sandbox::start(Some(webhook)).await?;
        config.khalti_base_url = sb.khalti.base.clone();
        config.khalti_secret_key = Some(crate::sandbox::khalti::SECRET.to_string().into());
        config.stripe_api_base = sb.stripe.base.clone();
        config.stripe_secret_key = Some(crate::sandbox::stripe::SECRET.to_string().into());
        config.stripe_webhook_secret =
            Some(crate::sandbox::stripe::WEBHOOK_SECRET.to_string().into());
    }
    // Without an SMS provider, texts go to a local stand-in that shows them on a page.
    let sms = match config.sms {
        Some(_) => None,
        None => {
            let fake = crate::sandbox::sms::start().await?;
            config.sms = Some(crate::notifications::sms::SmsSettings {
                provider: crate::notifications::sms::SmsProvider::Twilio {
                    account_sid: crate::sandbox::sms::TWILIO_ACCOUNT_SID.into(),
                    auth_token: crate::sandbox::sms::TWILIO_AUTH_TOKEN.to_string().into(),
                },
                base_url: fake.base.clone(),
                from: "+15005550006".into(),
            });
            Some(fake.base)
        }
    };
    Ok((sandbox, sms))
}

/// Opening hours for the demo's doctors that have none, so that a newly registered patient finds
/// free slots at once: every day 08:00–20:00 in the hospital's time zone, 30-minute slots.
/// A doctor who published hours keeps them.
async fn seed_hours(
    config: &Config,
    manifests: &[(String, crate::tenancy::manifest::Manifest)],
) -> anyhow::Result<()> {
    use sea_orm::{ConnectionTrait, Value};
    let emails: Vec<String> = manifests
        .iter()
        .flat_map(|(_, m)| &m.staff)
        .filter(|s| s.role == "doctor" && s.demo_password.is_some())
        .map(|s| s.email.clone())
        .collect();
    let admin = crate::db::connect(&config.database_admin_url, 1).await?;
    admin
        .execute_raw(crate::db::stmt(
            "with d as (
               select d.hospital_id, d.id, h.timezone from doctor d
                 join app_user u on u.id = d.user_id join hospital h on h.id = d.hospital_id
                where u.email = any($1)),
             a as (
               insert into availability (hospital_id, doctor_id, timezone, slot_minutes)
               select hospital_id, id, timezone, 30 from d
               on conflict do nothing returning hospital_id, doctor_id)
             insert into availability_rule (hospital_id, doctor_id, weekday, start_time, end_time)
             select a.hospital_id, a.doctor_id, w, '08:00', '20:00'
               from a cross join generate_series(1, 7) as w",
            [Value::from(emails)],
        ))
        .await?;
    Ok(())
}
