//! Records: encrypted documents in a real S3-compatible server, notes, prescriptions, consent,
//! break-glass.

use reqwest::Method;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{
    Hospital, Member, Options, TestApp, admin_conn, assert_problem, s3_server, spawn_app,
    spawn_app_with,
};

/// Distinctive plaintext: a marker repeated through ~300 KB (several encryption chunks).
pub fn sample(n: usize) -> Vec<u8> {
    let marker = b"PATIENT-LAB-RESULT-HbA1c-7.9-percent;";
    marker.iter().cycle().take(n).copied().collect()
}

pub async fn upload(
    app: &TestApp,
    token: &str,
    patient: Uuid,
    bytes: Vec<u8>,
    kind: &str,
) -> crate::helpers::Resp {
    upload_named(app, token, patient, bytes, kind, "hba1c.txt").await
}

pub async fn upload_named(
    app: &TestApp,
    token: &str,
    patient: Uuid,
    bytes: Vec<u8>,
    kind: &str,
    name: &str,
) -> crate::helpers::Resp {
    let mime = if name.ends_with(".txt") {
        "text/plain"
    } else {
        "application/octet-stream"
    };
    let form = reqwest::multipart::Form::new()
        .text("title", "HbA1c result")
        .text("kind", kind.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_string())
                .mime_str(mime)
                .unwrap(),
        );
    let resp = app
        .client
        .post(format!("{}/api/v1/patients/{patient}/documents", app.base))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    crate::helpers::Resp {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    }
}

pub async fn download(app: &TestApp, token: &str, doc: Uuid) -> (u16, String, Vec<u8>) {
    let resp = app
        .client
        .get(format!("{}/api/v1/documents/{doc}/content", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (
        status,
        ct,
        resp.bytes().await.map(|b| b.to_vec()).unwrap_or_default(),
    )
}

fn object_path(
    app: &TestApp,
    s3_dir: &std::path::Path,
    hospital: Uuid,
    doc: Uuid,
) -> std::path::PathBuf {
    let bucket = &app.config.s3.as_ref().unwrap().bucket;
    s3_dir
        .join(bucket)
        .join(hospital.to_string())
        .join(doc.to_string())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

async fn setup(app: &TestApp) -> (String, Hospital, Member, Member) {
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    (root, h, d, p)
}

async fn user_id(app: &TestApp, token: &str) -> Uuid {
    app.get("/api/v1/auth/me", token).await.expect(200).body["user_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn documents_are_encrypted_in_s3_and_come_back_byte_for_byte() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    let plain = sample(300_000);
    let r = upload(&app, &d.token, p.id, plain.clone(), "lab_report")
        .await
        .expect(201);
    let doc = r.id();
    assert_eq!(r.body["size"], 300_000);
    assert_eq!(
        r.body["sha256"],
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&plain))
    );

    // The raw object in the S3 server holds none of the plaintext.
    let raw = std::fs::read(object_path(&app, &s3_server().await.dir, h.id, doc)).unwrap();
    assert!(
        raw.len() > plain.len(),
        "ciphertext carries a header and tags"
    );
    assert!(!contains(&raw, b"PATIENT-LAB-RESULT"));
    assert!(!contains(&raw, b"HbA1c"));

    for token in [&d.token, &p.token, &h.admin] {
        let (status, ct, bytes) = download(&app, token, doc).await;
        assert_eq!(status, 200);
        assert_eq!(ct, "text/plain");
        assert_eq!(bytes, plain, "decrypted bytes differ");
    }
    let list = app
        .get(&format!("/api/v1/patients/{}/documents", p.id), &p.token)
        .await
        .expect(200);
    assert_eq!(list.body["items"][0]["id"], doc.to_string());
    assert_eq!(list.body["items"][0]["kind"], "lab_report");
    assert_eq!(list.body["items"][0]["file_name"], "hba1c.txt");

    // Patients upload their own documents too; the access log shows both sides.
    upload(&app, &p.token, p.id, b"my own scan".to_vec(), "imaging")
        .await
        .expect(201);
    let log = app
        .get(&format!("/api/v1/patients/{}/access-log", p.id), &p.token)
        .await
        .expect(200);
    let actions: Vec<&str> = log.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"document.create"), "{actions:?}");
    assert!(actions.contains(&"document.read"), "{actions:?}");
}

