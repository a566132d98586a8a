//! The demo's story: a patient of Kathmandu Valley with something on every role's pages — five
//! appointments with Dr. Thapa (requested, awaiting payment, paid and confirmed through the
//! Khalti sandbox, cancelled, and one today that is completed and rated), a conversation with
//! him, a lab report, a prescription for the pharmacist to dispense and three vitals sets, the
//! last raising an alert (`demo_clinic`). Told through the public API of the running demo, as the patient, the
//! doctor and the sandbox's payment page would, so that every rule, audit entry and encryption
//! applies as for real users. Told once: a later start finds the patient and leaves it be.

use anyhow::{Context, anyhow, bail};
use chrono::{Duration, Utc};
use reqwest::{Client, Method, StatusCode};
use secrecy::SecretString;
use serde_json::{Value, json};

pub const PATIENT_EMAIL: &str = "asha@kathmandu-valley.demo";
pub const PATIENT_PASSWORD: &str = "demo-patient-ktm-1";
const HOSPITAL: &str = "kathmandu-valley";
const DOCTOR_EMAIL: &str = "dr.thapa@kathmandu-valley.demo";
const DOCTOR_PASSWORD: &str = "demo-doctor-ktm-1";

/// A signed-in caller of the demo's API.
pub(super) struct Caller {
    pub(super) http: Client,
    pub(super) base: String,
    pub(super) token: String,
}

impl Caller {
    async fn sign_in(
        http: &Client,
        base: &str,
        email: &str,
        password: &str,
    ) -> anyhow::Result<Self> {
        let r = http
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({"email": email, "password": password, "hospital": HOSPITAL}))
            .send()
            .await?;
        let body = answer(r, StatusCode::OK).await?;
        let token = body["token"].as_str().context("no token")?.to_string();
        Ok(Caller {
            http: http.clone(),
            base: base.to_string(),
            token,
        })
    }

    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> anyhow::Result<Value> {
        let mut r = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            r = r.json(&body);
        }
        let r = r.send().await?;
        let want = if method == Method::POST && r.status() == StatusCode::CREATED {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        answer(r, want)
            .await
            .with_context(|| format!("{method} {path}"))
    }

    async fn get(&self, path: &str) -> anyhow::Result<Value> {
        self.call(Method::GET, path, None).await
    }

    pub(super) async fn post(&self, path: &str, body: Value) -> anyhow::Result<Value> {
        self.call(Method::POST, path, Some(body)).await
    }
}

/// The JSON of an answer with status `want`, or an error carrying what the server said.
pub(super) async fn answer(r: reqwest::Response, want: StatusCode) -> anyhow::Result<Value> {
    let status = r.status();
    let text = r.text().await?;
    if status != want {
        bail!("{status}: {text}");
    }
    Ok(if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text)?
    })
}

