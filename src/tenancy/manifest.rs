//! Declarative hospital manifests (`tenants/*.toml`): `carebridge tenants apply DIR` makes the
//! database match them. Idempotent: a second run changes nothing; an edited manifest updates.
//! Manifests hold settings, custom roles and staff accounts — never patient data.

use std::{collections::BTreeSet, path::Path};

use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    auth::{
        authz::Authz,
        password::hash_blocking,
        types::{Email, full_name, new_password},
    },
    db::stmt,
    tenancy::{
        hospitals::{self, PaymentProvider},
        roles::check_role_name,
    },
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub slug: String,
    pub timezone: String,
    pub currency: String,
    /// Minor units.
    pub appointment_fee: i64,
    pub payment_provider: String,
    #[serde(default = "yes")]
    pub approval_required: bool,
    pub payment_required: Option<bool>,
    #[serde(default)]
    pub ai_assistance: bool,
    #[serde(default)]
    pub roles: Vec<RoleSpec>,
    #[serde(default)]
    pub staff: Vec<StaffSpec>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    pub name: String,
    /// `object:action` pairs, e.g. `doctor:list`.
    pub permissions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSpec {
    pub email: String,
    pub full_name: String,
    /// `hospital_admin`, `doctor` or a custom role of this manifest.
    pub role: String,
    pub specialization: Option<String>,
    pub license_number: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub bio: String,
    /// For demo manifests only: the account's password. Without it, a new account gets a
    /// random password (printed once) that must be changed at first sign-in.
    pub demo_password: Option<String>,
}

/// What applying one manifest did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub slug: String,
    pub changes: Vec<String>,
    /// New accounts whose random password must be handed over.
    pub new_passwords: Vec<(String, String)>,
}

pub fn load_dir(dir: &Path) -> anyhow::Result<Vec<(String, Manifest)>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p)?;
            let m: Manifest = toml::from_str(&text).with_context(|| format!("{}", p.display()))?;
            Ok((p.display().to_string(), m))
        })
        .collect()
}

fn err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

fn provider(p: &str) -> anyhow::Result<PaymentProvider> {
    Ok(match p {
        "khalti" => PaymentProvider::Khalti,
        "stripe" => PaymentProvider::Stripe,
        "none" => PaymentProvider::None,
        other => bail!("payment_provider must be khalti, stripe or none, not {other}"),
    })
}

async fn one_string(
    txn: &DatabaseTransaction,
    sql: &str,
    values: Vec<Value>,
) -> anyhow::Result<Option<String>> {
    Ok(txn
        .query_one_raw(stmt(sql, values))
        .await?
        .map(|r| r.try_get_by_index::<String>(0))
        .transpose()?)
}

/// Applies every manifest through the owner connection, each in one transaction.
pub async fn apply_all(
    admin: &DatabaseConnection,
    manifests: &[(String, Manifest)],
) -> anyhow::Result<Vec<Outcome>> {
    let authz = Authz::base().await?;
    let mut out = Vec::new();
    for (file, m) in manifests {
        let txn = admin.begin().await?;
        let outcome = apply(&txn, &authz, m).await.with_context(|| file.clone())?;
        txn.commit().await?;
        out.push(outcome);
    }
    Ok(out)
}

