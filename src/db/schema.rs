//! The schema in one readable place: `migrations/schema.snapshot.sql` is what the migrations
//! add up to (tables, policies, functions, grants), as `pg_dump --schema-only` prints it with
//! its session noise removed. `carebridge schema` writes it; a test fails when it drifts, as
//! `openapi/openapi.json` does. Read it to find today's version of any rule; change it only by
//! a new migration.

use anyhow::{Context, bail};
use secrecy::{ExposeSecret, SecretString};

use crate::app::Config;

/// What a migrated database's schema dumps to, normalised: no comments, no `SET` lines, no
/// `\restrict` keys (random per dump), no runs of blank lines.
pub fn snapshot(admin_url: &SecretString) -> anyhow::Result<String> {
    let out = std::process::Command::new("pg_dump")
        .args(["--schema-only", "--no-comments", "--dbname"])
        .arg(admin_url.expose_secret())
        .output()
        .context("running pg_dump (Debian: postgresql-client)")?;
    if !out.status.success() {
        bail!("pg_dump failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(normalise(&String::from_utf8(out.stdout)?))
}

fn normalise(dump: &str) -> String {
    let mut text = String::from(
        "-- What migrations/ adds up to, written by `carebridge schema` (see src/db/schema.rs).\n\
         -- Generated: never edit it; a test fails when it differs from the migrations.\n",
    );
    let mut blank = true;
    for line in dump.lines() {
        let noise = line.starts_with("--")
            || line.starts_with("SET ")
            || line.starts_with("SELECT pg_catalog.set_config")
            || line.starts_with("\\restrict")
            || line.starts_with("\\unrestrict");
        if noise || (line.trim().is_empty() && blank) {
            continue;
        }
        blank = line.trim().is_empty();
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.trim_end().to_string() + "\n"
}

/// Migrates a scratch database as `migrate` would (with the login roles of `DATABASE_URL` and
/// `DATABASE_SYSTEM_URL`), dumps it and drops it.
pub async fn of_migrations(config: &Config) -> anyhow::Result<String> {
    let scratch = format!("cb_schema_{}", std::process::id());
    let mut config = config.clone();
    config.database_admin_url = Config::with_database(&config.database_admin_url, &scratch)?;
    config.database_url = Config::with_database(&config.database_url, &scratch)?;
    config.database_system_url = Config::with_database(&config.database_system_url, &scratch)?;
    crate::db::migrate::run(&config).await?;
    let dumped = snapshot(&config.database_admin_url);
    let server = crate::db::connect(
        &Config::with_database(&config.database_admin_url, "postgres")?,
        1,
    )
    .await?;
    sea_orm::ConnectionTrait::execute_unprepared(
        &server,
        &format!("drop database if exists {scratch} with (force)"),
    )
    .await?;
    dumped
}

#[cfg(test)]
mod tests {
    #[test]
    fn session_noise_and_random_keys_are_dropped() {
        let dump = "--\n-- PostgreSQL database dump\n--\n\\restrict abc123\nSET x = 1;\n\n\n\
                    CREATE TABLE t (id uuid);\n\n\n\nGRANT SELECT ON t TO r;\n\\unrestrict abc123\n";
        let n = super::normalise(dump);
        assert!(
            n.ends_with("CREATE TABLE t (id uuid);\n\nGRANT SELECT ON t TO r;\n"),
            "{n}"
        );
        assert!(!n.contains("restrict") && !n.contains("SET x"));
    }
}