/// Tells the story once the server answers (it is told through the API); a failure is logged
/// and the demo serves on without it.
pub fn tell_when_ready(base: String, admin_url: SecretString) {
    tokio::spawn(async move {
        let ready = async {
            for _ in 0..100 {
                if reqwest::get(format!("{base}/readyz"))
                    .await
                    .is_ok_and(|r| r.status().is_success())
                {
                    return true;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            false
        };
        if !ready.await {
            tracing::warn!("demo: the server did not become ready; no demo appointments");
        } else if let Err(e) = tell(&base, &admin_url).await {
            tracing::warn!(error = %format!("{e:#}"), "demo: the demo patient's story stopped");
        }
    });
}

/// Tells the story unless the demo patient exists already.
async fn tell(base: &str, admin_url: &SecretString) -> anyhow::Result<()> {
    let http = Client::builder().build()?;
    if Caller::sign_in(&http, base, PATIENT_EMAIL, PATIENT_PASSWORD)
        .await
        .is_ok()
    {
        return Ok(());
    }
    let registered = http
        .post(format!("{base}/api/v1/auth/register"))
        .json(
            &json!({"hospital": HOSPITAL, "email": PATIENT_EMAIL, "password": PATIENT_PASSWORD,
                      "full_name": "Asha Gurung"}),
        )
        .send()
        .await?;
    answer(registered, StatusCode::CREATED).await?;
    let patient = Caller::sign_in(&http, base, PATIENT_EMAIL, PATIENT_PASSWORD).await?;
    let doctor = Caller::sign_in(&http, base, DOCTOR_EMAIL, DOCTOR_PASSWORD).await?;
    let (paid, visit) = appointments(&http, &patient, &doctor).await?;
    let appointment = patient.get(&format!("/api/v1/appointments/{paid}")).await?;
    let patient_id = appointment["patient_id"].as_str().context("patient id")?;
    converse(&patient, &doctor, patient_id).await?;
    upload_report(&http, &patient, patient_id).await?;
    doctor
        .post(
            "/api/v1/prescriptions",
            json!({"patient_id": patient_id, "appointment_id": paid, "items": [{
                "medication": "Paracetamol 500 mg tablet", "dose": "1 tablet", "route": "oral",
                "frequency": "up to 3 times a day when needed", "duration_days": 5,
                "quantity": 15, "refills": 0,
                "instructions": "Not more than 6 tablets in 24 hours."}]}),
        )
        .await?;
    super::demo_clinic::vitals(&patient, &doctor, patient_id).await?;
    super::demo_clinic::completed_visit(&patient, &doctor, &visit, admin_url).await?;
    super::demo_clinic::xray_triage(&doctor, patient_id).await?;
    Ok(())
}

/// Five visits with Dr. Thapa on five days ahead, each at the day's first free time: requested,
/// approved and awaiting payment, approved and paid (confirmed), cancelled, and one more approved
/// and paid that `demo_clinic` moves to today. Answers the two paid ones.
async fn appointments(
    http: &Client,
    patient: &Caller,
    doctor: &Caller,
) -> anyhow::Result<(String, String)> {
    let doctors = patient.get("/api/v1/doctors?limit=100").await?;
    let thapa = doctors["items"]
        .as_array()
        .and_then(|items| items.iter().find(|d| d["full_name"] == "Dr. Ram Thapa"))
        .context("Dr. Thapa is not in the demo")?["id"]
        .as_str()
        .context("doctor id")?
        .to_string();
    let book = async |days: i64, reason: &str| -> anyhow::Result<String> {
        let from = Utc::now() + Duration::days(days);
        let to = from + Duration::days(1);
        let slots = patient
            .get(&format!(
                "/api/v1/doctors/{thapa}/slots?from={}&to={}",
                urlencode(&from.to_rfc3339()),
                urlencode(&to.to_rfc3339())
            ))
            .await?;
        let start = slots["items"][0]["start_at"]
            .as_str()
            .ok_or_else(|| anyhow!("no free time {days} days ahead"))?;
        let a = patient
            .post(
                "/api/v1/appointments",
                json!({"doctor_id": thapa, "start_at": start, "reason": reason}),
            )
            .await?;
        Ok(a["id"].as_str().context("appointment id")?.to_string())
    };
    book(1, "Headaches most mornings for two weeks").await?;
    let unpaid = book(2, "Follow-up on sleep").await?;
    let paid = book(3, "Results of the sleep study").await?;
    let cancelled = book(4, "Check-up").await?;
    let visit = book(5, "Sleep clinic review").await?;
    for id in [&unpaid, &paid, &visit] {
        doctor
            .post(&format!("/api/v1/appointments/{id}/approve"), json!({}))
            .await?;
    }
    pay_in_the_sandbox(http, patient, &paid).await?;
    pay_in_the_sandbox(http, patient, &visit).await?;
    patient
        .post(
            &format!("/api/v1/appointments/{cancelled}/cancel"),
            json!({"reason": "Feeling better"}),
        )
        .await?;
    Ok((paid, visit))
}

/// A conversation the doctor opens, and a message each way.
async fn converse(patient: &Caller, doctor: &Caller, patient_id: &str) -> anyhow::Result<()> {
    let c = doctor
        .post("/api/v1/conversations", json!({"patient_id": patient_id}))
        .await?;
    let conversation = c["id"].as_str().context("conversation id")?;
    for (who, text) in [
        (
            doctor,
            "Namaste Asha. Please keep a sleep diary until we meet.",
        ),
        (
            patient,
            "Namaste doctor, I will. The headaches are a little better.",
        ),
    ] {
        who.post(
            &format!("/api/v1/conversations/{conversation}/messages"),
            json!({"body": text, "client_id": uuid::Uuid::new_v4().to_string()}),
        )
        .await?;
    }
    Ok(())
}

/// The patient uploads a lab report.
async fn upload_report(http: &Client, patient: &Caller, patient_id: &str) -> anyhow::Result<()> {
    let report = reqwest::multipart::Form::new()
        .text("title", "Blood test, November")
        .text("kind", "lab_report")
        .part(
            "file",
            reqwest::multipart::Part::bytes(LAB_REPORT.as_bytes().to_vec())
                .file_name("blood-test.txt")
                .mime_str("text/plain")?,
        );
    let r = http
        .post(format!(
            "{}/api/v1/patients/{patient_id}/documents",
            patient.base
        ))
        .bearer_auth(&patient.token)
        .multipart(report)
        .send()
        .await?;
    answer(r, StatusCode::CREATED).await.context("document")?;
    Ok(())
}

/// Pays an approved appointment as the patient would: the payment, then the sandbox's page's
/// Pay button, which sends the browser back to the server to verify it.
async fn pay_in_the_sandbox(http: &Client, patient: &Caller, id: &str) -> anyhow::Result<()> {
    let payment = patient
        .post(&format!("/api/v1/appointments/{id}/payments"), json!({}))
        .await?;
    let page = payment["redirect_url"]
        .as_str()
        .context("the sandbox gave no page")?;
    let paid = http
        .post(page)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("choice=pay")
        .send()
        .await?;
    if !paid.status().is_success() {
        bail!("the sandbox's payment answered {}", paid.status());
    }
    let status = patient.get(&format!("/api/v1/appointments/{id}")).await?;
    if status["status"] != "confirmed" {
        bail!("paid, but the appointment is {}", status["status"]);
    }
    Ok(())
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

const LAB_REPORT: &str = "Kathmandu Valley Hospital laboratory (demo)\n\
Patient: Asha Gurung\n\
Haemoglobin 12.9 g/dL (12.0-15.5)\n\
White cells 6.8 x10^9/L (4.0-11.0)\n\
Platelets 245 x10^9/L (150-400)\n\
Fasting glucose 5.1 mmol/L (3.9-5.5)\n";
