//! Two-factor sign-in (TOTP): enrolment and confirmation, the two sign-in steps, a code accepted
//! once, codes of other steps refused, one step of drift and not two, recovery codes single use,
//! throttled wrong codes, five tries and five minutes per challenge, the admin's reset (and
//! another hospital's admin refused), super admins, patients who opt in, key rotation. Each test
//! holds the server's clock (`config.clock`) at an instant it chooses and moves it on, so no test
//! waits for, or races, the real clock.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use totp_rs::{Builder, Secret};

use crate::helpers::{Options, PASSWORD, TestApp, assert_problem, spawn_app, spawn_app_with};

/// The code of `secret` (base32) at unix time `at`.
fn code(secret: &str, at: i64) -> String {
    let t = Builder::new()
        .with_secret(Secret::try_from_base32(secret).unwrap())
        .build()
        .unwrap();
    t.generate(u64::try_from(at).unwrap()).to_string()
}

/// Holds the app's clock at the start of the current 30-second step; answers that instant.
fn hold(app: &TestApp) -> i64 {
    let t0 = Utc::now().timestamp() / 30 * 30;
    set(app, t0);
    t0
}

/// Holds the app's clock at `at` (unix seconds).
fn set(app: &TestApp, at: i64) {
    app.config
        .clock
        .set(DateTime::from_timestamp(at, 0).unwrap());
}

/// Enrols and confirms the account behind `token`; answers (secret, recovery codes).
async fn turn_on(app: &TestApp, token: &str, t0: i64) -> (String, Vec<String>) {
    let e = app
        .post("/api/v1/auth/totp", Some(token), json!({}))
        .await
        .expect(201);
    let secret = e.body["secret"].as_str().unwrap().to_string();
    assert!(
        e.body["otpauth_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/carebridge:"),
        "{}",
        e.text
    );
    assert!(e.body["qr_svg"].as_str().unwrap().contains("<svg"));
    let r = app
        .post(
            "/api/v1/auth/totp/confirm",
            Some(token),
            json!({"code": code(&secret, t0)}),
        )
        .await
        .expect(200);
    let codes: Vec<String> = r.body["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

/// The password step: answers its body (a challenge when a second factor is on).
async fn password_step(app: &TestApp, email: &str, hospital: Option<&str>) -> Value {
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"email": email, "password": PASSWORD, "hospital": hospital}),
    )
    .await
    .expect(200)
    .body
}

async fn code_step(app: &TestApp, challenge: &Value, proof: Value) -> crate::helpers::Resp {
    let mut body = proof;
    body["challenge"] = challenge.clone();
    app.post("/api/v1/auth/login/totp", None, body).await
}

/// A doctor whose email we know, signed in.
async fn doctor(app: &TestApp, h: &crate::helpers::Hospital) -> (String, String) {
    let email = format!("dr-{}@{}.test", uuid::Uuid::new_v4().simple(), h.slug);
    app.post(
        "/api/v1/doctors",
        Some(&h.admin),
        json!({"email": email, "full_name": "Dr Two", "password": PASSWORD,
               "specialization": "Cardiology", "license_number": uuid::Uuid::new_v4().to_string()}),
    )
    .await
    .expect(201);
    let token = app.login(&email, Some(&h.slug)).await;
    (email, token)
}

