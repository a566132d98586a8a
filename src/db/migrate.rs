//! Forward-only, checksummed migrations, applied as the owner (`DATABASE_ADMIN_URL`), and the
//! runtime login role that `DATABASE_URL` names (NOSUPERUSER, NOBYPASSRLS, owns nothing).

use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait, Value};
use secrecy::SecretString;
use sha2::{Digest, Sha256};

use crate::{app::Config, db::stmt};

/// Every migration, in order. A shipped file is never edited: its checksum is recorded.
pub const MIGRATIONS: &[(i32, &str, &str)] = &[
    (
        1,
        "0001_foundation.sql",
        include_str!("../../migrations/0001_foundation.sql"),
    ),
    (
        2,
        "0002_roles_audit_chain.sql",
        include_str!("../../migrations/0002_roles_audit_chain.sql"),
    ),
    (
        3,
        "0003_scheduling.sql",
        include_str!("../../migrations/0003_scheduling.sql"),
    ),
    (
        4,
        "0004_payments.sql",
        include_str!("../../migrations/0004_payments.sql"),
    ),
    (
        5,
        "0005_records.sql",
        include_str!("../../migrations/0005_records.sql"),
    ),
    (
        6,
        "0006_inference.sql",
        include_str!("../../migrations/0006_inference.sql"),
    ),
    (
        7,
        "0007_plan_cached_functions.sql",
        include_str!("../../migrations/0007_plan_cached_functions.sql"),
    ),
    (
        8,
        "0008_read_path.sql",
        include_str!("../../migrations/0008_read_path.sql"),
    ),
    (
        9,
        "0009_audit_seal_one_update.sql",
        include_str!("../../migrations/0009_audit_seal_one_update.sql"),
    ),
    (
        10,
        "0010_session_epochs.sql",
        include_str!("../../migrations/0010_session_epochs.sql"),
    ),
    (
        11,
        "0011_reset_requests.sql",
        include_str!("../../migrations/0011_reset_requests.sql"),
    ),
    (
        12,
        "0012_custom_role_grants.sql",
        include_str!("../../migrations/0012_custom_role_grants.sql"),
    ),
    (
        13,
        "0013_least_privilege.sql",
        include_str!("../../migrations/0013_least_privilege.sql"),
    ),
    (
        14,
        "0014_realtime.sql",
        include_str!("../../migrations/0014_realtime.sql"),
    ),
    (
        15,
        "0015_two_factor.sql",
        include_str!("../../migrations/0015_two_factor.sql"),
    ),
    (
        16,
        "0016_required_totp_and_sms.sql",
        include_str!("../../migrations/0016_required_totp_and_sms.sql"),
    ),
    (
        17,
        "0017_appointment_names.sql",
        include_str!("../../migrations/0017_appointment_names.sql"),
    ),
    (
        18,
        "0018_user_visible_custom_roles.sql",
        include_str!("../../migrations/0018_user_visible_custom_roles.sql"),
    ),
    (
        19,
        "0019_vitals_alerts_ratings.sql",
        include_str!("../../migrations/0019_vitals_alerts_ratings.sql"),
    ),
    (
        20,
        "0020_specialty_suggestion.sql",
        include_str!("../../migrations/0020_specialty_suggestion.sql"),
    ),
    (
        21,
        "0021_upload_intents.sql",
        include_str!("../../migrations/0021_upload_intents.sql"),
    ),
    (
        22,
        "0022_drain_and_gauges.sql",
        include_str!("../../migrations/0022_drain_and_gauges.sql"),
    ),
    (
        23,
        "0023_analytics_read_path.sql",
        include_str!("../../migrations/0023_analytics_read_path.sql"),
    ),
    (
        24,
        "0024_two_factor_clock.sql",
        include_str!("../../migrations/0024_two_factor_clock.sql"),
    ),
];

