//! What an outside probe found (issue 23), one named regression test each.

use reqwest::Method;
use serde_json::{Value, json};

use crate::{
    helpers::{Options, PASSWORD, assert_problem, spawn_app, spawn_app_with, sql_i64},
    records::item,
};

fn register_body(slug: &str, email: &str, password: &str) -> Value {
    json!({"hospital": slug, "email": email, "password": password, "full_name": "Reg Test"})
}

#[tokio::test]
async fn registering_with_a_locked_accounts_email_is_throttled_like_its_login() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let other = app.hospital(&root).await;
    let email = format!("admin@{}.test", h.slug);
    for _ in 0..5 {
        let r = app
            .post(
                "/api/v1/auth/login",
                None,
                json!({"email": email, "password": "wrong password!"}),
            )
            .await;
        assert_problem(&r, 401);
    }
    // The right password through registration waits out the lockout too, and joins nothing.
    let r = app
        .post(
            "/api/v1/auth/register",
            None,
            register_body(&other.slug, &email, PASSWORD),
        )
        .await;
    assert_problem(&r, 429);
    assert!(r.headers.contains_key("retry-after"));
    let memberships = sql_i64(
        &app,
        &format!(
            "select count(*) from membership m join app_user u on u.id = m.user_id \
             where u.email = '{email}'"
        ),
    )
    .await;
    assert_eq!(memberships, 1, "the account joined no other hospital");
}

#[tokio::test]
async fn wrong_passwords_sent_to_registration_count_toward_the_lockout() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let other = app.hospital(&root).await;
    let email = format!("admin@{}.test", h.slug);
    for _ in 0..5 {
        let r = app
            .post(
                "/api/v1/auth/register",
                None,
                register_body(&other.slug, &email, "a wrong long guess"),
            )
            .await;
        assert_problem(&r, 409);
    }
    for (path, body) in [
        (
            "/api/v1/auth/register",
            register_body(&other.slug, &email, PASSWORD),
        ),
        (
            "/api/v1/auth/login",
            json!({"email": email, "password": PASSWORD}),
        ),
    ] {
        assert_problem(&app.post(path, None, body).await, 429);
    }
}

#[tokio::test]
async fn registrations_per_address_are_limited_by_configuration() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.registrations_per_ip_per_hour = 2),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let send = |n: u32, ip: &'static str| {
        let (client, url, slug) = (
            app.client.clone(),
            format!("{}/api/v1/auth/register", app.base),
            h.slug.clone(),
        );
        async move {
            client
                .post(url)
                .header("x-forwarded-for", ip)
                .json(&register_body(
                    &slug,
                    &format!("desk{n}@x.test"),
                    "a long enough secret",
                ))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(send(1, "198.51.100.1").await, 201);
    assert_eq!(send(2, "198.51.100.1").await, 201);
    assert_eq!(send(3, "198.51.100.1").await, 429);
    assert_eq!(send(4, "198.51.100.2").await, 201, "another address");
}