#[tokio::test]
async fn a_flipped_byte_or_a_truncated_object_is_refused_and_serves_nothing() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    let plain = sample(200_000);
    let s3 = s3_server().await;
    for damage in ["flip", "truncate", "drop_last_chunk"] {
        let doc = upload(&app, &d.token, p.id, plain.clone(), "lab_report")
            .await
            .expect(201)
            .id();
        let path = object_path(&app, &s3.dir, h.id, doc);
        let mut raw = std::fs::read(&path).unwrap();
        match damage {
            "flip" => {
                let mid = raw.len() / 2;
                raw[mid] ^= 0x40;
            }
            "truncate" => raw.truncate(raw.len() - 100),
            _ => raw.truncate(35 + 2 * (65536 + 16)),
        }
        std::fs::write(&path, &raw).unwrap();
        let r = app
            .get(&format!("/api/v1/documents/{doc}/content"), &d.token)
            .await;
        assert_problem(&r, 500);
        assert!(
            r.body["detail"].as_str().unwrap().contains("integrity"),
            "{damage}: {}",
            r.text
        );
        assert!(
            !r.text.contains("PATIENT-LAB"),
            "{damage}: plaintext served"
        );
    }
}

#[tokio::test]
async fn a_rotated_key_still_reads_old_documents_and_a_destroyed_key_reads_nothing() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    let master = app.config.master_key.clone().unwrap();
    let old = upload(&app, &d.token, p.id, sample(70_000), "lab_report")
        .await
        .expect(201)
        .id();
    let admin = admin_conn(&app.db).await;
    let r = carebridge::records::keys::rotate(&admin, &master, &h.slug)
        .await
        .unwrap();
    assert_eq!((r.new_version, r.rewrapped), (2, 1));
    let versions = admin
        .query_all_raw(carebridge::db::stmt(
            "select version, state, wrapped_key is null as gone from hospital_key order by version",
            [],
        ))
        .await
        .unwrap();
    let states: Vec<(i32, String, bool)> = versions
        .iter()
        .map(|r| {
            (
                r.try_get("", "version").unwrap(),
                r.try_get("", "state").unwrap(),
                r.try_get("", "gone").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![(1, "retired".into(), true), (2, "active".into(), false)]
    );
    assert_eq!(download(&app, &d.token, old).await.2, sample(70_000));
    let new = upload(&app, &d.token, p.id, sample(1000), "other")
        .await
        .expect(201)
        .id();
    assert_eq!(download(&app, &p.token, new).await.2, sample(1000));

    carebridge::records::keys::destroy(&admin, &h.slug)
        .await
        .unwrap();
    for doc in [old, new] {
        let r = app
            .get(&format!("/api/v1/documents/{doc}/content"), &d.token)
            .await;
        assert_problem(&r, 410);
    }
    assert_problem(
        &upload(&app, &d.token, p.id, sample(10), "other").await,
        410,
    );
}

#[tokio::test]
async fn uploads_over_the_limit_answer_413_and_leave_nothing_behind() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.max_upload_bytes = 100_000),
        ..Options::default()
    })
    .await;
    let (_, h, d, p) = setup(&app).await;
    // Within the multipart slack, so the stream itself is cut off; and far beyond it.
    for n in [120_000, 400_000] {
        let r = upload(&app, &d.token, p.id, sample(n), "eeg").await;
        assert_problem(&r, 413);
    }
    upload(&app, &d.token, p.id, sample(100_000), "eeg")
        .await
        .expect(201);
    let list = app
        .get(&format!("/api/v1/patients/{}/documents", p.id), &d.token)
        .await
        .expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    let bucket_dir = s3_server()
        .await
        .dir
        .join(&app.config.s3.as_ref().unwrap().bucket)
        .join(h.id.to_string());
    let objects = std::fs::read_dir(bucket_dir).unwrap().count();
    assert_eq!(objects, 1, "a refused upload left an object behind");

    // Missing fields and bad kinds are 422 / 400 with nothing stored.
    let bad = upload(&app, &d.token, p.id, b"x".to_vec(), "selfie").await;
    assert_problem(&bad, 422);
    let r = app
        .post(
            &format!("/api/v1/patients/{}/documents", p.id),
            Some(&d.token),
            json!({}),
        )
        .await;
    assert_problem(&r, 400);
}