#[tokio::test]
async fn sign_in_needs_a_code_once_it_is_on_and_each_code_works_once() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    // Pending enrolment changes nothing at sign-in; a wrong first code is refused.
    let e = app
        .post("/api/v1/auth/totp", Some(&token), json!({}))
        .await
        .expect(201);
    let secret = e.body["secret"].as_str().unwrap().to_string();
    assert!(password_step(&app, &email, Some(&h.slug)).await["token"].is_string());
    let wrong = format!(
        "{:06}",
        (code(&secret, t0).parse::<u32>().unwrap() + 1) % 1_000_000
    );
    assert_problem(
        &app.post(
            "/api/v1/auth/totp/confirm",
            Some(&token),
            json!({"code": wrong}),
        )
        .await,
        422,
    );
    app.post(
        "/api/v1/auth/totp/confirm",
        Some(&token),
        json!({"code": code(&secret, t0)}),
    )
    .await
    .expect(200);
    assert_problem(
        &app.post("/api/v1/auth/totp", Some(&token), json!({})).await,
        409,
    );
    // The password step now answers a challenge and no token.
    let first = password_step(&app, &email, Some(&h.slug)).await;
    assert_eq!(first["second_factor"], "totp");
    assert!(first["token"].is_null());
    // The confirming code's step is used up; the next step's code signs in, once.
    assert_problem(
        &code_step(
            &app,
            &first["challenge"],
            json!({"code": code(&secret, t0)}),
        )
        .await,
        401,
    );
    let next = code(&secret, t0 + 30);
    let ok = code_step(&app, &first["challenge"], json!({"code": next}))
        .await
        .expect(200);
    let session = ok.body["token"].as_str().unwrap();
    app.get("/api/v1/auth/me", session).await.expect(200);
    // The challenge is single use, and the same code on a new challenge is refused.
    assert_problem(
        &code_step(&app, &first["challenge"], json!({"code": next})).await,
        401,
    );
    let second = password_step(&app, &email, Some(&h.slug)).await;
    assert_problem(
        &code_step(&app, &second["challenge"], json!({"code": next})).await,
        401,
    );
    // A code from a step long gone (two minutes ago) is refused too.
    assert_problem(
        &code_step(
            &app,
            &second["challenge"],
            json!({"code": code(&secret, t0 - 120)}),
        )
        .await,
        401,
    );
    // Neither or both proofs: 422.
    assert_problem(&code_step(&app, &second["challenge"], json!({})).await, 422);
    let audited = crate::helpers::sql_i64(
        &app,
        "select count(*) from audit_event where action in ('auth.totp.enrol', 'auth.totp.confirm')",
    )
    .await;
    assert_eq!(audited, 2);
    // The stored secret is wrapped: its row holds none of the secret's bytes as they are.
    let raw = Secret::try_from_base32(&secret)
        .unwrap()
        .as_bytes()
        .to_vec();
    assert_eq!(raw.len(), 32);
    let stored = crate::helpers::sql_i64(
        &app,
        "select count(*) from totp_credential where length(secret_wrapped) > 32",
    )
    .await;
    assert_eq!(stored, 1);
    let clear = crate::helpers::sql_i64(
        &app,
        &format!(
            "select count(*) from totp_credential \
              where position('\\x{}'::bytea in secret_wrapped) > 0",
            hex::encode(&raw)
        ),
    )
    .await;
    assert_eq!(clear, 0);
}

#[tokio::test]
async fn recovery_codes_work_once_each_and_wrong_codes_are_throttled() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    let (secret, codes) = turn_on(&app, &token, t0).await;
    let c = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    code_step(&app, &c, json!({"recovery_code": codes[0].to_uppercase()}))
        .await
        .expect(200);
    let c = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    assert_problem(
        &code_step(&app, &c, json!({"recovery_code": codes[0]})).await,
        401,
    );
    code_step(&app, &c, json!({"recovery_code": codes[1]}))
        .await
        .expect(200);
    // Wrong codes count like wrong passwords: the account is throttled after five.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let c = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
        for _ in 0..2 {
            statuses.push(
                code_step(&app, &c, json!({"code": "000000"}))
                    .await
                    .status
                    .as_u16(),
            );
        }
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429]);
    let c = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    let throttled = code_step(&app, &c, json!({"code": code(&secret, t0 + 30)})).await;
    assert_problem(&throttled, 429);
}

