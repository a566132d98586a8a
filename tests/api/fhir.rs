//! The FHIR R4 view, validated by an independent implementation (Python fhir.resources, which
//! scripts/test.sh installs into a virtualenv).

use std::io::Write;

use serde_json::{Value, json};

use crate::{
    helpers::{assert_outcome, assert_problem, spawn_app},
    records::{item, sample, upload},
};

use crate::helpers::python;

/// Runs the validator; panics with its message when the JSON is not valid FHIR.
fn validate(resource: &Value) -> String {
    let mut child = std::process::Command::new(python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/fhir_validate.py"
        ))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(resource.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{text}\n{resource:#}");
    text
}

#[tokio::test]
async fn patient_everything_is_a_valid_fhir_bundle_with_every_kind_of_record() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    app.open_all_week(&h, &d, 60).await;
    let start = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%dT10:00:00Z")
        .to_string();
    let appt = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": d.id, "start_at": start, "reason": "headache"}),
        )
        .await
        .expect(201)
        .id();
    let doc = upload(&app, &d.token, p.id, sample(500), "eeg")
        .await
        .expect(201)
        .id();
    let enc = app
        .post(
            "/api/v1/encounters",
            Some(&d.token),
            json!({"patient_id": p.id, "appointment_id": appt}),
        )
        .await
        .expect(201)
        .id();
    assert_problem(
        &app.post(
            "/api/v1/encounters",
            Some(&d.token),
            json!({"patient_id": p.id, "appointment_id": appt}),
        )
        .await,
        409,
    );
    let rx = app
        .post(
            "/api/v1/prescriptions",
            Some(&d.token),
            json!({"patient_id": p.id, "items": [item(), item()]}),
        )
        .await
        .expect(201)
        .id();
    let doctor_user = app
        .get(&format!("/api/v1/doctors/{}", d.id), &p.token)
        .await
        .expect(200)
        .body["user_id"]
        .clone();
    let consent = app
        .post(
            &format!("/api/v1/patients/{}/consents", p.id),
            Some(&p.token),
            json!({"grantee_user_id": doctor_user, "scope": "records"}),
        )
        .await
        .expect(201)
        .id();
    let vitals = app
        .post(
            &format!("/api/v1/patients/{}/vitals", p.id),
            Some(&d.token),
            json!({"respiratory_rate": 22, "spo2": 95, "spo2_scale": 1, "on_oxygen": false,
                   "systolic_bp": 104, "heart_rate": 96, "consciousness": "A", "temperature_c": 38.4}),
        )
        .await
        .expect(201)
        .id();

    for token in [&p.token, &d.token] {
        let r = app
            .get(&format!("/fhir/R4/Patient/{}/$everything", p.id), token)
            .await
            .expect(200);
        assert!(
            r.content_type().starts_with("application/fhir+json"),
            "{}",
            r.content_type()
        );
        let verdict = validate(&r.body);
        for kind in [
            "Patient",
            "Practitioner",
            "Appointment",
            "Encounter",
            "MedicationRequest",
            "DocumentReference",
            "Consent",
            "Observation",
        ] {
            assert!(verdict.contains(kind), "{kind} missing: {verdict}");
        }
        assert_eq!(r.body["type"], "searchset");
        let meds = r.body["entry"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["resource"]["resourceType"] == "MedicationRequest")
            .count();
        assert_eq!(meds, 2, "one MedicationRequest per item");
        let observations = r.body["entry"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["resource"]["resourceType"] == "Observation")
            .count();
        assert_eq!(observations, 6, "a panel and five measurements");
    }

    let reads = [
        ("Patient", p.id.to_string()),
        ("Practitioner", d.id.to_string()),
        ("Appointment", appt.to_string()),
        ("Encounter", enc.to_string()),
        ("MedicationRequest", format!("{rx}-2")),
        ("DocumentReference", doc.to_string()),
        ("Consent", consent.to_string()),
        ("Observation", vitals.to_string()),
        ("Observation", format!("{vitals}-heart-rate")),
    ];
    for (kind, id) in &reads {
        let r = app
            .get(&format!("/fhir/R4/{kind}/{id}"), &d.token)
            .await
            .expect(200);
        assert_eq!(r.body["resourceType"], *kind);
        assert_eq!(r.body["id"], *id);
        validate(&r.body);
    }
    let enc_json = app
        .get(&format!("/fhir/R4/Encounter/{enc}"), &p.token)
        .await
        .expect(200);
    assert_eq!(
        enc_json.body["appointment"][0]["reference"],
        format!("Appointment/{appt}")
    );
    let search = app
        .get(
            &format!("/fhir/R4/MedicationRequest?patient={}", p.id),
            &p.token,
        )
        .await
        .expect(200);
    assert_eq!(search.body["total"], 2);
    validate(&search.body);
    assert_outcome(
        &app.get(&format!("/fhir/R4/MedicationRequest/{rx}-3"), &d.token)
            .await,
        404,
    );
    // The vital signs as a user of another FHIR client reads them: LOINC codes, UCUM units.
    let obs = app
        .get(&format!("/fhir/R4/Observation?patient={}", p.id), &d.token)
        .await
        .expect(200);
    validate(&obs.body);
    let by_code = |code: &str| -> Value {
        obs.body["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"].clone())
            .find(|r| r["code"]["coding"][0]["code"] == code)
            .unwrap_or_else(|| panic!("no {code}: {}", obs.body))
    };
    for (code, value, unit) in [
        ("9279-1", json!(22.0), "/min"),
        ("2708-6", json!(95.0), "%"),
        ("8480-6", json!(104.0), "mm[Hg]"),
        ("8867-4", json!(96.0), "/min"),
        ("8310-5", json!(38.4), "Cel"),
    ] {
        let r = by_code(code);
        assert_eq!(r["valueQuantity"]["value"], value, "{code}");
        assert_eq!(r["valueQuantity"]["code"], unit, "{code}");
        assert_eq!(r["subject"]["reference"], format!("Patient/{}", p.id));
    }
    let panel = by_code("85353-1");
    assert_eq!(panel["id"], vitals.to_string());
    assert_eq!(panel["hasMember"].as_array().unwrap().len(), 5);
    assert!(
        panel["note"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("NEWS2 "),
        "{panel}"
    );
    assert_outcome(
        &app.get(&format!("/fhir/R4/Observation/{vitals}-weight"), &d.token)
            .await,
        404,
    );
    let unknown_type = app.get(&format!("/fhir/R4/Condition/{rx}"), &d.token).await;
    assert_outcome(&unknown_type, 404);
    validate(&unknown_type.body);
    let no_token = app
        .client
        .get(format!("{}/fhir/R4/Patient/{}", app.base, p.id))
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status().as_u16(), 401);
    let outcome: Value = no_token.json().await.unwrap();
    assert_eq!(outcome["issue"][0]["code"], "login", "{outcome}");
    validate(&outcome);

    // Another hospital's staff get 404 for every id; reads land in the access log.
    let other = app.hospital(&root).await;
    let stranger = app.doctor(&other).await;
    for (kind, id) in &reads[..] {
        if *kind == "Practitioner" {
            continue;
        }
        assert_outcome(
            &app.get(&format!("/fhir/R4/{kind}/{id}"), &stranger.token)
                .await,
            404,
        );
    }
    let log = app
        .get(&format!("/api/v1/patients/{}/access-log", p.id), &p.token)
        .await
        .expect(200);
    assert!(
        log.text.contains("fhir.everything") && log.text.contains("fhir.read"),
        "{}",
        log.text
    );
}
