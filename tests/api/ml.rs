//! ML: the EDF reader against pyedflib on the real files its wheel ships, the committed model
//! on held-out synthetic nights, and the inference queue through the API (fairness, leases,
//! cancellation, quota, switches, corrections, reports, isolation).

use std::time::Duration;

use carebridge_ml::{edf, synth, train};
use reqwest::Method;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Options, TestApp, assert_problem, spawn_app, spawn_app_with};

use crate::helpers::python;

fn pyedflib_files() -> Vec<std::path::PathBuf> {
    let out = std::process::Command::new(python())
        .args([
            "-c",
            "import pyedflib, os; print(os.path.dirname(pyedflib.__file__))",
        ])
        .output()
        .unwrap();
    let dir =
        std::path::PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()).join("tests/data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|_| panic!("{} missing", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "edf" || e == "bdf"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_edf_reader_agrees_with_pyedflib_on_its_real_test_files() {
    let files = pyedflib_files();
    assert!(files.len() >= 5, "{files:?}");
    let mut inverted = 0;
    let mut utf8 = 0;
    for path in &files {
        let out = std::process::Command::new(python())
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/tools/edf_dump.py"
            ))
            .arg(path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let want: Value = serde_json::from_slice(&out.stdout).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let rec =
            edf::parse(&std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let signals = want["signals"].as_array().unwrap();
        assert_eq!(rec.signals.len(), signals.len(), "{name}: signal count");
        for (s, w) in rec.signals.iter().zip(signals) {
            assert_eq!(s.label, w["label"].as_str().unwrap(), "{name}");
            assert!(
                (s.sample_rate - w["sample_rate"].as_f64().unwrap()).abs() < 1e-6,
                "{name} {}",
                s.label
            );
            assert_eq!(
                s.samples.len() as u64,
                w["samples"].as_u64().unwrap(),
                "{name} {}",
                s.label
            );
            let span = (s.physical_max - s.physical_min).abs();
            for p in w["picks"].as_array().unwrap() {
                let (i, v) = (p[0].as_u64().unwrap() as usize, p[1].as_f64().unwrap());
                assert!(
                    (f64::from(s.samples[i]) - v).abs() <= span * 1e-6 + 1e-3,
                    "{name} {} [{i}]: {} vs {v}",
                    s.label,
                    s.samples[i]
                );
            }
            if s.physical_min > s.physical_max {
                inverted += 1;
            }
        }
        let anns = want["annotations"].as_array().unwrap();
        assert_eq!(rec.annotations.len(), anns.len(), "{name}: annotations");
        for (a, w) in rec.annotations.iter().zip(anns) {
            assert!((a.onset - w[0].as_f64().unwrap()).abs() < 1e-6, "{name}");
            assert_eq!(a.text, w[2].as_str().unwrap(), "{name}");
            let d = w[1].as_f64().unwrap();
            assert_eq!(a.duration, if d < 0.0 { None } else { Some(d) }, "{name}");
            if !a.text.is_ascii() {
                utf8 += 1;
            }
        }
    }
    assert!(
        inverted >= 1,
        "the Fp1 recording with an inverted physical range was read"
    );
    assert!(utf8 >= 1, "a UTF-8 annotation was read");
}

#[test]
fn the_real_fp1_recording_is_cut_into_normalised_100_hz_epochs() {
    let path = pyedflib_files()
        .into_iter()
        .find(|p| p.ends_with("test_utf8.edf"))
        .unwrap();
    let rec = edf::parse(&std::fs::read(path).unwrap()).unwrap();
    let (channel, epochs) = carebridge_ml::signal::prepare(&rec).unwrap();
    assert_eq!(channel, "Fp1");
    // 698 s at 128 Hz resampled to 100 Hz: 23 whole 30-second epochs.
    assert_eq!(epochs.len(), 23);
    assert!(
        epochs
            .iter()
            .all(|e| e.len() == 3000 && e.iter().all(|v| v.is_finite()))
    );
}

