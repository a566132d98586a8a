use std::time::Duration;

use reqwest::Method;
use serde_json::json;

use crate::helpers::{Options, PASSWORD, assert_problem, spawn_app, spawn_app_with};

#[tokio::test]
async fn login_me_and_logout_work_and_logout_revokes_the_token() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let me = app.get("/api/v1/auth/me", &h.admin).await.expect(200);
    assert_eq!(me.body["role"], "hospital_admin");
    assert_eq!(me.body["hospital_id"], h.id.to_string());
    assert_eq!(me.body["hospital_slug"], h.slug);
    assert!(me.body["email"].as_str().unwrap().starts_with("admin@"));

    let out = app
        .request(Method::POST, "/api/v1/auth/logout", Some(&h.admin), None)
        .await;
    assert_eq!(out.status.as_u16(), 204);
    let again = app.get("/api/v1/auth/me", &h.admin).await;
    assert_problem(&again, 401);
}

#[tokio::test]
async fn login_answers_token_expiry_and_role_as_the_contract_says() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let email = format!("admin@{}.test", h.slug);
    let r = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD, "hospital": h.slug}),
        )
        .await
        .expect(200);
    assert_eq!(
        r.body["token"].as_str().unwrap().len(),
        43,
        "256-bit base64url token"
    );
    assert_eq!(r.body["role"], "hospital_admin");
    assert_eq!(r.body["hospital_id"], h.id.to_string());
    let expires: chrono::DateTime<chrono::Utc> =
        r.body["expires_at"].as_str().unwrap().parse().unwrap();
    let in_hours = (expires - chrono::Utc::now()).num_minutes() as f64 / 60.0;
    assert!(
        (11.9..=12.0).contains(&in_hours),
        "absolute expiry is 12 h, got {in_hours}"
    );
    // Super admin: no hospital.
    let me = app.get("/api/v1/auth/me", &root).await.expect(200);
    assert!(me.body["hospital_id"].is_null());
}

#[tokio::test]
async fn unknown_email_and_wrong_password_get_the_same_answer() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let wrong = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": format!("admin@{}.test", h.slug), "password": "not the password"}),
        )
        .await;
    let unknown = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "nobody@nowhere.test", "password": "not the password"}),
        )
        .await;
    assert_problem(&wrong, 401);
    assert_problem(&unknown, 401);
    assert_eq!(wrong.text, unknown.text);
}

#[tokio::test]
async fn repeated_failures_on_one_account_are_throttled_with_retry_after() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let email = format!("admin@{}.test", h.slug);
    for _ in 0..5 {
        let r = app
            .post(
                "/api/v1/auth/login",
                None,
                json!({"email": email, "password": "wrong password!"}),
            )
            .await;
        assert_problem(&r, 401);
    }
    let r = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": "wrong password!"}),
        )
        .await;
    assert_problem(&r, 429);
    let retry: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 900);
    // Even the right password waits out the window.
    let r = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_problem(&r, 429);
}

#[tokio::test]
async fn failures_from_one_address_are_throttled_across_accounts() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.login_failures_per_ip = 3),
        ..Default::default()
    })
    .await;
    let send = |email: String, ip: &'static str| {
        let client = app.client.clone();
        let url = format!("{}/api/v1/auth/login", app.base);
        async move {
            client
                .post(url)
                .header("x-forwarded-for", ip)
                .json(&json!({"email": email, "password": "wrong password!"}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    for i in 0..3 {
        assert_eq!(send(format!("u{i}@x.test"), "203.0.113.7").await, 401);
    }
    assert_eq!(send("fresh@x.test".into(), "203.0.113.7").await, 429);
    assert_eq!(
        send("fresh@x.test".into(), "203.0.113.8").await,
        401,
        "another address is not throttled"
    );
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.session_idle = Duration::from_secs(3)),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    app.get("/api/v1/auth/me", &root).await.expect(200);
    // Four seconds pass without a request (the session's last use moves back; no sleeping).
    use sea_orm::ConnectionTrait;
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared(
            "update auth_session set last_seen_at = last_seen_at - interval '4 seconds'",
        )
        .await
        .unwrap();
    assert_problem(&app.get("/api/v1/auth/me", &root).await, 401);
}

#[tokio::test]
async fn self_registration_creates_a_patient_who_sees_only_themselves() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let other = app.patient(&h).await;
    let r = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"hospital": h.slug, "email": "Maya@Example.org", "password": PASSWORD, "full_name": "Maya", "date_of_birth": "1990-04-01"}),
        )
        .await
        .expect(201);
    let patient_id = r.body["patient_id"].as_str().unwrap().to_string();
    let token = app.login("maya@example.org", None).await;
    let me = app.get("/api/v1/auth/me", &token).await.expect(200);
    assert_eq!(me.body["role"], "patient");
    let mine = app
        .get(&format!("/api/v1/patients/{patient_id}"), &token)
        .await
        .expect(200);
    assert_eq!(mine.body["date_of_birth"], "1990-04-01");
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", other.id), &token)
            .await,
        404,
    );
    let list = app.get("/api/v1/patients", &token).await.expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    // Registering again is a conflict, not a second account.
    let again = app
        .post("/api/v1/auth/register", None, json!({"hospital": h.slug, "email": "maya@example.org", "password": PASSWORD, "full_name": "Maya"}))
        .await;
    assert_problem(&again, 409);
}