#[tokio::test]
async fn a_new_reset_request_voids_every_older_link_and_unknown_emails_do_the_same_work() {
    use carebridge::notifications::dispatcher::{Courier, send_due};
    let (smtp, sink) = crate::smtp::start().await;
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.run_workers = false;
            c.smtp_url = Some(smtp.into());
        }),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let email = format!("admin@{}.test", h.slug);
    for address in [email.as_str(), "nobody@nowhere.test", email.as_str()] {
        app.post(
            "/api/v1/auth/password-reset",
            None,
            json!({"email": address}),
        )
        .await
        .expect(202);
    }
    // Known and unknown addresses alike: one queued request each, nothing else yet.
    assert_eq!(
        sql_i64(&app, "select count(*) from password_reset_request").await,
        3
    );
    assert_eq!(
        sql_i64(&app, "select count(*) from password_reset").await,
        0
    );
    let courier = Courier::new(&app.config).unwrap();
    assert_eq!(
        send_due(&app.system_conn().await, &courier).await.unwrap(),
        2
    );
    let tokens: Vec<String> = sink
        .to(&email)
        .iter()
        .map(|m| {
            m.data
                .split("#reset=")
                .nth(1)
                .unwrap()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .collect();
    assert_eq!(tokens.len(), 2);
    let complete = |token: String| {
        app.post(
            "/api/v1/auth/password-reset/complete",
            None,
            json!({"token": token, "new_password": "a fresh long secret"}),
        )
    };
    // Which email arrived first is the sink's order; exactly one of the two links works.
    let first = complete(tokens[0].clone()).await.status.as_u16();
    let second = complete(tokens[1].clone()).await.status.as_u16();
    let mut statuses = [first, second];
    statuses.sort();
    assert_eq!(statuses, [204, 422], "only the newest link works");
}

#[tokio::test]
async fn nul_characters_in_any_text_answer_422_naming_the_field() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let nul = "a\u{0}b";
    let mut rx_item = item();
    rx_item["instructions"] = json!(nul);
    let cases: Vec<(Method, String, Option<&str>, Value, &str)> = vec![
        (
            Method::PATCH,
            format!("/api/v1/patients/{}", p.id),
            Some(h.admin.as_str()),
            json!({"allergies": nul}),
            "allergies",
        ),
        (
            Method::POST,
            format!("/api/v1/patients/{}/notes", p.id),
            Some(d.token.as_str()),
            json!({"body": nul}),
            "body",
        ),
        (
            Method::POST,
            "/api/v1/prescriptions".into(),
            Some(d.token.as_str()),
            json!({"patient_id": p.id, "items": [rx_item]}),
            "items[0].instructions",
        ),
        (
            Method::POST,
            "/api/v1/auth/register".into(),
            None,
            register_body(nul, "n@x.test", "a long enough secret"),
            "hospital",
        ),
        (
            Method::POST,
            "/api/v1/doctors".into(),
            Some(h.admin.as_str()),
            json!({"email": "dn@x.test", "full_name": nul, "password": PASSWORD,
                   "specialization": "GP", "license_number": "L-1"}),
            "full_name",
        ),
    ];
    for (method, path, token, body, field) in cases {
        let r = app.request(method, &path, token, Some(body)).await;
        assert_problem(&r, 422);
        let detail = r.body["detail"].as_str().unwrap();
        assert!(
            detail.starts_with(field) && detail.contains("NUL"),
            "{path}: {detail}"
        );
    }
    let r = app.get("/api/v1/appointments?cursor=x%00y", &p.token).await;
    assert_problem(&r, 422);
    assert!(r.text.contains("cursor"), "{}", r.text);
    // A multipart title follows the same rule.
    let form = reqwest::multipart::Form::new()
        .text("title", nul)
        .text("kind", "other")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"x".to_vec()).file_name("a.txt"),
        );
    let r = app
        .client
        .post(format!("{}/api/v1/patients/{}/documents", app.base, p.id))
        .bearer_auth(&d.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    // Nothing was written by any of them.
    let profile = app
        .get(&format!("/api/v1/patients/{}", p.id), &h.admin)
        .await
        .expect(200);
    assert_eq!(profile.body["allergies"], "");
}

#[tokio::test]
async fn member_and_role_management_cannot_be_granted_to_a_custom_role() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    for (object, action) in [
        ("member", "create"),
        ("member", "reset_password"),
        ("member", "deactivate"),
        ("role", "create"),
    ] {
        let r = app
            .post(
                "/api/v1/roles",
                Some(&h.admin),
                json!({"name": "desk", "permissions": [
                    {"object": "doctor", "action": "list"}, {"object": object, "action": action}]}),
            )
            .await;
        assert_problem(&r, 422);
        assert!(r.text.contains(object), "{}", r.text);
    }
    let roles = app.get("/api/v1/roles", &h.admin).await.expect(200);
    assert!(
        !roles.text.contains("desk"),
        "no role was saved: {}",
        roles.text
    );
}