#[test]
fn the_committed_model_stages_held_out_synthetic_nights_with_kappa_at_least_075() {
    let stager =
        carebridge_ml::stage::Stager::from_bytes(carebridge::inference::registry::BUILTIN_SLEEP)
            .unwrap();
    // Seeds far from both the training seeds and the ones the model card was measured on.
    let nights: Vec<_> = (0..3)
        .map(|k| train::synthetic(train::EVAL_SEED_BASE + 500 + k, 960))
        .collect();
    let eval = train::evaluate(&stager, &nights).unwrap();
    let m = &eval.overall;
    assert_eq!(m.epochs, 3 * 960);
    assert!(
        m.kappa >= 0.75,
        "kappa {:.3}, confusion {:?}",
        m.kappa,
        m.confusion
    );
    assert!(m.accuracy > 0.8, "accuracy {:.3}", m.accuracy);
    assert!(!eval.groups.is_empty());
}

pub(crate) async fn staff(
    app: &TestApp,
) -> (
    String,
    crate::helpers::Hospital,
    crate::helpers::Member,
    crate::helpers::Member,
) {
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"ai_assistance": true}),
    )
    .await
    .expect(200);
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    (root, h, d, p)
}

pub(crate) async fn eeg(
    app: &TestApp,
    token: &str,
    patient: Uuid,
    seed: u64,
    epochs: usize,
) -> Uuid {
    let night = synth::night(seed, epochs);
    crate::records::upload_named(
        app,
        token,
        patient,
        synth::to_edf(&night),
        "eeg",
        "night.edf",
    )
    .await
    .expect(201)
    .id()
}

/// Queues an inference job (202) and returns its id.
pub(crate) async fn queue(app: &TestApp, token: &str, kind: &str, doc: Uuid) -> Uuid {
    app.post(
        "/api/v1/inference/jobs",
        Some(token),
        json!({"kind": kind, "document_id": doc}),
    )
    .await
    .expect(202)
    .id()
}

