//! The demo's clinical figures, so that the dashboards, the doctor's alerts and the patient's
//! vitals are not empty on a first look: three vitals sets for Asha over three days (the last one
//! scores high and raises an alert for Dr. Thapa), a visit that took place today, completed
//! and rated, and an X-ray triage job (the dashboard's AI latency). Told through the public API like the rest of the story; only the visit's time is
//! moved in the database, since a booking must be made ahead and a visit can only start at its
//! time.

use anyhow::Context;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::{ConnectionTrait, Value};
use secrecy::SecretString;
use serde_json::json;

use super::demo_story::{Caller, answer};

/// Asha's vitals: two unremarkable sets she took at home (NEWS2 0, then 2), then a set Dr.
/// Thapa took today that scores 9 (high), a score that rose at each set.
pub(super) async fn vitals(
    patient: &Caller,
    doctor: &Caller,
    patient_id: &str,
) -> anyhow::Result<()> {
    let path = format!("/api/v1/patients/{patient_id}/vitals");
    let sets = [
        (
            patient,
            50,
            json!({"respiratory_rate": 16, "spo2": 97, "systolic_bp": 122,
            "heart_rate": 74, "temperature_c": 36.8}),
        ),
        (
            patient,
            26,
            json!({"respiratory_rate": 21, "spo2": 96, "systolic_bp": 118,
            "heart_rate": 88, "temperature_c": 37.6}),
        ),
        (
            doctor,
            2,
            json!({"respiratory_rate": 25, "spo2": 92, "systolic_bp": 104,
            "heart_rate": 112, "temperature_c": 38.4}),
        ),
    ];
    for (who, hours_ago, mut set) in sets {
        let at = Utc::now() - Duration::hours(hours_ago);
        set["spo2_scale"] = json!(1);
        set["on_oxygen"] = json!(false);
        set["consciousness"] = json!("A");
        set["measured_at"] = json!(at.to_rfc3339());
        who.post(&path, set).await.context("vitals")?;
    }
    Ok(())
}

/// A visit with Dr. Thapa today: booked ahead, approved and paid like the others, moved to now
/// (with its reminders marked sent, since it is under way), started and completed by the doctor,
/// then rated by Asha.
pub(super) async fn completed_visit(
    patient: &Caller,
    doctor: &Caller,
    paid: &str,
    admin_url: &SecretString,
) -> anyhow::Result<()> {
    let admin = crate::db::connect(admin_url, 1).await?;
    admin
        .execute_raw(crate::db::stmt(
            "update appointment
                set start_at = now() - interval '10 minutes', end_at = now() + interval '20 minutes',
                    reminded_24h_at = now(), reminded_1h_at = now()
              where id = $1::uuid",
            [Value::from(paid.to_string())],
        ))
        .await?;
    for action in ["start", "complete"] {
        doctor
            .post(&format!("/api/v1/appointments/{paid}/{action}"), json!({}))
            .await?;
    }
    patient
        .post(
            &format!("/api/v1/appointments/{paid}/rating"),
            json!({"stars": 5, "comment": "Dr. Thapa listened carefully and explained the sleep study."}),
        )
        .await?;
    Ok(())
}

/// Dr. Thapa uploads a chest image to Asha's record and runs X-ray triage on it; the server's
/// worker then answers it like any job. The image is drawn (see `chest_png`), not a radiograph.
pub(super) async fn xray_triage(doctor: &Caller, patient_id: &str) -> anyhow::Result<()> {
    let form = Form::new()
        .text("title", "Chest image (drawn for the demo)")
        .text("kind", "imaging")
        .part(
            "file",
            Part::bytes(chest_png()?)
                .file_name("chest.png")
                .mime_str("image/png")?,
        );
    let r = doctor
        .http
        .post(format!(
            "{}/api/v1/patients/{patient_id}/documents",
            doctor.base
        ))
        .bearer_auth(&doctor.token)
        .multipart(form)
        .send()
        .await?;
    let document = answer(r, StatusCode::CREATED).await.context("image")?;
    let r = doctor
        .http
        .post(format!("{}/api/v1/inference/jobs", doctor.base))
        .bearer_auth(&doctor.token)
        .json(&json!({"kind": "chest_xray", "document_id": document["id"]}))
        .send()
        .await?;
    answer(r, StatusCode::ACCEPTED)
        .await
        .context("X-ray triage")?;
    Ok(())
}

/// A 128×128 grey picture shaped like a chest film: a bright body, two dark lungs, a heart.
fn chest_png() -> anyhow::Result<Vec<u8>> {
    const SIZE: u32 = 128;
    let half = SIZE as f32 / 2.0;
    let inside = |u: f32, v: f32, (cu, cv): (f32, f32), (ru, rv): (f32, f32)| {
        ((u - cu) / ru).powi(2) + ((v - cv) / rv).powi(2) < 1.0
    };
    let mut pixels = Vec::with_capacity((SIZE * SIZE) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (u, v) = ((x as f32 - half) / half, (y as f32 - half) / half);
            let lung =
                inside(u, v, (-0.4, 0.0), (0.28, 0.55)) || inside(u, v, (0.4, 0.0), (0.28, 0.55));
            let grey = match () {
                _ if inside(u, v, (0.1, 0.25), (0.22, 0.2)) => 170,
                _ if lung => 60,
                _ if u * u + v * v < 0.85 => 190,
                _ => 20,
            };
            pixels.push(grey);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, SIZE, SIZE);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}