/// The NOLOGIN role that holds the runtime grants; the login role is made a member of it.
pub const RUNTIME_GROUP: &str = "carebridge_runtime";
/// The NOLOGIN role that holds the system's grants (a member of [`RUNTIME_GROUP`]); the system
/// login role (`DATABASE_SYSTEM_URL`) is made a member of it.
pub const SYSTEM_GROUP: &str = "carebridge_system";

#[derive(FromQueryResult)]
struct Applied {
    version: i32,
    checksum: String,
}

fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// Creates the database named in `admin_url` when it does not exist yet.
pub async fn ensure_database(admin_url: &SecretString) -> anyhow::Result<()> {
    let name = Config::database_name(admin_url)?;
    let server = crate::db::connect(&Config::with_database(admin_url, "postgres")?, 1).await?;
    let exists = server
        .query_one_raw(stmt(
            "select 1 from pg_database where datname = $1",
            [name.clone().into()],
        ))
        .await?
        .is_some();
    if !exists {
        let ddl = server
            .query_one_raw(stmt(
                "select format('create database %I', $1::text) as ddl",
                [name.into()],
            ))
            .await?
            .context("format")?
            .try_get::<String>("", "ddl")?;
        server.execute_unprepared(&ddl).await?;
    }
    server.close().await?;
    Ok(())
}

/// Applies pending migrations and creates or updates the runtime and system login roles.
pub async fn run(config: &Config) -> anyhow::Result<()> {
    ensure_database(&config.database_admin_url).await?;
    let admin = crate::db::connect(&config.database_admin_url, 1).await?;
    apply(&admin).await?;
    let db = Config::database_name(&config.database_url)?;
    let (runtime, runtime_password) = Config::login_of(&config.database_url, "DATABASE_URL")?;
    let (system, system_password) =
        Config::login_of(&config.database_system_url, "DATABASE_SYSTEM_URL")?;
    if runtime == system {
        bail!("DATABASE_URL and DATABASE_SYSTEM_URL must log in as different roles");
    }
    ensure_login_role(&admin, &runtime, runtime_password, &db, RUNTIME_GROUP).await?;
    ensure_login_role(&admin, &system, system_password, &db, SYSTEM_GROUP).await?;
    admin.close().await?;
    Ok(())
}

/// Applies every migration not yet recorded, each in its own transaction.
pub async fn apply(admin: &DatabaseConnection) -> anyhow::Result<usize> {
    let privileged = admin
        .query_one_raw(stmt(
            "select rolsuper or rolbypassrls as ok from pg_roles where rolname = current_user",
            [],
        ))
        .await?
        .context("current role")?
        .try_get::<bool>("", "ok")?;
    if !privileged {
        bail!("DATABASE_ADMIN_URL must log in as a superuser or a role with BYPASSRLS");
    }
    let txn = admin.begin().await?;
    // One migrator at a time, across processes.
    txn.execute_unprepared("select pg_advisory_xact_lock(7301001)")
        .await?;
    txn.execute_unprepared(
        "create table if not exists schema_migration (
           version integer primary key, name text not null, checksum text not null,
           applied_at timestamptz not null default now())",
    )
    .await?;
    txn.execute_unprepared("alter table schema_migration enable row level security")
        .await?;
    txn.execute_unprepared("alter table schema_migration force row level security")
        .await?;
    let applied = Applied::find_by_statement(stmt(
        "select version, checksum from schema_migration order by version",
        [],
    ))
    .all(&txn)
    .await?;
    let mut count = 0;
    for (version, name, sql) in MIGRATIONS {
        let sum = checksum(sql);
        match applied.iter().find(|a| a.version == *version) {
            Some(a) if a.checksum == sum => continue,
            Some(_) => {
                bail!("migration {name} changed after it was applied; add a new one instead")
            }
            None => {}
        }
        txn.execute_unprepared(sql)
            .await
            .with_context(|| format!("migration {name}"))?;
        txn.execute_raw(stmt(
            "insert into schema_migration (version, name, checksum) values ($1, $2, $3)",
            [Value::from(*version), Value::from(*name), Value::from(sum)],
        ))
        .await?;
        tracing::info!(migration = name, "applied");
        count += 1;
    }
    if let Some(last) = applied.iter().map(|a| a.version).max()
        && !MIGRATIONS.iter().any(|(v, _, _)| *v == last)
    {
        bail!("the database has migration {last}, which this build does not know; upgrade first");
    }
    txn.commit().await?;
    Ok(count)
}