async fn wait_done(app: &TestApp, token: &str, job: Uuid) -> Value {
    for _ in 0..600 {
        let r = app
            .get(&format!("/api/v1/inference/jobs/{job}"), token)
            .await
            .expect(200);
        if ["succeeded", "failed", "cancelled"].contains(&r.body["status"].as_str().unwrap()) {
            return r.body;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("job {job} did not finish");
}

#[tokio::test]
async fn a_doctor_stages_a_recording_through_the_queue_and_corrects_it() {
    let app = spawn_app().await;
    let (root, h, d, p) = staff(&app).await;
    let doc = eeg(&app, &d.token, p.id, 77, 120).await;
    let r = app
        .post(
            "/api/v1/inference/jobs",
            Some(&d.token),
            json!({"kind": "sleep_staging", "document_id": doc}),
        )
        .await
        .expect(202);
    assert_eq!(r.body["status"], "queued");
    let job = r.id();
    let done = wait_done(&app, &d.token, job).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    assert_eq!(done["model_version"], "sleep-v1");
    assert_eq!(done["progress"], 1.0);
    let stages = done["result"]["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 120);
    assert!(
        stages
            .iter()
            .all(|s| ["W", "N1", "N2", "N3", "REM"].contains(&s.as_str().unwrap()))
    );
    assert_eq!(
        done["result"]["probabilities"].as_array().unwrap().len(),
        120
    );
    assert_eq!(done["result"]["summary"]["recording_minutes"], 60.0);
    assert_eq!(done["result"]["input_sha256"].as_str().unwrap().len(), 64);

    // The report, then a doctor's correction drawn into it and kept as a label.
    let report = app
        .client
        .get(format!("{}/api/v1/inference/jobs/{job}/report", app.base))
        .bearer_auth(&d.token)
        .send()
        .await
        .unwrap();
    assert!(
        report.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("image/svg+xml")
    );
    let svg = report.text().await.unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("sleep-v1") && svg.contains("0 epochs corrected")
    );
    let c = app
        .request(
            Method::PUT,
            &format!("/api/v1/inference/jobs/{job}/corrections"),
            Some(&d.token),
            Some(json!({"corrections": [{"epoch": 0, "stage": "W"}, {"epoch": 5, "stage": "N2"}]})),
        )
        .await
        .expect(200);
    assert_eq!(c.body["corrected"], 2);
    let bad = app
        .request(
            Method::PUT,
            &format!("/api/v1/inference/jobs/{job}/corrections"),
            Some(&d.token),
            Some(json!({"corrections": [{"epoch": 120, "stage": "W"}]})),
        )
        .await;
    assert_problem(&bad, 422);
    let svg = app
        .client
        .get(format!("{}/api/v1/inference/jobs/{job}/report", app.base))
        .bearer_auth(&d.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(svg.contains("2 epochs corrected"));
    // The job answers the corrections by epoch beside the model's own stages.
    let read = app
        .get(&format!("/api/v1/inference/jobs/{job}"), &d.token)
        .await
        .expect(200);
    assert_eq!(
        read.body["corrections"],
        json!([{"epoch": 0, "stage": "W"}, {"epoch": 5, "stage": "N2"}])
    );
    assert!(read.body["result"]["stages"].as_array().is_some());

    // Audited as the system's work, visible in the patient's access log.
    let log = app
        .get(&format!("/api/v1/patients/{}/access-log", p.id), &p.token)
        .await
        .expect(200);
    assert!(
        log.text.contains("inference.succeeded") && log.text.contains("inference.create"),
        "{}",
        log.text
    );
    // Patients do not read raw AI output; other hospitals see nothing.
    assert_problem(
        &app.get(&format!("/api/v1/inference/jobs/{job}"), &p.token)
            .await,
        403,
    );
    let other = app.hospital(&root).await;
    let stranger = app.doctor(&other).await;
    for path in [
        format!("/api/v1/inference/jobs/{job}"),
        format!("/api/v1/inference/jobs/{job}/report"),
    ] {
        assert_problem(&app.get(&path, &stranger.token).await, 404);
    }
    assert_problem(
        &app.post(
            "/api/v1/inference/jobs",
            Some(&stranger.token),
            json!({"kind": "sleep_staging", "document_id": doc}),
        )
        .await,
        404,
    );
    let models = app.get("/api/v1/models", &h.admin).await.expect(200);
    let sleep = models
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "sleep_staging")
        .unwrap();
    assert_eq!(sleep["status"], "active");
    assert!(
        sleep["metrics"]["evaluation"]["overall"]["kappa"]
            .as_f64()
            .unwrap()
            >= 0.75
    );
}

#[tokio::test]
async fn a_flooding_hospital_cannot_starve_another_hospitals_single_job() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.inference_workers = 1),
        ..Options::default()
    })
    .await;
    let (root, _h, d, p) = staff(&app).await;
    // The second hospital is ready before the flood; its one job is queued right after it.
    let other = app.hospital(&root).await;
    app.patch(
        &format!("/api/v1/hospitals/{}", other.id),
        &other.admin,
        json!({"ai_assistance": true}),
    )
    .await
    .expect(200);
    let d2 = app.doctor(&other).await;
    let p2 = app.patient(&other).await;
    app.assign(&other, p2.id, d2.id).await;
    let doc2 = eeg(&app, &d2.token, p2.id, 999, 120).await;
    let doc = eeg(&app, &d.token, p.id, 100, 120).await;
    let mut flood = Vec::new();
    for _ in 0..16 {
        flood.push(queue(&app, &d.token, "sleep_staging", doc).await);
    }
    let single = queue(&app, &d2.token, "sleep_staging", doc2).await;

    let done = wait_done(&app, &d2.token, single).await;
    assert_eq!(done["status"], "succeeded");
    let at =
        |v: &Value, k: &str| chrono::DateTime::parse_from_rfc3339(v[k].as_str().unwrap()).unwrap();
    let (queued_at, finished_at) = (at(&done, "created_at"), at(&done, "finished_at"));
    let (mut waiting, mut overtook) = (0, 0);
    for j in &flood {
        let f = wait_done(&app, &d.token, *j).await;
        assert_eq!(f["status"], "succeeded");
        if at(&f, "started_at") > queued_at {
            waiting += 1;
            if at(&f, "finished_at") < finished_at {
                overtook += 1;
            }
        }
    }
    assert!(
        waiting >= 8,
        "only {waiting} flood jobs were still waiting: the test proves nothing"
    );
    // Round robin: the other hospital is served next; at most one flood job claimed in the
    // same instant gets ahead of it.
    assert!(
        overtook <= 1,
        "{overtook} waiting flood jobs finished before the other hospital's single job"
    );
}

