//! No orphans (issue 21): an object whose document row never committed, because the process
//! died between the transfer and the commit, is removed by the sweep after the grace period;
//! committed documents' objects are never touched.

use std::time::Duration;

use carebridge::records::documents::sweep::sweep_orphans;
use carebridge_storage::{ObjectStore, StorageError};
use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::{
    helpers::{admin_conn, serve_binary, spawn_app, sql_i64},
    records::{sample, upload},
};

async fn exists(store: &ObjectStore, key: &str) -> bool {
    match store.reader(key).await {
        Ok(_) => true,
        Err(StorageError::NotFound) => false,
        Err(e) => panic!("reading {key}: {e}"),
    }
}

#[tokio::test]
async fn an_upload_killed_before_its_row_commits_leaves_an_object_the_sweep_removes() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let kept = upload(&app, &d.token, p.id, sample(300_000), "lab_report")
        .await
        .expect(201)
        .id();
    let store = ObjectStore::s3(app.config.s3.clone().unwrap());
    let kept_key = format!("{}/{kept}", h.id);

    // The real binary on the same database and bucket. The test holds the hospital's key lock
    // (as a key rotation does), which the upload's second transaction, the one that commits
    // its row, waits for once the object is written.
    let mut served = serve_binary(&app.config).await;
    let admin = admin_conn(&app.db).await;
    let lock = admin.begin().await.unwrap();
    lock.execute_unprepared(&format!(
        "select pg_advisory_xact_lock(hashtextextended('carebridge.kek.' || '{}', 0))",
        h.id
    ))
    .await
    .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("title", "Overnight EEG")
        .text("kind", "eeg")
        .part(
            "file",
            reqwest::multipart::Part::bytes(sample(3_000_000)).file_name("night.edf"),
        );
    let pending = tokio::spawn(
        app.client
            .post(format!(
                "{}/api/v1/patients/{}/documents",
                served.base, p.id
            ))
            .bearer_auth(&d.token)
            .multipart(form)
            .send(),
    );
    let waiting = "select count(*) from pg_locks l join pg_database b on b.oid = l.database \
                   where l.locktype = 'advisory' and not l.granted and b.datname = current_database()";
    let mut stalled = false;
    for _ in 0..600 {
        if sql_i64(&app, waiting).await == 1 {
            stalled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(stalled, "the upload never reached its commit");
    let orphan: String = admin
        .query_one_raw(carebridge::db::stmt(
            "select object_key from upload_intent where hospital_id = $1",
            [h.id.into()],
        ))
        .await
        .unwrap()
        .expect("the upload's intent committed before its bytes")
        .try_get_by_index(0)
        .unwrap();
    assert!(exists(&store, &orphan).await, "the object was written");

    // Killed between the upload and the commit.
    served.child.kill().unwrap();
    served.child.wait().unwrap();
    lock.rollback().await.unwrap();
    assert!(
        pending.await.unwrap().is_err(),
        "the client saw the server die"
    );
    assert!(exists(&store, &orphan).await);
    let rows = format!(
        "select count(*) from document where hospital_id = '{}'",
        h.id
    );
    assert_eq!(
        sql_i64(&app, &rows).await,
        1,
        "only the first document committed"
    );

    // Within the grace an intent may be an upload in flight: nothing is touched.
    let system = app.system_conn().await;
    let hour = Duration::from_secs(3600);
    assert_eq!(sweep_orphans(&system, &store, hour).await.unwrap(), 0);
    assert!(exists(&store, &orphan).await);

    // Past it (a grace of zero stands for the clock having moved on), the orphan goes.
    assert_eq!(
        sweep_orphans(&system, &store, Duration::ZERO)
            .await
            .unwrap(),
        1
    );
    assert!(!exists(&store, &orphan).await, "the orphan was removed");
    assert_eq!(sql_i64(&app, "select count(*) from upload_intent").await, 0);
    assert_eq!(
        sweep_orphans(&system, &store, Duration::ZERO)
            .await
            .unwrap(),
        0
    );

    // The committed document is untouched and still opens.
    assert!(exists(&store, &kept_key).await);
    let got = app
        .client
        .get(format!("{}/api/v1/documents/{kept}/content", app.base))
        .bearer_auth(&d.token)
        .send()
        .await
        .unwrap();
    assert_eq!(got.status().as_u16(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), sample(300_000));
}

/// An upload whose row is committing holds its intent: a sweep at that moment, even with no
/// grace at all, leaves it and its object alone.
#[tokio::test]
async fn the_sweep_skips_an_upload_whose_row_is_committing() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let store = ObjectStore::s3(app.config.s3.clone().unwrap());
    let admin = admin_conn(&app.db).await;
    let lock = admin.begin().await.unwrap();
    lock.execute_unprepared(&format!(
        "select pg_advisory_xact_lock(hashtextextended('carebridge.kek.' || '{}', 0))",
        h.id
    ))
    .await
    .unwrap();
    let (client, base, token, patient) =
        (app.client.clone(), app.base.clone(), d.token.clone(), p.id);
    let pending = tokio::spawn(async move {
        let form = reqwest::multipart::Form::new()
            .text("title", "Slow upload")
            .text("kind", "other")
            .part(
                "file",
                reqwest::multipart::Part::bytes(sample(100_000)).file_name("a.bin"),
            );
        client
            .post(format!("{base}/api/v1/patients/{patient}/documents"))
            .bearer_auth(&token)
            .multipart(form)
            .send()
            .await
            .unwrap()
    });
    // The upload waits for the lock after its intent row was deleted (uncommitted): the sweep
    // skips that locked intent, so it cannot delete an object that is about to commit.
    let waiting = "select count(*) from pg_locks l join pg_database b on b.oid = l.database \
                   where l.locktype = 'advisory' and not l.granted and b.datname = current_database()";
    while sql_i64(&app, waiting).await == 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let system = app.system_conn().await;
    assert_eq!(
        sweep_orphans(&system, &store, Duration::ZERO)
            .await
            .unwrap(),
        0
    );
    lock.rollback().await.unwrap();
    assert_eq!(pending.await.unwrap().status().as_u16(), 201);
    let objects = format!(
        "select object_key from document where hospital_id = '{}'",
        h.id
    );
    let key: String = admin
        .query_one_raw(carebridge::db::stmt(&objects, []))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    assert!(exists(&store, &key).await);
}