/// Refuses a login role name that is not plain (`[a-z0-9_]`), names a group, or is the
/// migrating role itself.
async fn check_login_name(admin: &DatabaseConnection, role: &str) -> anyhow::Result<()> {
    if [RUNTIME_GROUP, SYSTEM_GROUP].contains(&role)
        || !role
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        bail!(
            "the login role name {role:?} must be lowercase letters, digits and _, not {RUNTIME_GROUP} or {SYSTEM_GROUP}"
        );
    }
    let is_admin = admin
        .query_one_raw(stmt("select current_user = $1 as same", [role.into()]))
        .await?
        .context("current_user")?
        .try_get::<bool>("", "same")?;
    if is_admin {
        bail!("DATABASE_URL and DATABASE_SYSTEM_URL must not log in as the migrating role");
    }
    Ok(())
}

/// Runs the DDL that `format_query` (a `select format(…) as ddl` over `$1` = the role and `$2`)
/// builds, so that names and passwords are quoted by PostgreSQL.
async fn run_formatted(
    admin: &DatabaseConnection,
    format_query: &str,
    role: &str,
    second: &str,
) -> anyhow::Result<()> {
    let sql = admin
        .query_one_raw(stmt(format_query, [role.into(), second.into()]))
        .await?
        .context("format")?
        .try_get::<String>("", "ddl")?;
    admin.execute_unprepared(&sql).await?;
    Ok(())
}

/// Creates a login role if needed and pins its attributes: no superuser, no BYPASSRLS, no
/// ownership; it inherits only `group`'s grants (the runtime login role is taken out of the
/// system group, should it ever have been put in).
pub async fn ensure_login_role(
    admin: &DatabaseConnection,
    role: &str,
    password: Option<String>,
    database: &str,
    group: &str,
) -> anyhow::Result<()> {
    check_login_name(admin, role).await?;
    let exists = admin
        .query_one_raw(stmt(
            "select 1 from pg_roles where rolname = $1",
            [role.into()],
        ))
        .await?
        .is_some();
    let attrs = "login nosuperuser nobypassrls nocreatedb nocreaterole noreplication inherit";
    let ddl: Vec<String> = vec![
        format!(
            "select format('{} role %I {attrs}', $1::text) as ddl",
            if exists { "alter" } else { "create" }
        ),
        match &password {
            Some(_) => {
                "select format('alter role %I password %L', $1::text, $2::text) as ddl".into()
            }
            None => {
                "select format('alter role %I password null', $1::text, $2::text) as ddl".into()
            }
        },
        format!("select format('grant {group} to %I', $1::text) as ddl"),
        "select format('grant connect, temporary on database %I to %I', $2::text, $1::text) as ddl"
            .into(),
    ];
    for (i, q) in ddl.iter().enumerate() {
        let second = if i == 3 {
            database.to_string()
        } else {
            password.clone().unwrap_or_default()
        };
        run_formatted(admin, q, role, &second)
            .await
            .with_context(|| format!("login role {role}: step {i}"))?;
    }
    if group == RUNTIME_GROUP {
        let revoke =
            format!("select format('revoke {SYSTEM_GROUP} from %I', $1::text, $2::text) as ddl");
        run_formatted(admin, &revoke, role, "").await?;
    }
    let owned = admin
        .query_one_raw(stmt(
            "select count(*)::bigint as n from pg_class c join pg_roles r on r.oid = c.relowner
              where r.rolname = $1",
            [role.into()],
        ))
        .await?
        .context("ownership")?
        .try_get::<i64>("", "n")?;
    if owned > 0 {
        bail!("the login role {role} owns {owned} relations; it must own nothing");
    }
    Ok(())
}
