//! SMS for patients: the phone number (E.164) and the channel choice on a patient's profile,
//! texts through the outbox to local fakes of Twilio and Sparrow SMS (their documented
//! contracts), segments counted as the provider counts them, retries on a provider's 5xx, a
//! permanent refusal parked at once, texts waiting while no provider is configured, no clinical
//! words, no email for a patient who chose SMS only, and another tenant's patient out of reach;
//! the 24-hour reminder and a payment's confirmation and refund by text.

use carebridge::{
    app::Config,
    notifications::{
        dispatcher::{Courier, enqueue_reminders, send_due},
        sms::{SmsProvider, SmsSettings},
    },
    sandbox::sms::{self as fake, FakeSms},
};
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::{
    helpers::{Member, Options, TestApp, admin_conn, assert_problem, spawn_app_with},
    notifications::{REASON, book_soon, booking_hospital},
    payments::{book_and_approve, khalti_return, start_payment},
};

fn twilio(fake: &FakeSms) -> SmsSettings {
    SmsSettings {
        provider: SmsProvider::Twilio {
            account_sid: fake::TWILIO_ACCOUNT_SID.into(),
            auth_token: fake::TWILIO_AUTH_TOKEN.into(),
        },
        base_url: fake.base.clone(),
        from: "+15005550006".into(),
    }
}

fn sparrow(fake: &FakeSms) -> SmsSettings {
    SmsSettings {
        provider: SmsProvider::Sparrow {
            token: fake::SPARROW_TOKEN.into(),
        },
        base_url: fake.base.clone(),
        from: "InfoAlert".into(),
    }
}

/// An app without background workers (the test sends the outbox itself), with an SMTP sink
/// and the given SMS provider.
async fn app_with(sms: Option<SmsSettings>) -> (TestApp, crate::smtp::Sink) {
    app_and(sms, |_| {}).await
}

/// The same, with more of the configuration changed by `more`.
async fn app_and(
    sms: Option<SmsSettings>,
    more: impl FnOnce(&mut Config) + Send + 'static,
) -> (TestApp, crate::smtp::Sink) {
    let (smtp, sink) = crate::smtp::start().await;
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.run_workers = false;
            c.smtp_url = Some(smtp.into());
            c.sms = sms;
            more(c);
        }),
        ..Default::default()
    })
    .await;
    (app, sink)
}