#[tokio::test]
async fn an_admin_resets_a_members_second_factor_and_no_other_hospitals_admin_can() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    turn_on(&app, &token, t0).await;
    let uid = app.get("/api/v1/auth/me", &token).await.expect(200).body["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let other = app.hospital(&root).await;
    let path = format!("/api/v1/members/{uid}/reset-totp");
    assert_problem(&app.post(&path, Some(&other.admin), json!({})).await, 404);
    assert_problem(&app.post(&path, Some(&token), json!({})).await, 403);
    let r = app.post(&path, Some(&h.admin), json!({})).await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.text);
    // Their sessions ended; the password alone signs in again; the reset is audited.
    assert_problem(&app.get("/api/v1/auth/me", &token).await, 401);
    assert!(password_step(&app, &email, Some(&h.slug)).await["token"].is_string());
    let audited = crate::helpers::sql_i64(
        &app,
        "select count(*) from audit_event where action = 'member.reset_totp'",
    )
    .await;
    assert_eq!(audited, 1);
    // Nothing left to reset: 404.
    assert_problem(&app.post(&path, Some(&h.admin), json!({})).await, 404);
}

#[tokio::test]
async fn super_admins_use_it_too_and_a_key_rotation_keeps_members_codes_working() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let root_email = app.get("/api/v1/auth/me", &root).await.expect(200).body["email"]
        .as_str()
        .unwrap()
        .to_string();
    let (root_secret, _) = turn_on(&app, &root, t0).await;
    let c = password_step(&app, &root_email, None).await;
    assert_eq!(c["second_factor"], "totp");
    code_step(
        &app,
        &c["challenge"],
        json!({"code": code(&root_secret, t0 + 30)}),
    )
    .await
    .expect(200);
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    let (secret, _) = turn_on(&app, &token, t0).await;
    let admin = crate::helpers::admin_conn(&app.db).await;
    let master = app.config.master_key.clone().unwrap();
    carebridge::records::keys::rotate(&admin, &master, &h.slug)
        .await
        .unwrap();
    let c = password_step(&app, &email, Some(&h.slug)).await;
    code_step(
        &app,
        &c["challenge"],
        json!({"code": code(&secret, t0 + 30)}),
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn a_hospital_that_requires_it_sends_staff_to_enrolment_and_not_patients() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, before) = doctor(&app, &h).await;
    let patient = app.patient(&h).await;
    let r = app
        .patch(
            &format!("/api/v1/hospitals/{}", h.id),
            &h.admin,
            json!({"totp_required": true}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["totp_required"], true);
    // A session opened before the rule goes on as it was; the next sign-in is held to enrolment.
    app.get("/api/v1/appointments", &before).await.expect(200);
    let first = password_step(&app, &email, Some(&h.slug)).await;
    assert_eq!(first["must_enrol_totp"], true, "{first}");
    let token = first["token"].as_str().unwrap().to_string();
    let held = app.get("/api/v1/appointments", &token).await;
    assert_problem(&held, 403);
    assert!(held.text.contains("two-factor"), "{}", held.text);
    let me = app.get("/api/v1/auth/me", &token).await.expect(200);
    assert_eq!(me.body["must_enrol_totp"], true);
    // Enrolling frees this very session at once.
    turn_on(&app, &token, t0).await;
    app.get("/api/v1/appointments", &token).await.expect(200);
    assert_eq!(
        app.get("/api/v1/auth/me", &token).await.expect(200).body["must_enrol_totp"],
        false
    );
    // From now on the password alone is not enough.
    let next = password_step(&app, &email, Some(&h.slug)).await;
    assert_eq!(next["second_factor"], "totp");
    assert!(next["token"].is_null());
    // Patients may opt in but are never held; the admin who set the rule is staff too.
    let me = app.get("/api/v1/auth/me", &patient.token).await.expect(200);
    let pat_email = me.body["email"].as_str().unwrap().to_string();
    let pat = password_step(&app, &pat_email, Some(&h.slug)).await;
    assert_eq!(pat["must_enrol_totp"], false);
    app.get("/api/v1/appointments", pat["token"].as_str().unwrap())
        .await
        .expect(200);
    let admin_email = app.get("/api/v1/auth/me", &h.admin).await.expect(200).body["email"]
        .as_str()
        .unwrap()
        .to_string();
    let admin = password_step(&app, &admin_email, Some(&h.slug)).await;
    assert_eq!(admin["must_enrol_totp"], true);
    // Turning it off again: the next staff sign-in is not held.
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"totp_required": false}),
    )
    .await
    .expect(200);
    let admin = password_step(&app, &admin_email, Some(&h.slug)).await;
    assert_eq!(admin["must_enrol_totp"], false);
    // Another hospital is not affected by this one's rule.
    let other = app.hospital(&root).await;
    let (other_email, _) = doctor(&app, &other).await;
    assert_eq!(
        password_step(&app, &other_email, Some(&other.slug)).await["must_enrol_totp"],
        false
    );
}

