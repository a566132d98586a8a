//! The demo's clinical figures, so that the dashboards, the doctor's alerts and the patient's
//! vitals are not empty on a first look: three vitals sets for Asha over three days (the last one
//! scores high and raises an alert for Dr. Thapa) and a visit that took place today, completed
//! and rated. Told through the public API like the rest of the story; only the visit's time is
//! moved in the database, since a booking must be made ahead and a visit can only start at its
//! time.

use anyhow::Context;
use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, Value};
use secrecy::SecretString;
use serde_json::json;

use super::demo_story::Caller;

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
