use reqwest::Method;
use serde_json::json;

use crate::helpers::{PASSWORD, assert_problem, spawn_app};

async fn user_id(app: &crate::helpers::TestApp, token: &str) -> String {
    app.get("/api/v1/auth/me", token).await.expect(200).body["user_id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn deactivation_ends_sessions_and_blocks_sign_in_until_reactivated() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let uid = user_id(&app, &d.token).await;
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/deactivate"),
            Some(&h.admin),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.text);
    assert_problem(&app.get("/api/v1/auth/me", &d.token).await, 401);
    let email = app
        .get(&format!("/api/v1/doctors/{}", d.id), &h.admin)
        .await
        .expect(200);
    assert_eq!(email.body["full_name"], "Dr Test");
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/reactivate"),
            Some(&h.admin),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 204);
    // Another hospital's admin cannot touch this member.
    let other = app.hospital(&root).await;
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/deactivate"),
            Some(&other.admin),
            None,
        )
        .await;
    assert_problem(&r, 404);
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/reset-password"),
            Some(&other.admin),
            None,
        )
        .await;
    assert_problem(&r, 404);
}

#[tokio::test]
async fn an_admin_reset_forces_a_password_change_at_next_sign_in() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let uid = user_id(&app, &p.token).await;
    let me = app.get("/api/v1/auth/me", &p.token).await.expect(200);
    let email = me.body["email"].as_str().unwrap().to_string();
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/reset-password"),
            Some(&h.admin),
            None,
        )
        .await
        .expect(200);
    let temp = r.body["temporary_password"].as_str().unwrap().to_string();
    assert_problem(&app.get("/api/v1/auth/me", &p.token).await, 401);
    let old = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_problem(&old, 401);
    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": temp}),
        )
        .await
        .expect(200);
    let token = login.body["token"].as_str().unwrap().to_string();
    assert_eq!(
        app.get("/api/v1/auth/me", &token).await.expect(200).body["must_change_password"],
        true
    );
    let blocked = app.get("/api/v1/doctors", &token).await;
    assert_problem(&blocked, 403);
    assert!(blocked.text.contains("change your password"));
    let wrong = app
        .post(
            "/api/v1/auth/password",
            Some(&token),
            json!({"current_password": "not it at all", "new_password": "a brand new secret"}),
        )
        .await;
    assert_problem(&wrong, 403);
    let r = app
        .post(
            "/api/v1/auth/password",
            Some(&token),
            json!({"current_password": temp, "new_password": "a brand new secret"}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.text);
    app.get("/api/v1/doctors", &token).await.expect(200);
    assert_eq!(
        app.get("/api/v1/auth/me", &token).await.expect(200).body["must_change_password"],
        false
    );
}

#[tokio::test]
async fn changing_ones_password_ends_every_other_session() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let email = app.get("/api/v1/auth/me", &d.token).await.expect(200).body["email"]
        .as_str()
        .unwrap()
        .to_string();
    let second = app.login(&email, None).await;
    let r = app
        .post(
            "/api/v1/auth/password",
            Some(&d.token),
            json!({"current_password": PASSWORD, "new_password": "another long secret"}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.text);
    app.get("/api/v1/auth/me", &d.token).await.expect(200);
    assert_problem(&app.get("/api/v1/auth/me", &second).await, 401);
}

#[tokio::test]
async fn an_account_shared_with_another_hospital_is_not_one_hospitals_to_reset() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let a = app.hospital(&root).await;
    let b = app.hospital(&root).await;
    let p = app.patient(&a).await;
    let me = app.get("/api/v1/auth/me", &p.token).await.expect(200);
    let email = me.body["email"].as_str().unwrap().to_string();
    let uid = me.body["user_id"].as_str().unwrap().to_string();
    // The same person registers at hospital B with their own password: one identity, two memberships.
    app.post(
        "/api/v1/auth/register",
        None,
        json!({"hospital": b.slug, "email": email, "password": PASSWORD, "full_name": "Pat Test"}),
    )
    .await
    .expect(201);
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/reset-password"),
            Some(&a.admin),
            None,
        )
        .await;
    assert_problem(&r, 409);
    // Signing in now needs the hospital named.
    let r = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_problem(&r, 422);
    app.login(&email, Some(&b.slug)).await;
}

