//! Cross-tenant and not-yours ids answer 404; context never mixes between requests.

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{Hospital, Options, TestApp, assert_problem, spawn_app, spawn_app_with};

#[tokio::test]
async fn another_hospitals_ids_answer_404_on_every_endpoint_that_takes_an_id() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let a = app.hospital(&root).await;
    let b = app.hospital(&root).await;
    let (ad, ap) = (app.doctor(&a).await, app.patient(&a).await);
    let (bd, bp) = (app.doctor(&b).await, app.patient(&b).await);
    app.assign(&b, bp.id, bd.id).await;

    assert_problem(
        &app.get(&format!("/api/v1/hospitals/{}", b.id), &a.admin)
            .await,
        404,
    );
    assert_problem(
        &app.patch(
            &format!("/api/v1/hospitals/{}", b.id),
            &a.admin,
            json!({"appointment_fee": 1}),
        )
        .await,
        404,
    );
    assert_problem(
        &app.get(&format!("/api/v1/doctors/{}", bd.id), &a.admin)
            .await,
        404,
    );
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", bp.id), &a.admin)
            .await,
        404,
    );
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", bp.id), &ad.token)
            .await,
        404,
    );
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", bp.id), &ap.token)
            .await,
        404,
    );
    let cross = [(bp.id, ad.id), (ap.id, bd.id)];
    for (patient, doctor) in cross {
        let r = app
            .post(
                &format!("/api/v1/patients/{patient}/care-team"),
                Some(&a.admin),
                json!({"doctor_id": doctor}),
            )
            .await;
        assert_problem(&r, 404);
    }
    let r = app
        .request(
            Method::DELETE,
            &format!("/api/v1/patients/{}/care-team/{}", bp.id, bd.id),
            Some(&a.admin),
            None,
        )
        .await;
    assert_problem(&r, 404);
    // The unknown id answers exactly like the other tenant's.
    let unknown = app
        .get(&format!("/api/v1/patients/{}", Uuid::now_v7()), &a.admin)
        .await;
    let foreign = app
        .get(&format!("/api/v1/patients/{}", bp.id), &a.admin)
        .await;
    assert_eq!(unknown.text, foreign.text);
    // B's data was not touched: its doctor still sees its patient.
    app.get(&format!("/api/v1/patients/{}", bp.id), &bd.token)
        .await
        .expect(200);
    // Lists hold only one's own hospital.
    let hs = app.get("/api/v1/hospitals", &a.admin).await.expect(200);
    let ids: Vec<&str> = hs.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![a.id.to_string()]);
    let ds = app.get("/api/v1/doctors", &a.admin).await.expect(200);
    assert_eq!(ds.body["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_doctor_sees_a_patient_only_while_on_the_care_team_and_a_colleague_never() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, colleague, p) = (
        app.doctor(&h).await,
        app.doctor(&h).await,
        app.patient(&h).await,
    );
    let path = format!("/api/v1/patients/{}", p.id);
    assert_problem(&app.get(&path, &d.token).await, 404);
    app.assign(&h, p.id, d.id).await;
    let seen = app.get(&path, &d.token).await.expect(200);
    assert_eq!(seen.body["id"], p.id.to_string());
    assert_problem(&app.get(&path, &colleague.token).await, 404);
    let list = app
        .get("/api/v1/patients", &colleague.token)
        .await
        .expect(200);
    assert!(list.body["items"].as_array().unwrap().is_empty());
    let again = app
        .post(
            &format!("{path}/care-team"),
            Some(&h.admin),
            json!({"doctor_id": d.id}),
        )
        .await;
    assert_problem(&again, 409);
    let r = app
        .request(
            Method::DELETE,
            &format!("{path}/care-team/{}", d.id),
            Some(&h.admin),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 204);
    assert_problem(&app.get(&path, &d.token).await, 404);
}

#[tokio::test]
async fn super_admins_read_no_patient_data_and_staff_cannot_administer() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", p.id), &root).await,
        403,
    );
    assert_problem(&app.get("/api/v1/patients", &root).await, 403);
    let r = app
        .post("/api/v1/doctors", Some(&d.token), json!({"email": "x@y.test", "full_name": "X", "password": "correct horse battery", "specialization": "x", "license_number": "1"}))
        .await;
    assert_problem(&r, 403);
    let r = app
        .post(
            "/api/v1/patients",
            Some(&p.token),
            json!({"email": "x@y.test", "full_name": "X", "password": "correct horse battery"}),
        )
        .await;
    assert_problem(&r, 403);
    let r = app
        .post(
            &format!("/api/v1/patients/{}/care-team", p.id),
            Some(&d.token),
            json!({"doctor_id": d.id}),
        )
        .await;
    assert_problem(&r, 403);
}