async fn apply(txn: &DatabaseTransaction, authz: &Authz, m: &Manifest) -> anyhow::Result<Outcome> {
    let slug = hospitals::check_slug(&m.slug).map_err(err)?;
    let currency = hospitals::check_currency(&m.currency).map_err(err)?;
    let prov = provider(&m.payment_provider)?;
    hospitals::check_provider(prov, &currency).map_err(err)?;
    let values: Vec<Value> = vec![
        slug.clone().into(),
        hospitals::check_name(&m.name).map_err(err)?.into(),
        hospitals::check_timezone(&m.timezone).map_err(err)?.into(),
        currency.into(),
        hospitals::check_fee(m.appointment_fee).map_err(err)?.into(),
        prov.as_str().into(),
        m.approval_required.into(),
        m.payment_required
            .unwrap_or(prov != PaymentProvider::None)
            .into(),
        m.ai_assistance.into(),
    ];
    let mut outcome = Outcome {
        slug: slug.clone(),
        ..Default::default()
    };
    let existing = one_string(
        txn,
        "select id::text from hospital where slug = $1",
        vec![slug.clone().into()],
    )
    .await?;
    let hospital_id: Uuid = match existing {
        None => {
            let id = Uuid::now_v7();
            let mut v = vec![Value::from(id)];
            v.extend(values);
            txn.execute_raw(stmt(
                "insert into hospital (id, slug, name, timezone, currency, appointment_fee, payment_provider,
                   approval_required, payment_required, ai_assistance)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                v,
            ))
            .await?;
            outcome.changes.push("hospital created".into());
            id
        }
        Some(id) => {
            let changed = txn
                .execute_raw(stmt(
                    "update hospital set name = $2, timezone = $3, currency = $4, appointment_fee = $5,
                       payment_provider = $6, approval_required = $7, payment_required = $8,
                       ai_assistance = $9, updated_at = now()
                     where slug = $1 and (name, timezone, currency, appointment_fee, payment_provider,
                       approval_required, payment_required, ai_assistance)
                       is distinct from ($2, $3, $4, $5, $6, $7, $8, $9)",
                    values,
                ))
                .await?
                .rows_affected();
            if changed > 0 {
                outcome.changes.push("settings updated".into());
            }
            id.parse()?
        }
    };
    sync_roles(txn, authz, hospital_id, m, &mut outcome).await?;
    for s in &m.staff {
        sync_staff(txn, hospital_id, m, s, &mut outcome).await?;
    }
    if !outcome.changes.is_empty() {
        let summary = outcome.changes.join("; ");
        txn.execute_raw(stmt(
            "insert into audit_event (hospital_id, id, actor_role, action, resource_type, resource_id, purpose)
             values ($1, $2, 'operator', 'tenant.apply', 'hospital', $1::text, $3)",
            [Value::from(hospital_id), Uuid::now_v7().into(), summary.into()],
        ))
        .await?;
    }
    Ok(outcome)
}

async fn sync_roles(
    txn: &DatabaseTransaction,
    authz: &Authz,
    hospital: Uuid,
    m: &Manifest,
    out: &mut Outcome,
) -> anyhow::Result<()> {
    let domain = hospital.to_string();
    let mut wanted_names = BTreeSet::new();
    for r in &m.roles {
        let name = check_role_name(&r.name).map_err(err)?;
        let mut wanted = BTreeSet::new();
        for p in &r.permissions {
            let (object, action) = p
                .split_once(':')
                .with_context(|| format!("permission {p:?} is not object:action"))?;
            if !crate::tenancy::roles::grantable(authz, &domain, object, action)
                .await
                .map_err(err)?
            {
                bail!("role {name}: {action} {object} cannot be granted");
            }
            wanted.insert((object.to_string(), action.to_string()));
        }
        let rows = txn
            .query_all_raw(stmt(
                "select object, action from role_permission where hospital_id = $1 and role = $2",
                [Value::from(hospital), name.clone().into()],
            ))
            .await?;
        let have: BTreeSet<(String, String)> = rows
            .iter()
            .map(|r| {
                Ok((
                    r.try_get::<String>("", "object")?,
                    r.try_get::<String>("", "action")?,
                ))
            })
            .collect::<anyhow::Result<_>>()?;
        if have != wanted {
            txn.execute_raw(stmt(
                "delete from role_permission where hospital_id = $1 and role = $2",
                [Value::from(hospital), name.clone().into()],
            ))
            .await?;
            for (object, action) in &wanted {
                txn.execute_raw(stmt(
                    "insert into role_permission (hospital_id, role, object, action) values ($1, $2, $3, $4)",
                    [Value::from(hospital), name.clone().into(), object.clone().into(), action.clone().into()],
                ))
                .await?;
            }
            out.changes.push(format!(
                "role {name} {}",
                if have.is_empty() {
                    "created"
                } else {
                    "updated"
                }
            ));
        }
        wanted_names.insert(name);
    }
    remove_dropped_roles(txn, hospital, &wanted_names, out).await
}

/// Roles dropped from the manifest go, unless someone still holds them.
async fn remove_dropped_roles(
    txn: &DatabaseTransaction,
    hospital: Uuid,
    wanted_names: &BTreeSet<String>,
    out: &mut Outcome,
) -> anyhow::Result<()> {
    let stale = txn
        .query_all_raw(stmt(
            "select distinct rp.role, exists (select 1 from membership m where m.hospital_id = rp.hospital_id and m.role = rp.role) as held
               from role_permission rp where rp.hospital_id = $1",
            [Value::from(hospital)],
        ))
        .await?;
    for row in stale {
        let name: String = row.try_get("", "role")?;
        if wanted_names.contains(&name) {
            continue;
        }
        if row.try_get::<bool>("", "held")? {
            bail!("role {name} is no longer in the manifest but members still hold it");
        }
        txn.execute_raw(stmt(
            "delete from role_permission where hospital_id = $1 and role = $2",
            [Value::from(hospital), name.clone().into()],
        ))
        .await?;
        out.changes.push(format!("role {name} removed"));
    }
    Ok(())
}

