//! The database layout that isolation rests on, checked from the catalog.

use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::helpers::{RUNTIME_ROLE, SYSTEM_ROLE, admin_conn, spawn_app};

async fn strings(conn: &impl ConnectionTrait, sql: &str) -> Vec<String> {
    conn.query_all_raw(carebridge::db::stmt(sql, []))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

#[tokio::test]
async fn every_table_has_rls_enabled_and_forced() {
    let app = spawn_app().await;
    let db = admin_conn(&app.db).await;
    let missing = strings(
        &db,
        "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and not (c.relrowsecurity and c.relforcerowsecurity)",
    )
    .await;
    assert!(missing.is_empty(), "tables without forced RLS: {missing:?}");
    let tenant_tables = strings(
        &db,
        "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'hospital_id' and not a.attisdropped
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1",
    )
    .await;
    for t in [
        "audit_event",
        "care_team",
        "doctor",
        "membership",
        "patient",
    ] {
        assert!(
            tenant_tables.contains(&t.to_string()),
            "{t} missing from {tenant_tables:?}"
        );
    }
}

#[tokio::test]
async fn hospital_id_is_not_null_and_leads_every_key_of_tenant_tables() {
    let app = spawn_app().await;
    let db = admin_conn(&app.db).await;
    // auth_session and login_challenge are the platform's (a super admin's session or sign-in
    // challenge has no hospital) and only reachable through the definer functions.
    let nullable = strings(
        &db,
        "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'hospital_id'
          where n.nspname = 'public' and c.relkind = 'r' and not a.attnotnull
            and c.relname not in ('auth_session', 'login_challenge')",
    )
    .await;
    assert!(nullable.is_empty(), "nullable hospital_id: {nullable:?}");
    // Every primary, unique, exclusion and foreign key starts with hospital_id, except
    // foreign keys to the global identity table.
    let offending = strings(
        &db,
        "select format('%s.%s', c.relname, k.conname) from pg_constraint k
           join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
           join pg_attribute a on a.attrelid = c.oid and a.attname = 'hospital_id'
          where n.nspname = 'public' and c.relname not in ('auth_session', 'login_challenge')
            and k.contype in ('p', 'u', 'x', 'f')
            and k.conkey[1] <> a.attnum
            and not (k.contype = 'f' and k.confrelid = 'app_user'::regclass)",
    )
    .await;
    assert!(
        offending.is_empty(),
        "keys not led by hospital_id: {offending:?}"
    );
}

#[tokio::test]
async fn the_runtime_role_cannot_bypass_rls_and_owns_nothing() {
    let app = spawn_app().await;
    let db = admin_conn(&app.db).await;
    let row = db
        .query_one_raw(carebridge::db::stmt(
            "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
                    (select count(*) from pg_class where relowner = r.oid) as owned
               from pg_roles r where rolname = $1",
            [RUNTIME_ROLE.into()],
        ))
        .await
        .unwrap()
        .expect("runtime role exists");
    for attr in ["rolsuper", "rolbypassrls", "rolcreaterole", "rolcreatedb"] {
        assert!(!row.try_get::<bool>("", attr).unwrap(), "{attr} is set");
    }
    assert_eq!(row.try_get::<i64>("", "owned").unwrap(), 0);
    // It cannot read sessions or password hashes at all.
    let rt = app.runtime_conn().await;
    assert!(
        rt.execute_unprepared("select * from auth_session")
            .await
            .is_err()
    );
    assert!(
        rt.execute_unprepared("select password_hash from app_user")
            .await
            .is_err()
    );
    assert!(
        rt.execute_unprepared("update audit_event set action = 'x'")
            .await
            .is_err()
    );
    assert!(
        rt.execute_unprepared("delete from audit_event")
            .await
            .is_err()
    );
}

/// The role that serves requests can act only inside a session's context: no SECURITY DEFINER
/// function it may execute takes a hospital id, and the system's functions are out of its reach.
#[tokio::test]
async fn the_request_role_executes_no_definer_function_that_takes_a_hospital() {
    let app = spawn_app().await;
    let db = admin_conn(&app.db).await;
    let definers = |role: &'static str| {
        carebridge::db::stmt(
            "select p.oid::regprocedure::text as f,
                    pg_get_function_identity_arguments(p.oid) ilike '%hospital%'
                      as takes_hospital
               from pg_proc p join pg_namespace n on n.oid = p.pronamespace
              where n.nspname = 'public' and p.prosecdef
                and has_function_privilege($1, p.oid, 'execute')
              order by 1",
            [role.into()],
        )
    };
    let listed = |rows: Vec<sea_orm::QueryResult>| -> Vec<(String, bool)> {
        rows.iter()
            .map(|r| {
                (
                    r.try_get::<String>("", "f").unwrap(),
                    r.try_get::<bool>("", "takes_hospital").unwrap(),
                )
            })
            .collect()
    };
    let request = listed(db.query_all_raw(definers(RUNTIME_ROLE)).await.unwrap());
    assert!(
        request.iter().any(|(f, _)| f.starts_with("auth_open(")),
        "the request role checks sessions: {request:?}"
    );
    let offending: Vec<_> = request.iter().filter(|(_, h)| *h).collect();
    assert!(offending.is_empty(), "takes a hospital id: {offending:?}");
    let system = listed(db.query_all_raw(definers(SYSTEM_ROLE)).await.unwrap());
    for f in [
        "payment_apply(",
        "inference_input(",
        "outbox_report(",
        "auth_create_session(",
    ] {
        assert!(
            system.iter().any(|(g, h)| g.starts_with(f) && *h),
            "the system role runs {f}"
        );
        assert!(!request.iter().any(|(g, _)| g.starts_with(f)), "{f}");
    }
    // What only the sockets' system side does: take a ticket (before any session), check many
    // sessions at once, claim notifications of every hospital to push.
    for f in [
        "ws_ticket_take(",
        "auth_sessions_current(",
        "notification_claim_pushes(",
    ] {
        assert!(
            system.iter().any(|(g, _)| g.starts_with(f)),
            "system runs {f}"
        );
        assert!(!request.iter().any(|(g, _)| g.starts_with(f)), "{f}");
    }
    // Called anyway, they are refused; and no arguments make a context.
    let rt = app.runtime_conn().await;
    let refused = rt
        .execute_unprepared(&format!(
            "select inference_input('{}', '{}')",
            uuid::Uuid::new_v4(),
            uuid::Uuid::new_v4()
        ))
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("permission denied"),
        "{refused}"
    );
    let row = rt
        .query_one_raw(carebridge::db::stmt(
            "select auth_resume(decode(repeat('ab', 32), 'hex'), 0, 60) as resumed,
                    coalesce(current_setting('app.hospital_id', true), '') as hospital",
            [],
        ))
        .await
        .unwrap()
        .unwrap();
    assert!(!row.try_get::<bool>("", "resumed").unwrap());
    assert_eq!(row.try_get::<String>("", "hospital").unwrap(), "");
}

