//! Specialty suggestion: the committed model re-measured on its held-out phrases, and
//! `POST /api/v1/specialty-suggestions` for a hospital's patients and admins.

use carebridge::inference::registry::{BUILTIN_SPECIALTY, BUILTIN_SPECIALTY_METRICS};
use carebridge_ml::specialty::{self, Suggester};
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Hospital, PASSWORD, TestApp, assert_problem, spawn_app};

const PATH: &str = "/api/v1/specialty-suggestions";

/// The test recomputes the held-out figures from the committed weights and the committed
/// phrases (same seeded split), so the model card's numbers are the weights' own.
#[test]
fn the_committed_model_reaches_its_reported_held_out_accuracy_and_top3() {
    let suggester = Suggester::from_bytes(BUILTIN_SPECIALTY).unwrap();
    let phrases = specialty::parse(specialty::PHRASES).unwrap();
    let (_, held) = specialty::split(&phrases, specialty::SPLIT_SEED);
    let e = specialty::evaluate(&suggester, &held).unwrap();
    let reported: Value = serde_json::from_str(BUILTIN_SPECIALTY_METRICS).unwrap();
    assert_eq!(reported["held_out_phrases"], held.len());
    assert_eq!(e.overall.epochs, held.len());
    let top3 = reported["evaluation"]["top3_accuracy"].as_f64().unwrap();
    let top1 = reported["evaluation"]["overall"]["accuracy"]
        .as_f64()
        .unwrap();
    assert!(
        e.top3_accuracy >= top3 - 1e-9,
        "top-3 {:.4} below the reported {top3:.4}",
        e.top3_accuracy
    );
    assert!(
        e.overall.accuracy >= top1 - 1e-9,
        "accuracy {:.4} below the reported {top1:.4}",
        e.overall.accuracy
    );
    // And what the model card promises, whatever the metrics file says.
    assert!(e.top3_accuracy >= 0.8, "{}", e.top3_accuracy);
    for l in &e.languages {
        assert!(
            l.top3_accuracy >= 0.75,
            "{}: {}",
            l.language,
            l.top3_accuracy
        );
    }
}

async fn ai_on(app: &TestApp, h: &Hospital) {
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"ai_assistance": true}),
    )
    .await
    .expect(200);
}

async fn doctor(app: &TestApp, h: &Hospital, name: &str, specialization: &str) -> Uuid {
    let email = format!("dr-{}@{}.test", Uuid::new_v4().simple(), h.slug);
    app.post(
        "/api/v1/doctors",
        Some(&h.admin),
        json!({"email": email, "full_name": name, "password": PASSWORD,
               "specialization": specialization, "license_number": Uuid::new_v4().to_string()}),
    )
    .await
    .expect(201)
    .id()
}

async fn suggest(app: &TestApp, token: &str, reason: &str) -> Value {
    app.post(PATH, Some(token), json!({ "reason": reason }))
        .await
        .expect(200)
        .body
}

/// Every doctor id the answer names, in any suggestion.
fn named(answer: &Value) -> Vec<String> {
    answer["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["doctors"].as_array().unwrap().iter())
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_patient_gets_cardiology_with_this_hospitals_cardiologist_and_no_one_elses() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let (h, other) = (app.hospital(&root).await, app.hospital(&root).await);
    ai_on(&app, &h).await;
    ai_on(&app, &other).await;
    // Stored as typed by the admin: case and spaces do not matter.
    let heart = doctor(&app, &h, "Dr Hriday Shrestha", " cardiology ").await;
    let lungs = doctor(&app, &h, "Dr Phoksho Rai", "Pulmonology").await;
    let theirs = doctor(&app, &other, "Dr Elsewhere", "Cardiology").await;
    let p = app.patient(&h).await;

    let a = suggest(&app, &p.token, "chest pain when walking").await;
    assert_eq!(a["notice"], "suggested, not a diagnosis");
    assert_eq!(a["model_version"], "specialty-v1");
    let s = a["suggestions"].as_array().unwrap();
    assert_eq!(s.len(), 3, "{a}");
    assert_eq!(s[0]["specialty"], "Cardiology", "{a}");
    assert_eq!(
        s[0]["doctors"],
        json!([{"id": heart, "name": "Dr Hriday Shrestha"}])
    );
    let p: Vec<f64> = s
        .iter()
        .map(|x| x["probability"].as_f64().unwrap())
        .collect();
    assert!(p.windows(2).all(|w| w[0] >= w[1]), "{p:?}");
    assert!(p[0] > 0.3 && p.iter().sum::<f64>() <= 1.0 + 1e-6, "{p:?}");
    assert!(!named(&a).contains(&theirs.to_string()), "{a}");

    // Nepali: "I have a cough and it is hard to breathe" names the chest physician.
    let a = suggest(&app, &h.admin, "मलाई खोकी लागेको छ र सास फेर्न गाह्रो छ").await;
    assert_eq!(a["suggestions"][0]["specialty"], "Pulmonology", "{a}");
    assert_eq!(a["suggestions"][0]["doctors"][0]["id"], json!(lungs));

    // The other hospital's patient sees their own cardiologist, never ours.
    let q = app.patient(&other).await;
    let b = suggest(&app, &q.token, "chest pain when walking").await;
    assert_eq!(
        b["suggestions"][0]["doctors"],
        json!([{"id": theirs, "name": "Dr Elsewhere"}])
    );
    let ours = [heart.to_string(), lungs.to_string()];
    assert!(named(&b).iter().all(|id| !ours.contains(id)), "{b}");
}

#[tokio::test]
async fn a_deactivated_doctor_is_not_suggested() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    ai_on(&app, &h).await;
    let eye = doctor(&app, &h, "Dr Ankha", "Ophthalmology").await;
    let p = app.patient(&h).await;
    let a = suggest(&app, &p.token, "blurred vision and red eye").await;
    assert_eq!(a["suggestions"][0]["specialty"], "Ophthalmology", "{a}");
    assert_eq!(named(&a), [eye.to_string()]);
    let uid = app
        .get(&format!("/api/v1/doctors/{eye}"), &h.admin)
        .await
        .expect(200)
        .body["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .request(
            Method::POST,
            &format!("/api/v1/members/{uid}/deactivate"),
            Some(&h.admin),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.text);
    let a = suggest(&app, &p.token, "blurred vision and red eye").await;
    assert!(named(&a).is_empty(), "{a}");
}