#[tokio::test]
async fn leases_requeue_a_dead_workers_job_and_cancel_quota_and_switches_hold() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.inference_workers = 0),
        ..Options::default()
    })
    .await;
    let (_, h, d, p) = staff(&app).await;
    let doc = eeg(&app, &d.token, p.id, 5, 10).await;
    let job = queue(&app, &d.token, "sleep_staging", doc).await;
    // A worker claims it with a 1-second lease and dies.
    let rt = app.system_conn().await;
    let claim = |lease: i32| {
        carebridge::db::stmt(
            "select id, attempts from inference_claim($1, 3)",
            [lease.into()],
        )
    };
    let first = rt.query_one_raw(claim(1)).await.unwrap().unwrap();
    assert_eq!(first.try_get::<Uuid>("", "id").unwrap(), job);
    assert!(
        rt.query_one_raw(claim(1)).await.unwrap().is_none(),
        "nothing else to claim"
    );
    let running = app
        .get(&format!("/api/v1/inference/jobs/{job}"), &d.token)
        .await
        .expect(200);
    assert_eq!(running.body["status"], "running");
    // The lease runs out (moved back in the database; no sleeping).
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared(&format!(
            "update inference_job set leased_until = now() - interval '1 second' where id = '{job}'"
        ))
        .await
        .unwrap();
    let again = rt.query_one_raw(claim(60)).await.unwrap().unwrap();
    assert_eq!(again.try_get::<Uuid>("", "id").unwrap(), job);
    assert_eq!(again.try_get::<i32>("", "attempts").unwrap(), 2);

    // Cancelling a running job; a cancelled one cannot be cancelled again.
    let c = app
        .post(
            &format!("/api/v1/inference/jobs/{job}/cancel"),
            Some(&d.token),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(c.body["status"], "cancelled");
    assert_problem(
        &app.post(
            &format!("/api/v1/inference/jobs/{job}/cancel"),
            Some(&d.token),
            json!({}),
        )
        .await,
        409,
    );

    // The daily quota, then the per-feature switch.
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"inference_daily_quota": 1}),
    )
    .await
    .expect(200);
    let r = app
        .post(
            "/api/v1/inference/jobs",
            Some(&d.token),
            json!({"kind": "sleep_staging", "document_id": doc}),
        )
        .await;
    assert_problem(&r, 429);
    assert!(r.headers.get("retry-after").is_some());
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"inference_daily_quota": 100, "ai_sleep_staging": false}),
    )
    .await
    .expect(200);
    assert_problem(
        &app.post(
            "/api/v1/inference/jobs",
            Some(&d.token),
            json!({"kind": "sleep_staging", "document_id": doc}),
        )
        .await,
        409,
    );
    assert_problem(
        &app.post(
            "/api/v1/inference/jobs",
            Some(&d.token),
            json!({"kind": "mri", "document_id": doc}),
        )
        .await,
        422,
    );
}