#[tokio::test]
async fn registration_rejects_unknown_fields_weak_passwords_and_never_grants_other_roles() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let with_role = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"hospital": h.slug, "email": "eve@x.test", "password": PASSWORD, "full_name": "Eve", "role": "hospital_admin"}),
        )
        .await;
    assert_problem(&with_role, 400);
    assert!(
        with_role.text.contains("role"),
        "names the unknown field: {}",
        with_role.text
    );
    let weak = app
        .post("/api/v1/auth/register", None, json!({"hospital": h.slug, "email": "eve@x.test", "password": "short", "full_name": "Eve"}))
        .await;
    assert_problem(&weak, 422);
    // Neither attempt created an account.
    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "eve@x.test", "password": PASSWORD}),
        )
        .await;
    assert_problem(&login, 401);
    let nohosp = app
        .post("/api/v1/auth/register", None, json!({"hospital": "no-such-place", "email": "eve@x.test", "password": PASSWORD, "full_name": "Eve"}))
        .await;
    assert_problem(&nohosp, 422);
}

/// The session checks a server counted in /metrics, by how (full, resumed, stale).
async fn session_checks(app: &crate::helpers::TestApp) -> [u64; 3] {
    let text = app
        .client
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    ["full", "resumed", "stale"].map(|how| {
        let key = format!("carebridge_session_checks_total{{how=\"{how}\"}} ");
        text.lines()
            .find_map(|l| l.strip_prefix(key.as_str()))
            .unwrap_or_else(|| panic!("no {key} in /metrics"))
            .parse()
            .unwrap()
    })
}

#[tokio::test]
async fn a_remembered_session_ends_or_changes_the_moment_another_server_changes_it() {
    let app = spawn_app().await;
    let other = app.twin().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let record = format!("/api/v1/patients/{}", p.id);

    // This server checks each session in full once, then resumes it.
    let before = session_checks(&app).await;
    for _ in 0..3 {
        app.get(&record, &d.token).await.expect(200);
        app.get("/api/v1/auth/me", &d.token).await.expect(200);
    }
    let after = session_checks(&app).await;
    assert_eq!(
        after[0] - before[0],
        1,
        "one full check: {before:?} -> {after:?}"
    );
    assert_eq!(
        after[1] - before[1],
        5,
        "then resumed: {before:?} -> {after:?}"
    );

    // The other server renames the doctor: this one answers the new name at once.
    other
        .patch(
            "/api/v1/auth/me",
            &d.token,
            json!({"full_name": "Dr Renamed"}),
        )
        .await
        .expect(200);
    let me = app.get("/api/v1/auth/me", &d.token).await.expect(200);
    assert_eq!(me.body["full_name"], "Dr Renamed");

    // Changed behind both servers' backs, straight in the database: the membership deactivated,
    // the hospital suspended, the user deactivated. Each ends the remembered session through its
    // own counter (membership, hospital, user). A suspension also revokes the hospital's
    // sessions (a trigger, whoever suspends); the undo lifts that revocation too.
    let owner = crate::helpers::admin_conn(&app.db).await;
    use sea_orm::ConnectionTrait;
    let doctor_user = format!(
        "(select user_id from doctor where hospital_id = '{}' and id = '{}')",
        h.id, d.id
    );
    for (end, undo) in [
        (
            format!(
                "update membership set active = false where hospital_id = '{}' and user_id = {doctor_user}",
                h.id
            ),
            format!(
                "update membership set active = true where hospital_id = '{}' and user_id = {doctor_user}",
                h.id
            ),
        ),
        (
            format!("update hospital set suspended = true where id = '{}'", h.id),
            format!(
                "update hospital set suspended = false where id = '{0}';
                 update auth_session set revoked_at = null where hospital_id = '{0}'",
                h.id
            ),
        ),
        (
            format!("update app_user set active = false where id = {doctor_user}"),
            format!("update app_user set active = true where id = {doctor_user}"),
        ),
    ] {
        owner.execute_unprepared(&end).await.unwrap();
        assert_problem(&app.get(&record, &d.token).await, 401);
        owner.execute_unprepared(&undo).await.unwrap();
        app.get(&record, &d.token).await.expect(200);
    }

    // Logged out on the other server: refused here, on every kind of request.
    app.get("/api/v1/auth/me", &p.token).await.expect(200);
    app.get(&record, &p.token).await.expect(200);
    other
        .request(Method::POST, "/api/v1/auth/logout", Some(&p.token), None)
        .await;
    assert_problem(&app.get(&record, &p.token).await, 401);
    assert_problem(&app.get("/api/v1/auth/me", &p.token).await, 401);
    assert_problem(&app.get("/api/v1/patients", &p.token).await, 401);

    // The patient's logout moved only the patient's own epoch: the doctor's remembered session
    // resumes as it was, without a full check.
    let before = session_checks(&app).await;
    app.get(&record, &d.token).await.expect(200);
    let after = session_checks(&app).await;
    assert_eq!(
        [0, 1, 0],
        [0, 1, 2].map(|i| after[i] - before[i]),
        "full, resumed, stale: {before:?} -> {after:?}"
    );

    // The hospital suspended on the other server: its remembered sessions end here too.
    app.get("/api/v1/patients", &h.admin).await.expect(200);
    let after = session_checks(&app).await;
    other
        .patch(
            &format!("/api/v1/hospitals/{}", h.id),
            &root,
            json!({"suspended": true}),
        )
        .await
        .expect(200);
    assert_problem(&app.get(&record, &d.token).await, 401);
    assert_problem(&app.get("/api/v1/patients", &h.admin).await, 401);
    let last = session_checks(&app).await;
    assert_eq!(
        last[2] - after[2],
        2,
        "the doctor's and the admin's remembered sessions were found stale: {after:?} -> {last:?}"
    );
}