/// An upload that outlives the grace finds its intent swept, and fails (409) instead of
/// committing a row whose object the sweep may have deleted; it leaves nothing behind.
#[tokio::test]
async fn an_upload_that_outlives_the_grace_does_not_commit() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let store = ObjectStore::s3(app.config.s3.clone().unwrap());
    // A multipart body sent in two halves, the sweep running between them.
    let mut body = b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSlow\r\n\
        --XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nother\r\n\
        --XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\
        Content-Type: application/octet-stream\r\n\r\n"
        .to_vec();
    body.extend(sample(200_000));
    body.extend(b"\r\n--XyZ--\r\n");
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut conn = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /api/v1/patients/{}/documents HTTP/1.1\r\nHost: {addr}\r\n\
         Authorization: Bearer {}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        p.id,
        d.token,
        body.len()
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    conn.write_all(&body[..100_000]).await.unwrap();
    let intents = "select count(*) from upload_intent";
    while sql_i64(&app, intents).await == 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let system = app.system_conn().await;
    assert_eq!(
        sweep_orphans(&system, &store, Duration::ZERO)
            .await
            .unwrap(),
        1,
        "the sweep took the upload for an orphan"
    );
    conn.write_all(&body[100_000..]).await.unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 409"), "{answer}");
    let rows = format!(
        "select count(*) from document where hospital_id = '{}'",
        h.id
    );
    assert_eq!(sql_i64(&app, &rows).await, 0);
    let left = std::fs::read_dir(
        crate::helpers::s3_server()
            .await
            .dir
            .join(&app.config.s3.as_ref().unwrap().bucket)
            .join(h.id.to_string()),
    )
    .map(|d| d.count())
    .unwrap_or(0);
    assert_eq!(left, 0, "the late upload's object was removed");
}