#[tokio::test]
async fn without_s3_documents_go_encrypted_to_the_data_directory() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.s3 = None),
        ..Options::default()
    })
    .await;
    let (_, h, d, p) = setup(&app).await;
    let doc = upload(&app, &d.token, p.id, sample(90_000), "lab_report")
        .await
        .expect(201)
        .id();
    let raw = std::fs::read(
        app.config
            .data_dir
            .join("objects")
            .join(h.id.to_string())
            .join(doc.to_string()),
    )
    .unwrap();
    assert!(!contains(&raw, b"PATIENT-LAB-RESULT"));
    assert_eq!(download(&app, &p.token, doc).await.2, sample(90_000));
}

#[tokio::test]
async fn other_tenants_and_other_patients_get_404_for_every_record_id() {
    let app = spawn_app().await;
    let (root, h, d, p) = setup(&app).await;
    let doc = upload(&app, &d.token, p.id, sample(1000), "other")
        .await
        .expect(201)
        .id();
    let note = app
        .post(
            &format!("/api/v1/patients/{}/notes", p.id),
            Some(&d.token),
            json!({"body": "Stable."}),
        )
        .await
        .expect(201)
        .id();
    let enc = app
        .post(
            "/api/v1/encounters",
            Some(&d.token),
            json!({"patient_id": p.id}),
        )
        .await
        .expect(201)
        .id();
    let rx = app
        .post(
            "/api/v1/prescriptions",
            Some(&d.token),
            json!({"patient_id": p.id, "items": [item()]}),
        )
        .await
        .expect(201)
        .id();
    let other_patient = app.patient(&h).await;
    let outsider = app.doctor(&h).await;
    let other = app.hospital(&root).await;
    let foreign_doctor = app.doctor(&other).await;
    let paths = [
        format!("/api/v1/documents/{doc}/content"),
        format!("/api/v1/patients/{}/documents", p.id),
        format!("/api/v1/notes/{note}"),
        format!("/api/v1/patients/{}/notes", p.id),
        format!("/api/v1/encounters/{enc}"),
        format!("/api/v1/encounters?patient_id={}", p.id),
        format!("/api/v1/prescriptions/{rx}"),
        format!("/api/v1/prescriptions/{rx}/pdf"),
        format!("/api/v1/patients/{}/consents", p.id),
        format!("/fhir/R4/Patient/{}", p.id),
        format!("/fhir/R4/DocumentReference/{doc}"),
        format!("/fhir/R4/Encounter/{enc}"),
        format!("/fhir/R4/MedicationRequest/{rx}-1"),
        format!("/fhir/R4/Patient/{}/$everything", p.id),
    ];
    for token in [
        &other_patient.token,
        &outsider.token,
        &foreign_doctor.token,
        &other.admin,
    ] {
        for path in &paths {
            let r = app.get(path, token).await;
            // Prescriptions are not the admin's to read at all (403); everything else is hidden.
            if r.status.as_u16() == 403 {
                assert!(
                    *token == other.admin
                        && (path.contains("prescriptions/") || path.contains("MedicationRequest")),
                    "{path}: {}",
                    r.text
                );
                continue;
            }
            if path.starts_with("/fhir/") {
                crate::helpers::assert_outcome(&r, 404);
            } else {
                assert_problem(&r, 404);
            }
        }
        let up = upload(&app, token, p.id, b"x".to_vec(), "other").await;
        assert_problem(&up, 404);
    }
    // Nothing of the record leaked into those answers, and the owner still sees everything.
    assert_eq!(download(&app, &p.token, doc).await.0, 200);
}

pub fn item() -> Value {
    json!({"medication": "Metformin", "dose": "500 mg", "route": "oral", "frequency": "twice daily",
           "duration_days": 30, "quantity": 60, "refills": 2, "instructions": "Take with food."})
}