#[tokio::test]
async fn new_weights_are_validated_before_registration_and_activation_switches_the_version() {
    let app = spawn_app().await;
    let (root, h, d, p) = staff(&app).await;
    let upload = |token: &str, version: &str, bytes: Vec<u8>| {
        app.client
            .post(format!(
                "{}/api/v1/models/sleep_staging/versions?version={version}",
                app.base
            ))
            .bearer_auth(token)
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
    };
    let r = upload(&root, "v2", b"not a model".to_vec()).await.unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let r = upload(
        &h.admin,
        "v2",
        carebridge::inference::registry::BUILTIN_SLEEP.to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(
        r.status().as_u16(),
        403,
        "only super admins register models"
    );
    let r = upload(
        &root,
        "v2",
        carebridge::inference::registry::BUILTIN_SLEEP.to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let v2: Value = r.json().await.unwrap();
    assert_eq!(v2["status"], "shadow");
    assert!(
        v2["metrics"]["evaluation"]["overall"]["kappa"]
            .as_f64()
            .unwrap()
            >= 0.75,
        "{v2}"
    );
    assert_eq!(
        upload(
            &root,
            "v2",
            carebridge::inference::registry::BUILTIN_SLEEP.to_vec()
        )
        .await
        .unwrap()
        .status()
        .as_u16(),
        409
    );

    let list = app
        .post(
            "/api/v1/models/sleep_staging/versions/v2/status",
            Some(&root),
            json!({"status": "active"}),
        )
        .await
        .expect(200);
    let status = |v: &str| {
        list.body
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["version"] == v)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(
        (status("v2"), status("sleep-v1")),
        (json!("active"), json!("retired"))
    );
    let doc = eeg(&app, &d.token, p.id, 8, 20).await;
    let job = queue(&app, &d.token, "sleep_staging", doc).await;
    assert_eq!(wait_done(&app, &d.token, job).await["model_version"], "v2");
}

fn rg1_uncr() -> std::path::PathBuf {
    let out = std::process::Command::new(python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/dicom_dump.py"
        ))
        .output()
        .unwrap();
    let p = std::path::PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    assert!(
        p.exists(),
        "pydicom-data's RG1_UNCR.dcm: run ./scripts/test.sh"
    );
    p
}

#[test]
fn the_dicom_reader_agrees_with_pydicom_on_a_real_monochrome1_chest_radiograph() {
    let path = rg1_uncr();
    let out = std::process::Command::new(python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/dicom_dump.py"
        ))
        .arg(&path)
        .output()
        .unwrap();
    let want: Value = serde_json::from_slice(&out.stdout).unwrap();
    let img = carebridge_ml::dicom::parse(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(img.rows as u64, want["rows"].as_u64().unwrap());
    assert_eq!(img.columns as u64, want["columns"].as_u64().unwrap());
    assert_eq!(img.photometric, want["photometric"].as_str().unwrap());
    assert_eq!(img.photometric, "MONOCHROME1");
    assert_eq!(
        u64::from(img.bits_stored),
        want["bits_stored"].as_u64().unwrap()
    );
    // MONOCHROME1 is inverted on reading: stored minimum + maximum - stored value.
    let (lo, hi) = (want["min"].as_f64().unwrap(), want["max"].as_f64().unwrap());
    for p in want["picks"].as_array().unwrap() {
        let (r, c, stored) = (
            p[0].as_u64().unwrap() as usize,
            p[1].as_u64().unwrap() as usize,
            p[2].as_f64().unwrap(),
        );
        assert_eq!(
            f64::from(img.pixels[r * img.columns + c]),
            lo + hi - stored,
            "pixel ({r}, {c})"
        );
    }
    // After inversion the lungs are dark and the mediastinum bright, as on a viewer.
    let prepared = carebridge_ml::xray::prepare(&img.pixels, img.rows, img.columns);
    let n = carebridge_ml::xray::SIZE;
    let strip = |x0: usize, x1: usize| -> f32 {
        let mut s = 0.0;
        let mut k = 0;
        for y in n * 3 / 10..n * 6 / 10 {
            for x in x0..x1 {
                s += prepared[y * n + x];
                k += 1;
            }
        }
        s / k as f32
    };
    let (left, middle, right) = (
        strip(n * 25 / 100, n * 35 / 100),
        strip(n * 47 / 100, n * 53 / 100),
        strip(n * 65 / 100, n * 75 / 100),
    );
    assert!(
        middle > left && middle > right,
        "lungs {left:.2}/{right:.2} vs mediastinum {middle:.2}"
    );
}

#[test]
fn the_committed_xray_model_separates_unseen_phantoms() {
    let t = carebridge_ml::xray::Triager::from_bytes(carebridge::inference::registry::BUILTIN_XRAY)
        .unwrap();
    let imgs: Vec<_> = (0..100u64)
        .map(|s| {
            carebridge_ml::xray::phantom(carebridge_ml::xray::EVAL_SEED + 50_000 + s, s % 2 == 1)
        })
        .collect();
    let p = t.probabilities(&imgs).unwrap();
    let right = p
        .iter()
        .enumerate()
        .filter(|(i, p)| (**p >= 0.5) == (i % 2 == 1))
        .count();
    assert!(right >= 90, "{right} of 100 unseen phantoms right");
}

#[tokio::test]
async fn chest_xray_triage_runs_on_dicom_and_png_uploads() {
    let app = spawn_app().await;
    let (_, _h, d, p) = staff(&app).await;
    let dcm = std::fs::read(rg1_uncr()).unwrap();
    // A 16-bit grayscale PNG of an abnormal phantom.
    let phantom = carebridge_ml::xray::phantom(424_242, true);
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, 128, 128);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Sixteen);
        let mut w = enc.write_header().unwrap();
        let data: Vec<u8> = phantom
            .iter()
            .flat_map(|v| ((v * 65535.0) as u16).to_be_bytes())
            .collect();
        w.write_image_data(&data).unwrap();
    }
    for (bytes, name) in [(dcm, "chest.dcm"), (png_bytes, "chest.png")] {
        let doc = crate::records::upload_named(&app, &d.token, p.id, bytes, "imaging", name)
            .await
            .expect(201)
            .id();
        let job = queue(&app, &d.token, "chest_xray", doc).await;
        let done = wait_done(&app, &d.token, job).await;
        assert_eq!(done["status"], "succeeded", "{name}: {done}");
        assert_eq!(done["model_version"], "xray-v1");
        let prob = done["result"]["abnormal_probability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&prob));
        assert_eq!(
            done["result"]["label"],
            if prob >= 0.5 { "abnormal" } else { "normal" }
        );
        if name.ends_with(".png") {
            // Through PNG and the queue, the same answer as the model gives the image directly.
            let direct = carebridge_ml::xray::Triager::from_bytes(
                carebridge::inference::registry::BUILTIN_XRAY,
            )
            .unwrap()
            .probabilities(std::slice::from_ref(&phantom))
            .unwrap()[0];
            assert!(
                (prob - f64::from(direct)).abs() < 0.02,
                "{prob} vs {direct}"
            );
        }
    }
    // Not an image: the job fails with a clear reason.
    let doc = crate::records::upload_named(
        &app,
        &d.token,
        p.id,
        b"plain text".to_vec(),
        "imaging",
        "note.txt",
    )
    .await
    .expect(201)
    .id();
    let job = queue(&app, &d.token, "chest_xray", doc).await;
    let done = wait_done(&app, &d.token, job).await;
    assert_eq!(done["status"], "failed");
    assert!(
        done["error"]
            .as_str()
            .unwrap()
            .contains("not a DICOM or PNG"),
        "{done}"
    );
}