#[tokio::test]
async fn only_the_prescriber_may_cancel_a_prescription() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (a, b, p) = (
        app.doctor(&h).await,
        app.doctor(&h).await,
        app.patient(&h).await,
    );
    app.assign(&h, p.id, a.id).await;
    app.assign(&h, p.id, b.id).await;
    let rx = app
        .post(
            "/api/v1/prescriptions",
            Some(&a.token),
            json!({"patient_id": p.id, "items": [item()]}),
        )
        .await
        .expect(201)
        .id();
    let path = format!("/api/v1/prescriptions/{rx}/cancel");
    // Doctor B may read it (same care team) but not cancel it.
    app.get(&format!("/api/v1/prescriptions/{rx}"), &b.token)
        .await
        .expect(200);
    assert_problem(
        &app.request(Method::POST, &path, Some(&b.token), None).await,
        403,
    );
    let still = app
        .get(&format!("/api/v1/prescriptions/{rx}"), &a.token)
        .await
        .expect(200);
    assert_eq!(still.body["status"], "active");
    let done = app
        .request(Method::POST, &path, Some(&a.token), None)
        .await
        .expect(200);
    assert_eq!(done.body["status"], "cancelled");
}

/// A doctor open all week, a patient, and the slots of a three-hour window two days ahead.
async fn bookable(
    app: &crate::helpers::TestApp,
) -> (crate::helpers::Member, crate::helpers::Member, Vec<Value>) {
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    app.open_all_week(&h, &d, 30).await;
    let from = chrono::Utc::now() + chrono::Duration::days(2);
    let slots = app
        .get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                d.id,
                from.format("%Y-%m-%dT%H:%M:%SZ"),
                (from + chrono::Duration::hours(3)).format("%Y-%m-%dT%H:%M:%SZ")
            ),
            &p.token,
        )
        .await
        .expect(200);
    let starts = slots.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start_at"].clone())
        .collect();
    (d, p, starts)
}

#[tokio::test]
async fn a_transition_sent_without_any_body_is_taken() {
    let app = spawn_app().await;
    let (d, p, slots) = bookable(&app).await;
    let a = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": d.id, "start_at": slots[0], "reason": "x"}),
        )
        .await
        .expect(201);
    assert_eq!(a.body["status"], "requested");
    // No body, no Content-Type: as a plain `curl -X POST` sends it.
    let r = app
        .client
        .post(format!(
            "{}/api/v1/appointments/{}/approve",
            app.base,
            a.id()
        ))
        .bearer_auth(&d.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let body: Value = r.json().await.unwrap();
    assert_ne!(body["status"], "requested");
}

#[tokio::test]
async fn answers_carry_the_security_headers_and_405_says_what_is_allowed() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.public_base_url = "https://care.example".into()),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    let form = reqwest::multipart::Form::new()
        .text("title", "A page")
        .text("kind", "other")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"<script>alert(1)</script>".to_vec())
                .file_name("page.html")
                .mime_str("text/html")
                .unwrap(),
        );
    let up = app
        .client
        .post(format!("{}/api/v1/patients/{}/documents", app.base, p.id))
        .bearer_auth(&d.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(up.status().as_u16(), 201);
    let doc = up.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .client
        .get(format!("{}/api/v1/documents/{doc}/content", app.base))
        .bearer_auth(&p.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(header(&r, "content-type"), "text/html");
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    assert!(header(&r, "content-security-policy").contains("sandbox"));
    assert!(header(&r, "content-disposition").starts_with("attachment"));
    let me = app
        .client
        .get(format!("{}/api/v1/auth/me", app.base))
        .bearer_auth(&p.token)
        .send()
        .await
        .unwrap();
    assert_eq!(header(&me, "referrer-policy"), "no-referrer");
    assert!(header(&me, "strict-transport-security").contains("max-age="));
    let index = app
        .client
        .get(format!("{}/", app.base))
        .send()
        .await
        .unwrap();
    assert!(header(&index, "content-security-policy").contains("frame-ancestors 'none'"));
    let wrong = app
        .client
        .delete(format!("{}/api/v1/auth/login", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 405);
    assert_eq!(header(&wrong, "allow"), "POST");
    let wrong = app
        .client
        .put(format!("{}/api/v1/patients/{}", app.base, p.id))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 405);
    assert_eq!(header(&wrong, "allow"), "GET, PATCH, HEAD");
}

#[tokio::test]
async fn hsts_is_sent_only_when_the_public_address_is_https() {
    let app = spawn_app().await;
    let r = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("strict-transport-security").is_none());
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn phones_and_birth_dates_have_one_set_of_bounds_on_every_endpoint() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let long_phone = "1".repeat(100_000);
    let admin_create = |extra: Value| {
        let mut body = json!({"email": format!("b{}@x.test", uuid::Uuid::new_v4().simple()),
                              "full_name": "Bound Test", "password": PASSWORD});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        app.post("/api/v1/patients", Some(&h.admin), body)
    };
    let register = |extra: Value| {
        let mut body = register_body(
            &h.slug,
            &format!("r{}@x.test", uuid::Uuid::new_v4().simple()),
            "a long enough secret",
        );
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        app.post("/api/v1/auth/register", None, body)
    };
    let patient_path = format!("/api/v1/patients/{}", p.id);
    let patch = |extra: Value| app.patch(&patient_path, &h.admin, extra);
    for bad in [
        json!({"phone": long_phone}),
        json!({"phone": "33 letters and more"}),
        json!({"phone": "4412345"}),
        json!({"date_of_birth": "0000-01-01"}),
        json!({"date_of_birth": "-0001-01-01"}),
        json!({"date_of_birth": "+10000-01-01"}),
        json!({"date_of_birth": "1899-12-31"}),
    ] {
        for r in [
            admin_create(bad.clone()).await,
            register(bad.clone()).await,
            patch(bad.clone()).await,
        ] {
            let status = r.status.as_u16();
            assert!(
                status == 422 || status == 400,
                "{bad} answered {status}: {}",
                r.text
            );
            assert_problem(&r, status);
        }
    }
    let good = json!({"phone": "+977 1-4412345", "date_of_birth": "1990-04-01"});
    admin_create(good.clone()).await.expect(201);
    register(good.clone()).await.expect(201);
    let after = patch(good).await.expect(200);
    assert_eq!(after.body["phone"], "+97714412345", "stored in E.164");
    // FHIR's birthDate stays a valid date.
    let fhir = app
        .get(&format!("/fhir/R4/Patient/{}", p.id), &h.admin)
        .await
        .expect(200);
    assert_eq!(fhir.body["birthDate"], "1990-04-01");
}