#[tokio::test]
async fn private_notes_are_hidden_from_admins_until_the_patient_grants_access() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    let path = format!("/api/v1/patients/{}/notes", p.id);
    app.post(
        &path,
        Some(&d.token),
        json!({"body": "BP 120/80, continue."}),
    )
    .await
    .expect(201);
    let private = app
        .post(
            &path,
            Some(&d.token),
            json!({"body": "Discussed family history.", "private": true}),
        )
        .await
        .expect(201)
        .id();
    let count = |r: &crate::helpers::Resp| r.body["items"].as_array().unwrap().len();
    assert_eq!(count(&app.get(&path, &h.admin).await.expect(200)), 1);
    assert_problem(
        &app.get(&format!("/api/v1/notes/{private}"), &h.admin).await,
        404,
    );
    assert_eq!(count(&app.get(&path, &d.token).await.expect(200)), 2);
    assert_eq!(count(&app.get(&path, &p.token).await.expect(200)), 2);
    // Patients read, never write; admins neither.
    assert_problem(
        &app.post(&path, Some(&p.token), json!({"body": "x"})).await,
        403,
    );
    assert_problem(
        &app.post(&path, Some(&h.admin), json!({"body": "x"})).await,
        403,
    );

    let admin_user = user_id(&app, &h.admin).await;
    let consents = format!("/api/v1/patients/{}/consents", p.id);
    let g = app
        .post(
            &consents,
            Some(&p.token),
            json!({"grantee_user_id": admin_user, "scope": "private_notes"}),
        )
        .await
        .expect(201)
        .id();
    assert_eq!(count(&app.get(&path, &h.admin).await.expect(200)), 2);
    app.get(&format!("/api/v1/notes/{private}"), &h.admin)
        .await
        .expect(200);
    app.request(
        Method::DELETE,
        &format!("{consents}/{g}"),
        Some(&p.token),
        None,
    )
    .await
    .expect(204);
    assert_eq!(count(&app.get(&path, &h.admin).await.expect(200)), 1);
    // Only doctors get `records`, only admins `private_notes`.
    let r = app
        .post(
            &consents,
            Some(&p.token),
            json!({"grantee_user_id": admin_user, "scope": "records"}),
        )
        .await;
    assert_problem(&r, 422);
}

#[tokio::test]
async fn consent_lets_a_doctor_outside_the_care_team_in_and_revocation_ends_it() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    upload(&app, &d.token, p.id, sample(500), "lab_report")
        .await
        .expect(201);
    let outsider = app.doctor(&h).await;
    let docs = format!("/api/v1/patients/{}/documents", p.id);
    assert_problem(&app.get(&docs, &outsider.token).await, 404);
    let grantee = user_id(&app, &outsider.token).await;
    let consents = format!("/api/v1/patients/{}/consents", p.id);
    let g = app
        .post(
            &consents,
            Some(&p.token),
            json!({"grantee_user_id": grantee, "scope": "records"}),
        )
        .await
        .expect(201)
        .id();
    app.get(&docs, &outsider.token).await.expect(200);
    app.get(&format!("/api/v1/patients/{}", p.id), &outsider.token)
        .await
        .expect(200);
    // Only the patient grants or revokes.
    assert_problem(
        &app.post(
            &consents,
            Some(&d.token),
            json!({"grantee_user_id": grantee, "scope": "records"}),
        )
        .await,
        403,
    );
    app.request(
        Method::DELETE,
        &format!("{consents}/{g}"),
        Some(&p.token),
        None,
    )
    .await
    .expect(204);
    assert_problem(&app.get(&docs, &outsider.token).await, 404);
}

#[tokio::test]
async fn break_glass_opens_an_hour_at_most_is_audited_and_alerts_the_admins() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    app.post(
        &format!("/api/v1/patients/{}/notes", p.id),
        Some(&d.token),
        json!({"body": "Epilepsy; on valproate."}),
    )
    .await
    .expect(201);
    let er = app.doctor(&h).await;
    let notes = format!("/api/v1/patients/{}/notes", p.id);
    assert_problem(&app.get(&notes, &er.token).await, 404);
    let bg = format!("/api/v1/patients/{}/break-glass", p.id);
    assert_problem(
        &app.post(
            &bg,
            Some(&er.token),
            json!({"reason": "Unconscious in ER, seizure", "minutes": 90}),
        )
        .await,
        422,
    );
    assert_problem(
        &app.post(&bg, Some(&er.token), json!({"reason": "x"})).await,
        422,
    );
    assert_problem(
        &app.post(
            &bg,
            Some(&p.token),
            json!({"reason": "Unconscious in ER, seizure"}),
        )
        .await,
        403,
    );
    let g = app
        .post(
            &bg,
            Some(&er.token),
            json!({"reason": "Unconscious in ER, seizure"}),
        )
        .await
        .expect(201);
    assert_eq!(g.body["kind"], "break_glass");
    let opened =
        chrono::DateTime::parse_from_rfc3339(g.body["created_at"].as_str().unwrap()).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(g.body["expires_at"].as_str().unwrap()).unwrap();
    assert_eq!((expires - opened).num_minutes(), 60);
    let r = app.get(&notes, &er.token).await.expect(200);
    assert_eq!(r.body["items"].as_array().unwrap().len(), 1);

    // The admins hear of it in-app and by email (through the outbox), without the patient's name.
    let n = app.get("/api/v1/notifications", &h.admin).await.expect(200);
    let alerts: Vec<&Value> = n.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["kind"] == "break_glass")
        .collect();
    assert_eq!(alerts.len(), 1, "{}", n.text);
    let outbox = app.get("/api/v1/outbox", &h.admin).await.expect(200);
    assert!(
        outbox.text.contains("Emergency access opened"),
        "{}",
        outbox.text
    );
    let audit = app.get("/api/v1/audit-events", &h.admin).await.expect(200);
    assert!(audit.text.contains("break_glass.open"));
    let log = app
        .get(&format!("/api/v1/patients/{}/access-log", p.id), &p.token)
        .await
        .expect(200);
    assert!(
        log.text.contains("break_glass.open"),
        "the patient sees it too"
    );

    // When the hour is over, access ends.
    admin_conn(&app.db)
        .await
        .execute_unprepared("update access_grant set created_at = created_at - interval '2 hours', expires_at = expires_at - interval '2 hours'")
        .await
        .unwrap();
    assert_problem(&app.get(&notes, &er.token).await, 404);
}