#[tokio::test]
async fn switched_off_answers_409_and_bad_reasons_422() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let ask = |reason: String| {
        let (app, token) = (&app, p.token.clone());
        async move {
            app.post(PATH, Some(&token), json!({ "reason": reason }))
                .await
        }
    };
    // A new hospital has AI assistance off: the same answer as an AI job there.
    let r = ask("chest pain".into()).await;
    assert_problem(&r, 409);
    assert!(
        r.body["detail"]
            .as_str()
            .unwrap()
            .contains("switched off for this hospital"),
        "{}",
        r.text
    );
    ai_on(&app, &h).await;
    ask("chest pain".into()).await.expect(200);
    let hosp = app
        .patch(
            &format!("/api/v1/hospitals/{}", h.id),
            &h.admin,
            json!({"ai_specialty_suggestion": false}),
        )
        .await
        .expect(200);
    assert_eq!(hosp.body["ai_specialty_suggestion"], false);
    assert_eq!(hosp.body["ai_assistance"], true);
    let r = ask("chest pain".into()).await;
    assert_problem(&r, 409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("specialty"),
        "{}",
        r.text
    );
    // The reason is never echoed in an error.
    assert!(!r.text.contains("chest pain"));
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"ai_specialty_suggestion": true}),
    )
    .await
    .expect(200);
    for bad in [String::new(), "   ".into(), "?!".into(), "a".repeat(501)] {
        assert_problem(&ask(bad).await, 422);
    }
    ask("क".repeat(500)).await.expect(200);
    // Doctors do not book: 403 (the matrix says so).
    let d = app.doctor(&h).await;
    assert_problem(
        &app.post(PATH, Some(&d.token), json!({"reason": "chest pain"}))
            .await,
        403,
    );
}

#[tokio::test]
async fn the_registry_lists_the_specialty_model_as_active() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let models = app.get("/api/v1/models", &root).await.expect(200);
    let m = models
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "specialty")
        .cloned()
        .unwrap();
    assert_eq!(m["status"], "active");
    assert_eq!(m["version"], "specialty-v1");
    assert!(
        m["metrics"]["evaluation"]["top3_accuracy"]
            .as_f64()
            .unwrap()
            >= 0.8
    );

    // Retrained weights are registered like sleep staging's: evaluated on the held-out phrases
    // first; weights of another kind answer 422.
    let upload = |version: &str, bytes: &[u8]| {
        app.client
            .post(format!(
                "{}/api/v1/models/specialty/versions?version={version}",
                app.base
            ))
            .bearer_auth(&root)
            .header("content-type", "application/octet-stream")
            .body(bytes.to_vec())
            .send()
    };
    let r = upload("v2", carebridge::inference::registry::BUILTIN_SLEEP)
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let r = upload("v2", BUILTIN_SPECIALTY).await.unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let v2: Value = r.json().await.unwrap();
    assert_eq!(v2["status"], "shadow");
    assert_eq!(
        v2["metrics"]["evaluation"]["top3_accuracy"],
        m["metrics"]["evaluation"]["top3_accuracy"]
    );
}