/// Every `null` in an answer sits where the spec says the property may be null.
fn assert_nulls_declared(spec: &Value, schema: &str, body: &Value) {
    let props = &spec["components"]["schemas"][schema]["properties"];
    assert!(props.is_object(), "no schema {schema}");
    for (key, value) in body.as_object().unwrap() {
        if value.is_null() {
            assert_eq!(
                props[key]["nullable"], true,
                "{schema}.{key} answered null but the spec does not say it may"
            );
        }
    }
}

#[tokio::test]
async fn properties_that_answer_null_are_declared_nullable_in_the_spec() {
    let app = spawn_app().await;
    let spec: Value = serde_json::from_str(&carebridge::app::spec()).unwrap();
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let patient = app
        .get(&format!("/api/v1/patients/{}", p.id), &h.admin)
        .await
        .expect(200);
    assert!(patient.body["phone"].is_null() && patient.body["date_of_birth"].is_null());
    assert_nulls_declared(&spec, "Patient", &patient.body);
    let page = app.get("/api/v1/patients", &h.admin).await.expect(200);
    assert!(page.body["next_cursor"].is_null());
    assert_nulls_declared(&spec, "Listing_Patient", &page.body);
    let events = app.get("/api/v1/audit-events", &h.admin).await.expect(200);
    for e in events.body["items"].as_array().unwrap() {
        assert_nulls_declared(&spec, "AuditEvent", e);
    }
    // Limits the server enforces are in the spec.
    let limit = spec["paths"]["/api/v1/patients"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .unwrap()["schema"]
        .clone();
    assert_eq!(
        (limit["minimum"].as_f64(), limit["maximum"].as_f64()),
        (Some(1.0), Some(200.0))
    );
    assert_eq!(
        spec["components"]["schemas"]["NewAppointment"]["additionalProperties"],
        false
    );
}

#[tokio::test]
async fn the_request_id_is_ours_whatever_the_client_sends() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let r = app
        .client
        .get(format!("{}/api/v1/patients/{}", app.base, p.id))
        .bearer_auth(&h.admin)
        .header("x-request-id", "forged-id-0001")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let ours = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(ours, "forged-id-0001");
    assert!(uuid::Uuid::parse_str(&ours).is_ok(), "{ours}");
    let n = sql_i64(
        &app,
        "select count(*) from audit_event where request_id = 'forged-id-0001'",
    )
    .await;
    assert_eq!(n, 0, "a client's id is never the audit trail's");
    let mine = sql_i64(
        &app,
        &format!(
            "select count(*) from audit_event where request_id = '{ours}' and action = 'patient.read'"
        ),
    )
    .await;
    assert_eq!(mine, 1);
}

