//! Backups (issue 21): a `pg_dump` of a hospital's database restored into a fresh database
//! verifies its audit chains with `carebridge audit verify`, and the API served on it opens the
//! documents in the bucket with the same master key (and only with it).

use secrecy::{ExposeSecret, SecretString};

use crate::{
    helpers::{ADMIN_SERVER, admin_conn, serve_binary, spawn_app},
    records::{sample, upload},
};

fn run(program: &str, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[tokio::test]
async fn a_restored_dump_verifies_its_audit_chains_and_opens_documents_with_the_master_key() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let bytes = sample(400_000);
    let doc = upload(&app, &d.token, p.id, bytes.clone(), "lab_report")
        .await
        .expect(201)
        .id();
    app.get(&format!("/api/v1/documents/{doc}/content"), &d.token)
        .await
        .expect(200);

    // Back up: pg_dump's custom format, from the live database.
    let dump = std::env::temp_dir().join(format!("{}.dump", app.db));
    let dump_path = dump.to_str().unwrap();
    let source = format!("{ADMIN_SERVER}/{}", app.db);
    run(
        "pg_dump",
        &["--format=custom", "--file", dump_path, &source],
    );

    // Restore into a fresh database.
    let restored = format!("{}_restored", app.db);
    let server = admin_conn("postgres").await;
    sea_orm::ConnectionTrait::execute_unprepared(
        &server,
        &format!("create database {restored} template template0"),
    )
    .await
    .unwrap();
    let target = format!("{ADMIN_SERVER}/{restored}");
    run(
        "pg_restore",
        &["--exit-on-error", "--dbname", &target, dump_path],
    );
    let _ = std::fs::remove_file(&dump);
    let bin = env!("CARGO_BIN_EXE_carebridge");
    let with_db = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_ADMIN_URL", &target)
            .output()
            .unwrap()
    };
    let verified = with_db(&["audit", "verify"]);
    let said = String::from_utf8_lossy(&verified.stdout);
    assert!(verified.status.success(), "audit verify: {said}");
    assert!(said.contains(&format!("{}: ok", h.slug)), "{said}");

    // The API on the restored database: the same bucket and master key open the document
    // (the doctor's session came back with the dump).
    let mut config = app.config.clone();
    let retarget = |url: &SecretString| {
        SecretString::from(
            url.expose_secret()
                .replace(&format!("/{}", app.db), &format!("/{restored}")),
        )
    };
    config.database_url = retarget(&config.database_url);
    config.database_system_url = retarget(&config.database_system_url);
    config.database_admin_url = retarget(&config.database_admin_url);
    let content = |base: String| {
        let (client, token) = (app.client.clone(), d.token.clone());
        async move {
            client
                .get(format!("{base}/api/v1/documents/{doc}/content"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
        }
    };
    {
        let served = serve_binary(&config).await;
        let got = content(served.base.clone()).await;
        assert_eq!(got.status().as_u16(), 200);
        assert_eq!(got.bytes().await.unwrap().to_vec(), bytes);
    }
    // Another master key opens nothing: the key is the third thing a restore needs.
    config.master_key = Some(std::sync::Arc::new(
        carebridge::crypto::SecretKey::generate(),
    ));
    {
        let served = serve_binary(&config).await;
        let got = content(served.base.clone()).await;
        assert_ne!(got.status().as_u16(), 200);
        assert!(
            !got.bytes()
                .await
                .unwrap()
                .windows(20)
                .any(|w| w == &bytes[..20])
        );
    }
    let _ = sea_orm::ConnectionTrait::execute_unprepared(
        &server,
        &format!("drop database {restored} with (force)"),
    )
    .await;
}