async fn pharmacist(app: &TestApp, h: &Hospital) -> String {
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        json!({"name": "pharmacist", "permissions": [
            {"object": "prescription", "action": "list"},
            {"object": "prescription", "action": "read"},
            {"object": "prescription", "action": "dispense"}]}),
    )
    .await
    .expect(201);
    let email = format!("pharm-{}@{}.test", Uuid::new_v4().simple(), h.slug);
    app.post(
        "/api/v1/staff",
        Some(&h.admin),
        json!({"email": email, "full_name": "Pharma Cist", "role": "pharmacist", "password": crate::helpers::PASSWORD}),
    )
    .await
    .expect(201);
    app.login(&email, Some(&h.slug)).await
}

/// The text a reader gets out of a PDF: poppler's `pdftotext` (Debian's `poppler-utils`, which
/// `scripts/tools.sh` installs) run on the bytes as downloaded. The PDF draws shaped glyphs by
/// id, so its raw bytes never hold the text itself.
fn pdf_text(pdf: &[u8]) -> String {
    use std::{
        io::Write,
        process::{Command, Stdio},
    };
    let mut child = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext runs (poppler-utils: scripts/tools.sh installs it)");
    // pdftotext reads the whole file before it writes (the cross-reference table is at the
    // end), so writing all of it first cannot deadlock.
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pdftotext failed on the PDF");
    String::from_utf8(out.stdout).unwrap()
}