#[tokio::test]
async fn an_admin_lists_the_staff_with_roles_and_state_and_never_patients_or_other_hospitals() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let other = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    let theirs = app.doctor(&other).await;
    let (doctor, patient, stranger) = (
        user_id(&app, &d.token).await,
        user_id(&app, &p.token).await,
        user_id(&app, &theirs.token).await,
    );
    app.request(
        Method::POST,
        &format!("/api/v1/members/{doctor}/deactivate"),
        Some(&h.admin),
        None,
    )
    .await;
    let list = app.get("/api/v1/members", &h.admin).await.expect(200);
    let items = list.body["items"].as_array().unwrap();
    let ids: Vec<&str> = items
        .iter()
        .map(|m| m["user_id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&patient.as_str()), "patients are not staff");
    assert!(
        !ids.contains(&stranger.as_str()),
        "another hospital's doctor"
    );
    let dr = items
        .iter()
        .find(|m| m["user_id"] == doctor.as_str())
        .expect("the doctor is listed");
    assert_eq!(
        (dr["role"].as_str(), dr["active"].as_bool()),
        (Some("doctor"), Some(false))
    );
    assert_eq!(dr["full_name"], "Dr Test");
    assert!(
        items
            .iter()
            .any(|m| m["role"] == "hospital_admin" && m["active"] == true)
    );
    // Filtered by role.
    let admins = app
        .get("/api/v1/members?role=hospital_admin", &h.admin)
        .await
        .expect(200);
    assert!(
        admins.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["role"] == "hospital_admin")
    );
    // Staff other than admins may not list.
    assert_problem(&app.get("/api/v1/members", &theirs.token).await, 403);
    assert_problem(&app.get("/api/v1/members", &p.token).await, 403);
}

#[tokio::test]
async fn a_patient_and_the_admin_see_the_care_team_and_nobody_else_does() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d1, d2) = (app.doctor(&h).await, app.doctor(&h).await);
    let (p, other) = (app.patient(&h).await, app.patient(&h).await);
    app.assign(&h, p.id, d1.id).await;
    app.assign(&h, p.id, d2.id).await;
    let path = format!("/api/v1/patients/{}/care-team", p.id);
    for token in [&h.admin, &p.token] {
        let team = app.get(&path, token).await.expect(200);
        let ids: Vec<&str> = team
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["doctor_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [d1.id.to_string(), d2.id.to_string()]);
        assert_eq!(team.body[0]["full_name"], "Dr Test");
    }
    // Another patient, a doctor, another hospital's admin.
    assert_problem(&app.get(&path, &other.token).await, 404);
    assert_problem(&app.get(&path, &d1.token).await, 403);
    let elsewhere = app.hospital(&root).await;
    assert_problem(&app.get(&path, &elsewhere.admin).await, 404);
    // Taken off the team, gone from the list; the read is in the patient's access log.
    app.request(
        Method::DELETE,
        &format!("{path}/{}", d1.id),
        Some(&h.admin),
        None,
    )
    .await;
    let team = app.get(&path, &p.token).await.expect(200);
    assert_eq!(team.body.as_array().unwrap().len(), 1);
    let log = app
        .get(&format!("/api/v1/patients/{}/access-log", p.id), &p.token)
        .await
        .expect(200);
    assert!(log.text.contains("care_team.list"), "{}", log.text);
}

#[tokio::test]
async fn an_admin_cannot_reset_their_own_password_or_second_factor_through_the_member_calls() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let me = user_id(&app, &h.admin).await;
    for action in ["reset-password", "reset-totp", "deactivate"] {
        let r = app
            .request(
                Method::POST,
                &format!("/api/v1/members/{me}/{action}"),
                Some(&h.admin),
                None,
            )
            .await;
        assert_problem(&r, 422);
    }
    // The session is untouched.
    app.get("/api/v1/auth/me", &h.admin).await.expect(200);
}