async fn patient_email(app: &TestApp, p: &Member) -> String {
    app.get("/api/v1/auth/me", &p.token).await.expect(200).body["email"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn choose(app: &TestApp, p: &Member, body: serde_json::Value) -> serde_json::Value {
    app.patch(&format!("/api/v1/patients/{}", p.id), &p.token, body)
        .await
        .expect(200)
        .body
}

async fn outbox(app: &TestApp, admin: &str) -> Vec<serde_json::Value> {
    app.get("/api/v1/outbox", admin).await.expect(200).body["items"]
        .as_array()
        .unwrap()
        .clone()
}

/// What a provider bills for `text`, counted here independently: GSM-7 when every character is
/// plain ASCII without the few that GSM lacks, else UTF-16 units in 70s (67 when split).
fn billed_segments(text: &str) -> i64 {
    let gsm = text
        .chars()
        .all(|c| c.is_ascii() && !"`^{}[]~|\\".contains(c) && (c >= ' ' || c == '\n'));
    let (units, single, part) = if gsm {
        (text.chars().count(), 160, 153)
    } else {
        (text.encode_utf16().count(), 70, 67)
    };
    let n = if units <= single {
        1
    } else {
        units.div_ceil(part)
    };
    i64::try_from(n).unwrap()
}

#[tokio::test]
async fn a_patient_who_chose_sms_only_gets_texts_without_clinical_words_and_no_email() {
    let fake = fake::start().await.unwrap();
    let (app, sink) = app_with(Some(twilio(&fake))).await;
    let (h, d, p) = booking_hospital(&app).await;
    let chosen = choose(
        &app,
        &p,
        json!({"phone": "+977 984-1234567", "notification_channels": ["sms"]}),
    )
    .await;
    assert_eq!(chosen["phone"], "+9779841234567");
    assert_eq!(chosen["notification_channels"], json!(["sms"]));
    book_soon(&app, &d, &p, 30).await;
    let courier = Courier::new(&app.config).unwrap();
    let sent = send_due(&app.system_conn().await, &courier).await.unwrap();
    assert_eq!(sent, 2, "the patient's text and the doctor's email");
    let texts = fake.to("+9779841234567");
    assert_eq!(texts.len(), 1);
    let text = &texts[0];
    assert_eq!(
        (text.provider, text.from.as_str()),
        ("twilio", "+15005550006")
    );
    assert!(text.body.contains("Dr"), "names the doctor: {}", text.body);
    assert!(!text.body.contains("chest") && !text.body.contains(REASON));
    assert!(
        sink.to(&patient_email(&app, &p).await).is_empty(),
        "no email"
    );
    let items = outbox(&app, &h.admin).await;
    let sms: Vec<_> = items.iter().filter(|m| m["channel"] == "sms").collect();
    assert_eq!(sms.len(), 1);
    assert_eq!(sms[0]["status"], "sent");
    assert_eq!(sms[0]["segments"], billed_segments(&text.body));
    // Both channels: the next notice goes both ways.
    choose(&app, &p, json!({"notification_channels": ["email", "sms"]})).await;
    book_soon(&app, &d, &p, 50).await;
    send_due(&app.system_conn().await, &courier).await.unwrap();
    assert_eq!(fake.to("+9779841234567").len(), 2);
    assert_eq!(sink.to(&patient_email(&app, &p).await).len(), 1);
}

#[tokio::test]
async fn a_provider_5xx_is_retried_and_a_permanent_refusal_is_parked_at_once() {
    let fake = fake::start().await.unwrap();
    let (app, _sink) = app_with(Some(sparrow(&fake))).await;
    let (h, d, p) = booking_hospital(&app).await;
    // Nepali: the texts are in Devanagari, so UCS-2.
    app.patch("/api/v1/auth/me", &p.token, json!({"language": "ne"}))
        .await
        .expect(200);
    choose(
        &app,
        &p,
        json!({"phone": "9801234567", "notification_channels": ["sms"]}),
    )
    .await;
    book_soon(&app, &d, &p, 30).await;
    let courier = Courier::new(&app.config).unwrap();
    let db = app.system_conn().await;
    fake.fail_next(1);
    send_due(&db, &courier).await.unwrap();
    let sms = |items: Vec<serde_json::Value>| {
        items
            .into_iter()
            .find(|m| m["channel"] == "sms")
            .expect("the text is in the outbox")
    };
    let first = sms(outbox(&app, &h.admin).await);
    assert_eq!(
        (first["status"].as_str(), first["attempts"].as_i64()),
        (Some("pending"), Some(1))
    );
    assert!(
        first["last_error"].as_str().unwrap().contains("503"),
        "{first}"
    );
    assert!(fake.to("9801234567").is_empty());
    admin_conn(&app.db)
        .await
        .execute_unprepared("update outbox set next_attempt_at = now()")
        .await
        .unwrap();
    send_due(&db, &courier).await.unwrap();
    let texts = fake.to("9801234567");
    assert_eq!(texts.len(), 1, "Sparrow gets the ten-digit number");
    assert!(
        texts[0]
            .body
            .chars()
            .any(|c| ('\u{0900}'..='\u{097f}').contains(&c))
    );
    let again = sms(outbox(&app, &h.admin).await);
    assert_eq!(
        (again["status"].as_str(), again["attempts"].as_i64()),
        (Some("sent"), Some(2))
    );
    assert_eq!(again["segments"], billed_segments(&texts[0].body));
    assert!(
        again["segments"].as_i64().unwrap() >= 2,
        "Devanagari is 70 a segment"
    );
    // Sparrow reaches Nepali numbers only: a foreign one fails for good on the first try.
    let q = app.patient(&h).await;
    choose(
        &app,
        &q,
        json!({"phone": "+14155550100", "notification_channels": ["sms"]}),
    )
    .await;
    book_soon(&app, &d, &q, 70).await;
    send_due(&db, &courier).await.unwrap();
    let failed = app
        .get("/api/v1/outbox?status=failed", &h.admin)
        .await
        .expect(200);
    let items = failed.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", failed.text);
    assert_eq!(items[0]["attempts"], 1);
    assert!(
        !items[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("4155550100"),
        "no number in errors"
    );
}

#[tokio::test]
async fn without_a_provider_texts_wait_untouched_while_emails_go() {
    let (app, sink) = app_with(None).await;
    let (h, d, p) = booking_hospital(&app).await;
    choose(
        &app,
        &p,
        json!({"phone": "+9779841234567", "notification_channels": ["sms"]}),
    )
    .await;
    book_soon(&app, &d, &p, 30).await;
    let courier = Courier::new(&app.config).unwrap();
    assert_eq!(
        send_due(&app.system_conn().await, &courier).await.unwrap(),
        1
    );
    assert_eq!(sink.mails.lock().unwrap().len(), 1, "the doctor's email");
    let items = outbox(&app, &h.admin).await;
    let sms = items.iter().find(|m| m["channel"] == "sms").unwrap();
    assert_eq!(
        (sms["status"].as_str(), sms["attempts"].as_i64()),
        (Some("pending"), Some(0))
    );
}

#[tokio::test]
async fn phones_and_channels_are_checked_and_another_tenants_patient_is_out_of_reach() {
    let (app, _sink) = app_with(None).await;
    let (h, _d, p) = booking_hospital(&app).await;
    let path = format!("/api/v1/patients/{}", p.id);
    for bad in [
        json!({"phone": "12345"}),
        json!({"phone": "+0 123 456 789"}),
        json!({"notification_channels": []}),
        json!({"notification_channels": ["fax"]}),
        json!({"notification_channels": ["sms", "sms"]}),
    ] {
        assert_problem(&app.patch(&path, &p.token, bad).await, 422);
    }
    let no_phone = app
        .patch(&path, &p.token, json!({"notification_channels": ["sms"]}))
        .await;
    assert_problem(&no_phone, 409);
    assert!(no_phone.text.contains("phone"), "{}", no_phone.text);
    let fresh = app.get(&path, &p.token).await.expect(200);
    assert_eq!(fresh.body["notification_channels"], json!(["email"]));
    // Phone and channel together in one patch are fine.
    choose(
        &app,
        &p,
        json!({"phone": "+9779841234567", "notification_channels": ["sms"]}),
    )
    .await;
    // Another hospital's admin, and another patient of the same hospital: 404, nothing changed.
    let root = app.super_admin().await;
    let other = app.hospital(&root).await;
    let q = app.patient(&h).await;
    for token in [&other.admin, &q.token] {
        let r = app
            .patch(
                &path,
                token,
                json!({"phone": "+9779800000000", "notification_channels": ["email"]}),
            )
            .await;
        assert_problem(&r, 404);
    }
    let after = app.get(&path, &h.admin).await.expect(200);
    assert_eq!(after.body["phone"], "+9779841234567");
    assert_eq!(after.body["notification_channels"], json!(["sms"]));
}

#[tokio::test]
async fn a_patient_keeps_their_own_contact_details_and_nothing_else() {
    let (app, _sink) = app_with(None).await;
    let (_h, _d, p) = booking_hospital(&app).await;
    let path = format!("/api/v1/patients/{}", p.id);
    let mine = choose(
        &app,
        &p,
        json!({"phone": "+9779841234567", "emergency_contact": "Ram, +9779800000001"}),
    )
    .await;
    assert_eq!(mine["emergency_contact"], "Ram, +9779800000001");
    for clinical in [
        json!({"allergies": "none"}),
        json!({"blood_type": "O+"}),
        json!({"phone": "+9779841234568", "medical_history": "x"}),
    ] {
        assert_problem(&app.patch(&path, &p.token, clinical).await, 403);
    }
    let after = app.get(&path, &p.token).await.expect(200);
    assert_eq!(after.body["phone"], "+9779841234567");
    assert_eq!(after.body["allergies"], "");
}

#[tokio::test]
async fn the_doctor_opening_the_call_texts_the_patient_once() {
    let fake = fake::start().await.unwrap();
    let (app, _sink) = app_with(Some(twilio(&fake))).await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p, a) = app.open_call(&h).await;
    choose(
        &app,
        &p,
        json!({"phone": "+9779841234567", "notification_channels": ["sms"]}),
    )
    .await;
    let courier = Courier::new(&app.config).unwrap();
    let db = app.system_conn().await;
    send_due(&db, &courier).await.unwrap();
    assert!(
        fake.to("+9779841234567").is_empty(),
        "booked before choosing SMS"
    );
    let mut dws = crate::realtime::Ws::open(&app, &d.token).await;
    for _ in 0..2 {
        dws.send(json!({"type": "call.join", "appointment_id": a}))
            .await;
        dws.next("call.admitted").await;
        dws.send(json!({"type": "call.leave", "appointment_id": a}))
            .await;
    }
    send_due(&db, &courier).await.unwrap();
    let texts = fake.to("+9779841234567");
    assert_eq!(texts.len(), 1, "once, however often the doctor rejoins");
    assert!(texts[0].body.contains("video call"), "{}", texts[0].body);
    let notes = app.get("/api/v1/notifications", &p.token).await.expect(200);
    let kinds: Vec<_> = notes.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "call.open")
        .collect();
    assert_eq!(kinds.len(), 1);
}

const PHONE: &str = "+9779841234567";

/// The one text `phone` got after its first `before`: free of the visit's reason, and matching
/// its outbox row (the notice titled `subject`: sent, as many segments as the provider bills).
async fn one_new_text(
    app: &TestApp,
    admin: &str,
    fake: &FakeSms,
    before: usize,
    subject: &str,
) -> String {
    let bodies: Vec<String> = fake.to(PHONE).into_iter().map(|t| t.body).collect();
    assert_eq!(bodies.len(), before + 1, "{bodies:?}");
    let body = bodies[before].clone();
    assert!(!body.contains("chest") && !body.contains(REASON), "{body}");
    let items = outbox(app, admin).await;
    let rows: Vec<_> = items
        .iter()
        .filter(|m| m["channel"] == "sms" && m["subject"] == subject)
        .collect();
    assert_eq!(rows.len(), 1, "{items:?}");
    assert_eq!(rows[0]["status"], "sent");
    assert_eq!(rows[0]["segments"], billed_segments(&body));
    body
}

#[tokio::test]
async fn the_24_hour_reminder_goes_by_text_without_clinical_words() {
    let fake = fake::start().await.unwrap();
    let (app, _sink) = app_with(Some(twilio(&fake))).await;
    let (h, d, p) = booking_hospital(&app).await;
    choose(
        &app,
        &p,
        json!({"phone": PHONE, "notification_channels": ["sms"]}),
    )
    .await;
    book_soon(&app, &d, &p, 5).await;
    let courier = Courier::new(&app.config).unwrap();
    let db = app.system_conn().await;
    send_due(&db, &courier).await.unwrap();
    let before = fake.to(PHONE).len();
    assert_eq!(before, 1, "the booking's text");
    assert_eq!(enqueue_reminders(&db).await.unwrap(), 1);
    send_due(&db, &courier).await.unwrap();
    let body = one_new_text(&app, &h.admin, &fake, before, "Appointment tomorrow").await;
    assert!(body.contains("reminder") && body.contains("Dr"), "{body}");
}

#[tokio::test]
async fn a_payment_confirmed_and_refunded_goes_by_text_without_clinical_words() {
    let fake = fake::start().await.unwrap();
    let khalti = crate::fake_khalti::start().await;
    let base = khalti.base.clone();
    let (app, _sink) = app_and(Some(twilio(&fake)), move |c| {
        c.khalti_base_url = base;
        c.khalti_secret_key = Some(crate::fake_khalti::SECRET.to_string().into());
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p, id) = book_and_approve(&app, &h).await;
    choose(
        &app,
        &p,
        json!({"phone": PHONE, "notification_channels": ["sms"]}),
    )
    .await;
    let courier = Courier::new(&app.config).unwrap();
    let db = app.system_conn().await;
    send_due(&db, &courier).await.unwrap();
    let before = fake.to(PHONE).len();
    let started = start_payment(&app, &p.token, id).await;
    let payment = started.body["payment_id"].as_str().unwrap().to_string();
    let pidx = khalti.pidx_of(&payment);
    khalti.settle(&pidx, "Completed", None);
    khalti_return(&app, &format!("pidx={pidx}")).await;
    send_due(&db, &courier).await.unwrap();
    let body = one_new_text(&app, &h.admin, &fake, before, "Appointment confirmed").await;
    assert!(body.contains("is confirmed"), "{body}");
    // The doctor cancels; once the admin records the refund, the patient is told by text.
    app.post(
        &format!("/api/v1/appointments/{id}/cancel"),
        Some(&d.token),
        json!({"reason": "unwell"}),
    )
    .await
    .expect(200);
    send_due(&db, &courier).await.unwrap();
    let before = fake.to(PHONE).len();
    app.request(
        reqwest::Method::POST,
        &format!("/api/v1/payments/{payment}/refunded"),
        Some(&h.admin),
        None,
    )
    .await
    .expect(200);
    send_due(&db, &courier).await.unwrap();
    let body = one_new_text(&app, &h.admin, &fake, before, "Payment refunded").await;
    assert!(body.contains("was refunded"), "{body}");
}