#[tokio::test]
async fn without_context_the_runtime_role_reads_zero_rows_from_every_table() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    app.get(&format!("/api/v1/patients/{}", p.id), &d.token)
        .await
        .expect(200);
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        serde_json::json!({"name": "nurse", "permissions": [{"object": "doctor", "action": "list"}]}),
    )
    .await
    .expect(201);

    // Availability (with an exception), an appointment, its outbox rows and notifications.
    let rules: Vec<serde_json::Value> = (1..=7)
        .map(|w| serde_json::json!({"weekday": w, "start": "00:00", "end": "23:00"}))
        .collect();
    let far = (chrono::Utc::now() + chrono::Duration::days(200)).date_naive();
    app.request(
        reqwest::Method::PUT,
        &format!("/api/v1/doctors/{}/availability", d.id),
        Some(&h.admin),
        Some(
            serde_json::json!({"timezone": "UTC", "slot_minutes": 60, "rules": rules,
                                "exceptions": [{"date": far}]}),
        ),
    )
    .await
    .expect(200);
    let start = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%dT10:00:00Z")
        .to_string();
    app.post(
        "/api/v1/appointments",
        Some(&p.token),
        serde_json::json!({"doctor_id": d.id, "start_at": start, "reason": "x"}),
    )
    .await
    .expect(201);

    crate::records::seed(&app, &d, &p).await;
    // A conversation, a message, its read receipt and a call event.
    let c = app
        .post(
            "/api/v1/conversations",
            Some(&p.token),
            serde_json::json!({"doctor_id": d.id}),
        )
        .await
        .expect(201)
        .id();
    let m = app
        .post(
            &format!("/api/v1/conversations/{c}/messages"),
            Some(&p.token),
            serde_json::json!({"body": "x", "client_id": "1"}),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/conversations/{c}/read"),
        Some(&d.token),
        serde_json::json!({"message_id": m}),
    )
    .await
    .expect(204);
    admin_conn(&app.db)
        .await
        .execute_unprepared(
            "insert into call_event (hospital_id, id, appointment_id, user_id, actor_id, kind)
               select hospital_id, gen_random_uuid(), id, patient_user_id, patient_user_id, 'joined'
                 from appointment limit 1",
        )
        .await
        .unwrap();
    // A vitals set scoring high (so an alert), and a rating, written as the owner.
    app.post(
        &format!("/api/v1/patients/{}/vitals", p.id),
        Some(&p.token),
        serde_json::json!({"respiratory_rate": 30, "spo2": 90, "spo2_scale": 1, "on_oxygen": true,
                           "systolic_bp": 85, "heart_rate": 140, "consciousness": "V",
                           "temperature_c": 39.5}),
    )
    .await
    .expect(201);
    admin_conn(&app.db)
        .await
        .execute_unprepared(
            "insert into appointment_rating (hospital_id, appointment_id, doctor_id, patient_user_id, doctor_user_id, stars)
               select hospital_id, id, doctor_id, patient_user_id, doctor_user_id, 5 from appointment limit 1",
        )
        .await
        .unwrap();
    // A failed upload leaves its intent for the orphan sweep.
    crate::records::upload(&app, &d.token, p.id, b"x".to_vec(), "no-such-kind")
        .await
        .expect(422);
    // An inference job, a correction and the queue's turn, written as the owner.
    admin_conn(&app.db)
        .await
        .execute_unprepared(
            "insert into inference_job (hospital_id, id, kind, document_id, patient_id, requested_by)
               select hospital_id, gen_random_uuid(), 'sleep_staging', id, patient_id, uploaded_by from document limit 1;
             insert into inference_correction (hospital_id, job_id, epoch, stage, corrected_by)
               select hospital_id, id, 0, 'W', requested_by from inference_job;
             insert into inference_turn (hospital_id, last_served_at) select hospital_id, now() from inference_job",
        )
        .await
        .unwrap();

    // A payment and its provider event, written as the owner (this test is about reading).
    admin_conn(&app.db)
        .await
        .execute_unprepared(
            "insert into payment (hospital_id, id, appointment_id, provider, amount, currency, provider_ref)
               select hospital_id, gen_random_uuid(), id, 'khalti', fee, currency, 'pidx-1' from appointment;
             insert into payment_event (hospital_id, provider, event_id, payment_id, outcome)
               select hospital_id, 'khalti', 'lookup:pidx-1:Pending', id, 'pending' from payment",
        )
        .await
        .unwrap();

    let db = admin_conn(&app.db).await;
    let tables = strings(
        &db,
        "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' order by 1",
    )
    .await;
    let rt = app.runtime_conn().await;
    let mut readable = 0;
    for t in &tables {
        let admin_rows = db
            .query_one_raw(carebridge::db::stmt(
                &format!("select count(*) as n from {t}"),
                [],
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap();
        // No privilege at all (auth_session, schema_migration) also means zero rows.
        if let Ok(row) = rt
            .query_one_raw(carebridge::db::stmt(
                &format!("select count(*) as n from {t}"),
                [],
            ))
            .await
        {
            readable += 1;
            let n = row.unwrap().try_get::<i64>("", "n").unwrap();
            assert_eq!(
                n, 0,
                "{t}: runtime role without context sees {n} of {admin_rows} rows"
            );
            assert!(
                admin_rows > 0 || t == "schema_migration",
                "{t} has no data, so the check proves nothing"
            );
        }
    }
    assert!(readable >= 6, "only {readable} tables were readable");

    // With one hospital's context, nothing of another's.
    let other = app.hospital(&root).await;
    let txn = rt.begin().await.unwrap();
    txn.execute_raw(carebridge::db::stmt(
        "select set_config('app.hospital_id', $1, true), set_config('app.role', 'hospital_admin', true)",
        [other.id.to_string().into()],
    ))
    .await
    .unwrap();
    let seen = txn
        .query_one_raw(carebridge::db::stmt(
            "select count(*) as n from patient",
            [],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(
        seen, 0,
        "another hospital's context sees this hospital's patients"
    );
}

#[tokio::test]
async fn the_committed_schema_snapshot_is_what_the_migrations_add_up_to() {
    let app = crate::helpers::spawn_app().await;
    let dumped = carebridge::db::schema::snapshot(&app.config.database_admin_url).unwrap();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/migrations/schema.snapshot.sql"
    ))
    .unwrap_or_default();
    assert!(
        dumped == committed,
        "migrations/schema.snapshot.sql differs from the migrations; run: \
         cargo run --quiet -- schema > migrations/schema.snapshot.sql"
    );
    // It holds the rules a reader looks for: policies, grants, functions.
    for needle in [
        "CREATE POLICY",
        "GRANT",
        "SECURITY DEFINER",
        "FORCE ROW LEVEL SECURITY",
    ] {
        assert!(committed.contains(needle), "the snapshot lacks {needle}");
    }
}

/// The tables `migrations/citus-reference-tables.txt` lists as global (reference tables).
fn reference_tables() -> Vec<String> {
    let listed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/migrations/citus-reference-tables.txt"
    ))
    .unwrap();
    listed
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Foreign-key edges (table, referenced table) among `public` tables.
async fn foreign_keys(conn: &impl ConnectionTrait) -> Vec<(String, String)> {
    strings(
        conn,
        "select format('%s %s', c.relname, r.relname) from pg_constraint k
           join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
           join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and k.contype = 'f' and k.conrelid <> k.confrelid
          order by 1",
    )
    .await
    .into_iter()
    .map(|s| {
        let (a, b) = s.split_once(' ').unwrap();
        (a.to_owned(), b.to_owned())
    })
    .collect()
}