/// The ids of the patients `token` sees, sorted.
async fn patient_ids(app: &TestApp, token: &str) -> Vec<String> {
    let r = app.get("/api/v1/patients", token).await.expect(200);
    let mut ids: Vec<String> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// An app whose database pool holds a single connection, and two hospitals on it.
async fn two_hospitals_over_one_connection() -> (TestApp, Hospital, Hospital) {
    let app = spawn_app_with(Options {
        pool_size: 1,
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let a = app.hospital(&root).await;
    let b = app.hospital(&root).await;
    (app, a, b)
}

/// Two new patients of `h`, their ids sorted.
async fn two_patients(app: &TestApp, h: &Hospital) -> Vec<String> {
    let mut ids = vec![
        app.patient(h).await.id.to_string(),
        app.patient(h).await.id.to_string(),
    ];
    ids.sort();
    ids
}

#[tokio::test]
async fn interleaved_requests_of_two_hospitals_over_one_connection_never_mix() {
    let (app, a, b) = two_hospitals_over_one_connection().await;
    let expected = [two_patients(&app, &a).await, two_patients(&app, &b).await];
    let calls = (0..40).map(|i| {
        let (token, want) = if i % 2 == 0 {
            (&a.admin, &expected[0])
        } else {
            (&b.admin, &expected[1])
        };
        let app = &app;
        async move {
            let got = patient_ids(app, token).await;
            assert_eq!(&got, want, "request {i} saw another hospital's rows");
        }
    });
    join_all(calls).await;
}

/// A request that fails inside its transaction (a constraint violation that aborts it, a 404
/// after the context was set, a rejected token) must leave nothing behind: over a single
/// connection, every next request, of either hospital, runs in a clean transaction of its own.
#[tokio::test]
async fn failed_requests_leave_the_one_connection_clean_for_the_next() {
    let (app, a, b) = two_hospitals_over_one_connection().await;
    app.patch(
        &format!("/api/v1/hospitals/{}", a.id),
        &a.admin,
        json!({"approval_required": false, "payment_required": false}),
    )
    .await
    .expect(200);
    let d = app.doctor(&a).await;
    let (p1, p2) = (app.patient(&a).await, app.patient(&a).await);
    app.open_all_week(&a, &d, 30).await;
    let b_patients = two_patients(&app, &b).await;
    let from = (chrono::Utc::now() + chrono::Duration::days(2)).format("%Y-%m-%dT00:00:00Z");
    let to = (chrono::Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%dT00:00:00Z");
    let slots = app
        .get(
            &format!("/api/v1/doctors/{}/slots?from={from}&to={to}", d.id),
            &p1.token,
        )
        .await
        .expect(200);
    let slot = slots.body["items"][0]["start_at"]
        .as_str()
        .unwrap()
        .to_string();
    let booking = |token: String| {
        let (app, slot) = (&app, slot.clone());
        async move {
            app.post(
                "/api/v1/appointments",
                Some(&token),
                json!({"doctor_id": d.id, "start_at": slot, "reason": "check-up"}),
            )
            .await
        }
    };
    booking(p1.token.clone()).await.expect(201);

    let calls = (0..48).map(|i| {
        let (app, b, b_patients) = (&app, &b, &b_patients);
        let (booking, p2, doctor, bp) = (&booking, &p2, &d, &b_patients[0]);
        async move {
            match i % 4 {
                // The slot is taken: the INSERT violates the exclusion constraint.
                0 => assert_problem(&booking(p2.token.clone()).await, 409),
                // Hospital A's context is set, then the read finds nothing.
                1 => assert_problem(
                    &app.get(&format!("/api/v1/patients/{bp}"), &doctor.token)
                        .await,
                    404,
                ),
                2 => assert_problem(&app.get("/api/v1/patients", "not-a-token").await, 401),
                _ => {
                    let got = patient_ids(app, &b.admin).await;
                    assert_eq!(&got, b_patients, "request {i} saw another context's rows");
                }
            }
        }
    });
    join_all(calls).await;
    // Twelve conflicting bookings wrote nothing.
    let list = app.get("/api/v1/appointments", &a.admin).await.expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
}

/// `GET /patients/{id}` checks the session and reads in one message (`TenantTx::read_once`),
/// its SELECT prepared on the connection the first time it is missing (the setup's requests
/// already prepared the session check). Over a single connection, interleaved: each caller gets
/// exactly the row its context allows, a logged-out token reads nothing, and every answer
/// carries the right patient.
#[tokio::test]
async fn one_trip_reads_over_one_connection_answer_each_caller_in_their_own_context() {
    let (app, a, b) = two_hospitals_over_one_connection().await;
    let (ad, ap, bp) = (
        app.doctor(&a).await,
        app.patient(&a).await,
        app.patient(&b).await,
    );
    app.assign(&a, ap.id, ad.id).await;
    // B's patient logs out: their own record is no longer theirs to read with that token.
    let gone = bp.token.clone();
    let out = app
        .request(Method::POST, "/api/v1/auth/logout", Some(&gone), None)
        .await;
    assert_eq!(out.status.as_u16(), 204);
    let calls = (0..48).map(|i| {
        let (app, a, b, ad, ap, bp, gone) = (&app, &a, &b, &ad, &ap, &bp, &gone);
        async move {
            let (token, id, want) = match i % 6 {
                0 => (&ad.token, ap.id, 200),
                1 => (&b.admin, bp.id, 200),
                2 => (&a.admin, ap.id, 200),
                // Another hospital's patient, from a doctor and from an admin.
                3 => (&ad.token, bp.id, 404),
                4 => (&b.admin, ap.id, 404),
                _ => (gone, bp.id, 401),
            };
            let r = app.get(&format!("/api/v1/patients/{id}"), token).await;
            if want == 200 {
                let r = r.expect(200);
                assert_eq!(r.body["id"], id.to_string(), "request {i}");
            } else {
                assert_problem(&r, want);
            }
        }
    });
    join_all(calls).await;
    // A patient reads their own record; another hospital's admin does not.
    app.get(&format!("/api/v1/patients/{}", ap.id), &ap.token)
        .await
        .expect(200);
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", ap.id), &b.admin)
            .await,
        404,
    );
}