/// The prescription's PDF as `token` downloads it; `query` is empty or starts with `?`.
async fn prescription_pdf(app: &TestApp, id: Uuid, token: &str, query: &str) -> Vec<u8> {
    let resp = app
        .client
        .get(format!("{}/api/v1/prescriptions/{id}/pdf{query}", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    resp.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn a_nepali_name_and_instruction_print_as_written_and_the_labels_in_the_language_asked() {
    let app = spawn_app().await;
    let (_, _, d, p) = setup(&app).await;
    app.patch(
        "/api/v1/auth/me",
        &p.token,
        json!({"full_name": "सीता राई"}),
    )
    .await
    .expect(200);
    // A pre-base vowel sign (ि), conjuncts (क्ष, त्स) and a final virama (स्).
    let instruction = "खाना खाएपछि मात्र लिनुहोस्; लक्षण बढे चिकित्सकलाई भेट्नुहोस्।";
    let mut medication = item();
    medication["instructions"] = json!(instruction);
    let rx = app
        .post(
            "/api/v1/prescriptions",
            Some(&d.token),
            json!({"patient_id": p.id, "items": [medication]}),
        )
        .await
        .expect(201)
        .id();

    let english = pdf_text(&prescription_pdf(&app, rx, &p.token, "").await);
    for expected in [
        "सीता राई",
        instruction,
        "Electronic prescription",
        "Date of birth: not recorded",
        "500 mg oral, twice daily, for 30 days",
        "Quantity 60, refills 2",
        "Page 1 of 1",
    ] {
        assert!(english.contains(expected), "{expected} in {english}");
    }
    let asked = pdf_text(&prescription_pdf(&app, rx, &p.token, "?lang=en").await);
    assert_eq!(asked, english, "English is the default");

    let nepali = pdf_text(&prescription_pdf(&app, rx, &p.token, "?lang=ne").await);
    for expected in [
        "सीता राई",
        instruction,
        "विद्युतीय औषधि पुर्जा",
        "चिकित्सक",
        "इजाजतपत्र: ",
        "बिरामी",
        "जन्म मिति: उल्लेख छैन",
        "जारी मिति: ",
        "स्थिति: सक्रिय",
        "औषधिहरू",
        "500 mg oral, twice daily, 30 दिनसम्म",
        "परिमाण 60, रिफिल 2",
        "प्रमाणीकरण कोड: ",
        "यहाँ जाँच गर्नुहोस्: ",
        "पृष्ठ 1 / 1",
    ] {
        assert!(nepali.contains(expected), "{expected} in {nepali}");
    }
    for english_label in ["Electronic prescription", "Prescriber", "Licence", "Page 1"] {
        assert!(
            !nepali.contains(english_label),
            "{english_label} in {nepali}"
        );
    }

    let path = format!("/api/v1/prescriptions/{rx}/pdf?lang=xx");
    assert_problem(&app.get(&path, &p.token).await, 422);
}

#[tokio::test]
async fn a_pharmacist_looks_a_prescription_up_by_its_code_and_reads_no_other_patients() {
    let app = spawn_app().await;
    let (root, h, d, p) = setup(&app).await;
    let other = app.patient(&h).await;
    app.assign(&h, other.id, d.id).await;
    let mut codes = Vec::new();
    for patient in [p.id, other.id] {
        let rx = app
            .post(
                "/api/v1/prescriptions",
                Some(&d.token),
                json!({"patient_id": patient, "items": [item()]}),
            )
            .await
            .expect(201);
        codes.push(rx.body["verification_code"].as_str().unwrap().to_string());
    }
    let ph = pharmacist(&app, &h).await;
    // As typed at a counter: lower case, no dashes.
    let typed = codes[0].replace('-', "").to_lowercase();
    let found = app
        .get(&format!("/api/v1/prescriptions?code={typed}"), &ph)
        .await
        .expect(200);
    let items = found.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["verification_code"], codes[0].as_str());
    assert_eq!(items[0]["patient_id"], p.id.to_string());
    // The other patient's record shows no read by the pharmacist.
    let log = app
        .get(
            &format!("/api/v1/patients/{}/access-log", other.id),
            &other.token,
        )
        .await
        .expect(200);
    assert!(
        !log.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "prescription.list"),
        "{}",
        log.body
    );
    // Another hospital's code finds nothing here; a string that cannot be a code is 422.
    let elsewhere = app.hospital(&root).await;
    let (ed, ep) = (app.doctor(&elsewhere).await, app.patient(&elsewhere).await);
    app.assign(&elsewhere, ep.id, ed.id).await;
    let theirs = app
        .post(
            "/api/v1/prescriptions",
            Some(&ed.token),
            json!({"patient_id": ep.id, "items": [item()]}),
        )
        .await
        .expect(201);
    let code = theirs.body["verification_code"].as_str().unwrap();
    let none = app
        .get(&format!("/api/v1/prescriptions?code={code}"), &ph)
        .await
        .expect(200);
    assert_eq!(none.body["items"].as_array().unwrap().len(), 0);
    assert_problem(&app.get("/api/v1/prescriptions?code=12345", &ph).await, 422);
}

#[tokio::test]
async fn prescriptions_print_verify_publicly_and_are_dispensed_once_by_a_pharmacist() {
    let app = spawn_app().await;
    let (_, h, d, p) = setup(&app).await;
    let bad = app.post("/api/v1/prescriptions", Some(&d.token), json!({"patient_id": p.id, "items": [{"medication": "", "dose": "1", "route": "oral", "frequency": "daily", "duration_days": 0, "quantity": 1, "refills": 0}]})).await;
    assert_problem(&bad, 422);
    assert_problem(
        &app.post(
            "/api/v1/prescriptions",
            Some(&p.token),
            json!({"patient_id": p.id, "items": [item()]}),
        )
        .await,
        403,
    );
    let rx = app
        .post(
            "/api/v1/prescriptions",
            Some(&d.token),
            json!({"patient_id": p.id, "items": [item()]}),
        )
        .await
        .expect(201);
    let id = rx.id();
    let code = rx.body["verification_code"].as_str().unwrap().to_string();
    assert_eq!(rx.body["status"], "active");
    app.get(&format!("/api/v1/prescriptions/{id}"), &p.token)
        .await
        .expect(200);
    let mine = app
        .get(
            &format!("/api/v1/prescriptions?patient_id={}", p.id),
            &p.token,
        )
        .await
        .expect(200);
    assert_eq!(mine.body["items"].as_array().unwrap().len(), 1);
    assert_problem(
        &app.get(&format!("/api/v1/prescriptions/{id}"), &h.admin)
            .await,
        403,
    );

    // The PDF names hospital, prescriber and licence, patient, item and the code.
    let pdf = app
        .client
        .get(format!("{}/api/v1/prescriptions/{id}/pdf", app.base))
        .bearer_auth(&p.token)
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-1.5"));
    let text = pdf_text(&bytes);
    for expected in [
        "Metformin",
        code.as_str(),
        "Licence: ",
        "500 mg oral, twice daily",
    ] {
        assert!(text.contains(expected), "PDF lacks {expected}");
    }

    // Anyone can check the code, without signing in and without learning who the patient is.
    let v = app
        .request(
            Method::GET,
            &format!(
                "/api/v1/prescription-verifications/{}",
                code.to_lowercase().replace('-', "")
            ),
            None,
            None,
        )
        .await
        .expect(200);
    assert_eq!(v.body["status"], "active");
    assert_eq!(v.body["item_count"], 1);
    let me = app.get("/api/v1/auth/me", &p.token).await.expect(200);
    let patient_name = me.body["full_name"].as_str().unwrap();
    assert!(!v.text.contains(patient_name));
    assert!(!v.text.contains(&p.id.to_string()));
    assert_problem(
        &app.request(
            Method::GET,
            "/api/v1/prescription-verifications/AAAA-BBBB-CCCC",
            None,
            None,
        )
        .await,
        404,
    );

    // The pharmacist sees the hospital's prescriptions and dispenses once; the doctor cannot dispense.
    let ph = pharmacist(&app, &h).await;
    let all = app
        .get("/api/v1/prescriptions?status=active", &ph)
        .await
        .expect(200);
    assert_eq!(all.body["items"].as_array().unwrap().len(), 1);
    let copy = pdf_text(&prescription_pdf(&app, id, &ph, "").await);
    assert!(
        copy.contains(patient_name),
        "the pharmacist's copy names the patient: {copy}"
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/prescriptions/{id}/dispense"),
            Some(&d.token),
            json!({}),
        )
        .await,
        403,
    );
    let done = app
        .post(
            &format!("/api/v1/prescriptions/{id}/dispense"),
            Some(&ph),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(done.body["status"], "dispensed");
    assert_problem(
        &app.post(
            &format!("/api/v1/prescriptions/{id}/dispense"),
            Some(&ph),
            json!({}),
        )
        .await,
        409,
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/prescriptions/{id}/cancel"),
            Some(&d.token),
            json!({}),
        )
        .await,
        409,
    );
    let v = app
        .request(
            Method::GET,
            &format!("/api/v1/prescription-verifications/{code}"),
            None,
            None,
        )
        .await
        .expect(200);
    assert_eq!(v.body["status"], "dispensed");
    // Pharmacists read prescriptions, not records.
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}/notes", p.id), &ph)
            .await,
        403,
    );
}

/// Data in every records table, for the catalog's zero-rows check.
pub async fn seed(app: &TestApp, d: &Member, p: &Member) {
    upload(app, &d.token, p.id, sample(100), "other")
        .await
        .expect(201);
    let enc = app
        .post(
            "/api/v1/encounters",
            Some(&d.token),
            json!({"patient_id": p.id}),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/patients/{}/notes", p.id),
        Some(&d.token),
        json!({"body": "x", "encounter_id": enc}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/prescriptions",
        Some(&d.token),
        json!({"patient_id": p.id, "items": [item()]}),
    )
    .await
    .expect(201);
    app.post(
        &format!("/api/v1/patients/{}/break-glass", p.id),
        Some(&d.token),
        json!({"reason": "seeding the catalog test"}),
    )
    .await
    .expect(201);
}