#[tokio::test]
async fn a_challenge_lasts_five_minutes_on_the_servers_clock() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    let (secret, _) = turn_on(&app, &token, t0).await;
    let early = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    let late = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    // A second before its five minutes end, a challenge still works...
    set(&app, t0 + 299);
    code_step(&app, &early, json!({"code": code(&secret, t0 + 299)}))
        .await
        .expect(200);
    // ...and a second after, its twin is refused, though this step's code is new.
    set(&app, t0 + 301);
    let now = code(&secret, t0 + 301);
    assert_problem(&code_step(&app, &late, json!({"code": now})).await, 401);
    // That very code signs in on a challenge made now: only the expiry refused it.
    let fresh = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    code_step(&app, &fresh, json!({"code": now}))
        .await
        .expect(200);
}

#[tokio::test]
async fn a_code_one_step_ahead_is_accepted_and_two_steps_ahead_is_not() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    let (secret, _) = turn_on(&app, &token, t0).await;
    let c = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    // Two steps ahead is newer than any step used so far: only the drift allowed refuses it.
    assert_problem(
        &code_step(&app, &c, json!({"code": code(&secret, t0 + 60)})).await,
        401,
    );
    let ok = code_step(&app, &c, json!({"code": code(&secret, t0 + 30)}))
        .await
        .expect(200);
    app.get("/api/v1/auth/me", ok.body["token"].as_str().unwrap())
        .await
        .expect(200);
}

#[tokio::test]
async fn the_sixth_try_on_one_challenge_is_refused_even_with_the_right_code() {
    // Throttling far off, so that only the challenge's own five tries can refuse.
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| {
            c.login_failures_per_account = 100;
            c.login_failures_per_ip = 100;
        }),
        ..Options::default()
    })
    .await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (email, token) = doctor(&app, &h).await;
    let (secret, _) = turn_on(&app, &token, t0).await;
    let right = code(&secret, t0 + 30);
    let wrong = format!("{:06}", (right.parse::<u32>().unwrap() + 1) % 1_000_000);
    let c = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let r = code_step(&app, &c, json!({"code": wrong})).await;
        statuses.push(r.status.as_u16());
    }
    assert_eq!(statuses, [401; 5]);
    assert_problem(&code_step(&app, &c, json!({"code": right})).await, 401);
    // The same code on a new challenge signs in: the sixth try was refused for being one.
    let fresh = password_step(&app, &email, Some(&h.slug)).await["challenge"].clone();
    code_step(&app, &fresh, json!({"code": right}))
        .await
        .expect(200);
}

#[tokio::test]
async fn a_patient_may_opt_in() {
    let app = spawn_app().await;
    let t0 = hold(&app);
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let patient = app.patient(&h).await;
    let me = app.get("/api/v1/auth/me", &patient.token).await.expect(200);
    let email = me.body["email"].as_str().unwrap().to_string();
    let (secret, _) = turn_on(&app, &patient.token, t0).await;
    let c = password_step(&app, &email, Some(&h.slug)).await;
    assert_eq!(c["second_factor"], "totp", "{c}");
    assert!(c["token"].is_null());
    let ok = code_step(
        &app,
        &c["challenge"],
        json!({"code": code(&secret, t0 + 30)}),
    )
    .await
    .expect(200);
    let me = app
        .get("/api/v1/auth/me", ok.body["token"].as_str().unwrap())
        .await
        .expect(200);
    assert_eq!(me.body["role"], "patient", "{}", me.text);
}