/// A staff account the manifest names for the first time: its demo password, or a generated
/// one it must change (printed once by the CLI).
async fn create_account(
    txn: &DatabaseTransaction,
    email: &Email,
    name: &str,
    s: &StaffSpec,
    out: &mut Outcome,
) -> anyhow::Result<Uuid> {
    let (password, must_change) = match &s.demo_password {
        Some(p) => (p.clone(), false),
        None => (crate::auth::token::generate()[..20].to_string(), true),
    };
    new_password(password.clone(), email).map_err(err)?;
    let printed = must_change.then(|| password.clone());
    let hash = tokio::task::spawn_blocking(move || hash_blocking(&password)).await??;
    let id = Uuid::now_v7();
    txn.execute_raw(stmt(
        "insert into app_user (id, email, password_hash, full_name, must_change_password) values ($1, $2, $3, $4, $5)",
        [Value::from(id), email.as_str().into(), hash.into(), name.into(), must_change.into()],
    ))
    .await?;
    if let Some(p) = printed {
        // The plaintext is only ever printed by the CLI, once.
        out.new_passwords.push((email.as_str().to_string(), p));
    }
    out.changes
        .push(format!("account {} created", email.as_str()));
    Ok(id)
}

/// A doctor's profile as the manifest gives it (written only when it differs).
async fn save_doctor_profile(
    txn: &DatabaseTransaction,
    hospital: Uuid,
    user_id: Uuid,
    email: &Email,
    s: &StaffSpec,
    out: &mut Outcome,
) -> anyhow::Result<()> {
    let spec = s
        .specialization
        .clone()
        .with_context(|| format!("{}: a doctor needs specialization", email.as_str()))?;
    let license = s
        .license_number
        .clone()
        .with_context(|| format!("{}: a doctor needs license_number", email.as_str()))?;
    let languages = serde_json::json!(s.languages);
    let changed = txn
        .execute_raw(stmt(
            "insert into doctor (hospital_id, id, user_id, specialization, license_number, languages, bio)
             values ($1, $2, $3, $4, $5, array(select jsonb_array_elements_text($6::jsonb)), $7)
             on conflict (hospital_id, user_id) do update
               set specialization = excluded.specialization, license_number = excluded.license_number,
                   languages = excluded.languages, bio = excluded.bio
             where (doctor.specialization, doctor.license_number, doctor.languages, doctor.bio)
               is distinct from (excluded.specialization, excluded.license_number, excluded.languages, excluded.bio)",
            [Value::from(hospital), Uuid::now_v7().into(), user_id.into(), spec.into(), license.into(), languages.into(), s.bio.clone().into()],
        ))
        .await?
        .rows_affected();
    if changed > 0 {
        out.changes
            .push(format!("doctor profile of {} saved", email.as_str()));
    }

    Ok(())
}

async fn sync_staff(
    txn: &DatabaseTransaction,
    hospital: Uuid,
    m: &Manifest,
    s: &StaffSpec,
    out: &mut Outcome,
) -> anyhow::Result<()> {
    let email = Email::parse(&s.email).map_err(err)?;
    let name = full_name(&s.full_name).map_err(err)?;
    let role = s.role.trim().to_string();
    let custom = m.roles.iter().any(|r| r.name == role);
    if !(custom || role == "hospital_admin" || role == "doctor") {
        bail!(
            "{}: role must be hospital_admin, doctor or a role of this manifest",
            email.as_str()
        );
    }
    let user_id: Uuid = match one_string(
        txn,
        "select id::text from app_user where email = $1",
        vec![email.as_str().into()],
    )
    .await?
    {
        Some(id) => id.parse()?,
        None => create_account(txn, &email, &name, s, out).await?,
    };
    let current = one_string(
        txn,
        "select role from membership where hospital_id = $1 and user_id = $2",
        vec![hospital.into(), user_id.into()],
    )
    .await?;
    match current {
        None => {
            txn.execute_raw(stmt(
                "insert into membership (hospital_id, user_id, role) values ($1, $2, $3)",
                [Value::from(hospital), user_id.into(), role.clone().into()],
            ))
            .await?;
            out.changes
                .push(format!("{} joined as {role}", email.as_str()));
        }
        Some(r) if r != role => {
            txn.execute_raw(stmt(
                "update membership set role = $3 where hospital_id = $1 and user_id = $2",
                [Value::from(hospital), user_id.into(), role.clone().into()],
            ))
            .await?;
            out.changes
                .push(format!("{} is now {role}", email.as_str()));
        }
        Some(_) => {}
    }
    if role == "doctor" {
        save_doctor_profile(txn, hospital, user_id, &email, s, out).await?;
    }
    Ok(())
}