#[tokio::test]
async fn public_prescription_verification_is_rate_limited_per_address() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.verifications_per_ip_per_minute = 3),
        ..Default::default()
    })
    .await;
    let code = |ip: &'static str| {
        let (client, url) = (
            app.client.clone(),
            format!(
                "{}/api/v1/prescription-verifications/ABCD-EFGH-JKMN",
                app.base
            ),
        );
        async move {
            let r = client
                .get(url)
                .header("x-forwarded-for", ip)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.headers().contains_key("retry-after"))
        }
    };
    for _ in 0..3 {
        assert_eq!(code("192.0.2.9").await, (404, false));
    }
    assert_eq!(code("192.0.2.9").await, (429, true));
    assert_eq!(code("192.0.2.10").await.0, 404, "another address");
}

#[tokio::test]
async fn text_fields_refuse_json_booleans_and_numbers() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let r = app
        .patch("/api/v1/auth/me", &p.token, json!({"full_name": false}))
        .await;
    assert_problem(&r, 400);
    assert_eq!(r.body["detail"], "full_name must be a JSON string");
    let r = app
        .patch(
            &format!("/api/v1/patients/{}", p.id),
            &h.admin,
            json!({"phone": 9_841_000_000_u64}),
        )
        .await;
    assert_problem(&r, 400);
    let me = app.get("/api/v1/auth/me", &p.token).await.expect(200);
    assert_eq!(me.body["full_name"], "Pat Test", "nothing was written");
    let profile = app
        .get(&format!("/api/v1/patients/{}", p.id), &h.admin)
        .await
        .expect(200);
    assert!(profile.body["phone"].is_null());
}

#[tokio::test]
async fn an_old_proposal_cannot_move_a_rejected_appointment() {
    let app = spawn_app().await;
    let (d, p, slots) = bookable(&app).await;
    let (first, later) = (slots[0].clone(), slots[3].clone());
    let id = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": d.id, "start_at": first, "reason": "x"}),
        )
        .await
        .expect(201)
        .id();
    let path = |action: &str| format!("/api/v1/appointments/{id}/{action}");
    app.post(&path("propose"), Some(&d.token), json!({"start_at": later}))
        .await
        .expect(200);
    let rejected = app
        .post(
            &path("reject"),
            Some(&d.token),
            json!({"reason": "fully booked"}),
        )
        .await
        .expect(200);
    assert_eq!(rejected.body["status"], "rejected");
    let r = app
        .post(&path("accept-proposal"), Some(&p.token), json!({}))
        .await;
    assert_problem(&r, 409);
    let after = app
        .get(&format!("/api/v1/appointments/{id}"), &p.token)
        .await
        .expect(200);
    assert_eq!(after.body["status"], "rejected");
    assert_eq!(after.body["start_at"], rejected.body["start_at"]);
}

#[tokio::test]
async fn repeated_days_off_answer_422_and_a_null_body_400() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let r = app
        .request(
            Method::PUT,
            &format!("/api/v1/doctors/{}/availability", d.id),
            Some(&d.token),
            Some(json!({"timezone": "UTC", "slot_minutes": 30,
                        "rules": [{"weekday": 1, "start": "09:00", "end": "12:00"}],
                        "exceptions": [{"date": "2026-12-25"}, {"date": "2026-12-25"}]})),
        )
        .await;
    assert_problem(&r, 422);
    assert!(r.text.contains("2026-12-25"), "{}", r.text);
    let r = app
        .client
        .post(format!(
            "{}/api/v1/appointments/{}/approve",
            app.base,
            uuid::Uuid::now_v7()
        ))
        .bearer_auth(&d.token)
        .header("content-type", "application/json")
        .body("null")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
}