/// `tables` ordered so that every table comes after the tables it references (Citus distributes
/// a referenced table first); ties by name, so the order is stable.
fn referenced_first(tables: &[String], fks: &[(String, String)]) -> Vec<String> {
    let mut left: Vec<String> = tables.to_vec();
    left.sort();
    let mut done: Vec<String> = Vec::new();
    while !left.is_empty() {
        let next = left
            .iter()
            .position(|t| {
                fks.iter()
                    .filter(|(from, to)| from == t && tables.contains(to))
                    .all(|(_, to)| done.contains(to))
            })
            .expect("a foreign-key cycle among the tables");
        done.push(left.remove(next));
    }
    done
}

/// What Citus needs (issue 21): the global tables are exactly the listed ones, every key of a
/// tenant table includes hospital_id, and every foreign key between tenant tables carries it on
/// both sides, so each hospital's rows live on one node and a constraint is checked there. The
/// Citus script in `migrations/citus.sql` is generated from the same catalog, so it names the
/// real tables; `CITUS_SQL_WRITE=1` rewrites it.
#[tokio::test]
async fn every_table_is_classified_for_citus_and_its_keys_carry_hospital_id() {
    let app = spawn_app().await;
    let db = admin_conn(&app.db).await;
    let tables = strings(
        &db,
        "select format('%s %s', c.relname, exists (select 1 from pg_attribute a where
                a.attrelid = c.oid and a.attname = 'hospital_id' and not a.attisdropped))
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1",
    )
    .await;
    let reference = reference_tables();
    let all: Vec<String> = tables
        .iter()
        .map(|t| t.split(' ').next().unwrap().into())
        .collect();
    let unlisted_global: Vec<&String> = tables
        .iter()
        .filter(|t| t.ends_with(" false"))
        .filter(|t| !reference.contains(&t.split(' ').next().unwrap().to_string()))
        .collect();
    assert!(
        unlisted_global.is_empty(),
        "tables without hospital_id, not listed in migrations/citus-reference-tables.txt: \
         {unlisted_global:?} (list them, or give them hospital_id)"
    );
    let missing: Vec<&String> = reference.iter().filter(|t| !all.contains(t)).collect();
    assert!(
        missing.is_empty(),
        "listed but not in the schema: {missing:?}"
    );
    let tenant: Vec<String> = all
        .iter()
        .filter(|t| !reference.contains(t))
        .cloned()
        .collect();

    // Primary keys exist, and every unique index and exclusion constraint includes hospital_id.
    let keys = strings(
        &db,
        "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')
         union all
         select format('%s: %s', i.indrelid::regclass, i.indexrelid::regclass) from pg_index i
           join pg_attribute a on a.attrelid = i.indrelid and a.attname = 'hospital_id'
          where i.indisunique and not (a.attnum = any(i.indkey::int2[]))
         union all
         select format('%s: %s', c.relname, k.conname) from pg_constraint k
           join pg_class c on c.oid = k.conrelid
           join pg_attribute a on a.attrelid = c.oid and a.attname = 'hospital_id'
          where k.contype = 'x' and not (a.attnum = any(k.conkey))",
    )
    .await;
    let offending: Vec<&String> = keys
        .iter()
        .filter(|k| tenant.contains(&k.split(':').next().unwrap().to_string()))
        .collect();
    assert!(
        offending.is_empty(),
        "tenant tables without a primary key, or keys without hospital_id: {offending:?}"
    );

    // A foreign key from a tenant table to another pairs hospital_id with hospital_id.
    let fk_cols = strings(
        &db,
        "select format('%s %s %s', c.relname, r.relname, k.conname) from pg_constraint k
           join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
           join pg_attribute a on a.attrelid = c.oid and a.attname = 'hospital_id'
           join pg_attribute b on b.attrelid = r.oid and b.attname = 'hospital_id'
          where k.contype = 'f' and not exists (
                select 1 from unnest(k.conkey, k.confkey) as p(mine, theirs)
                 where p.mine = a.attnum and p.theirs = b.attnum)",
    )
    .await;
    let fks = foreign_keys(&db).await;
    let mut bad: Vec<String> = fk_cols
        .into_iter()
        .filter(|s| {
            let mut w = s.split(' ');
            tenant.contains(&w.next().unwrap().into()) && tenant.contains(&w.next().unwrap().into())
        })
        .collect();
    // Citus refuses a reference table's foreign key into a distributed table.
    bad.extend(
        fks.iter()
            .filter(|(from, to)| reference.contains(from) && tenant.contains(to))
            .map(|(from, to)| format!("{from} -> {to} (reference to distributed)")),
    );
    assert!(bad.is_empty(), "foreign keys that cross hospitals: {bad:?}");

    let script = citus_script(
        &referenced_first(&reference, &fks),
        &referenced_first(&tenant, &fks),
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/citus.sql");
    if std::env::var_os("CITUS_SQL_WRITE").is_some() {
        std::fs::write(path, &script).unwrap();
    }
    assert!(
        std::fs::read_to_string(path).unwrap_or_default() == script,
        "migrations/citus.sql differs from the catalog; run the test with CITUS_SQL_WRITE=1"
    );
}

/// The Citus steps for these tables, in an order Citus accepts.
fn citus_script(reference: &[String], tenant: &[String]) -> String {
    let mut out = String::from(
        "-- Generated from the catalog by tests/api/catalog.rs \
         (every_table_is_classified_for_citus_…); do not edit.\n\
         -- Run on the Citus coordinator, once, after `carebridge migrate` (README: Scaling out).\n\
         begin;\n",
    );
    for t in reference {
        out.push_str(&format!("select create_reference_table('{t}');\n"));
    }
    let anchor = &tenant[0];
    out.push_str(&format!(
        "select create_distributed_table('{anchor}', 'hospital_id');\n"
    ));
    for t in &tenant[1..] {
        out.push_str(&format!(
            "select create_distributed_table('{t}', 'hospital_id', colocate_with => '{anchor}');\n"
        ));
    }
    out.push_str("commit;\n");
    out
}
