//! policies/matrix.csv is the reviewed expectation of who may do what. The enforcer must agree
//! with every row, and the API must answer 403 exactly where a row says no.

use carebridge::auth::authz::Authz;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::spawn_app;

struct Row {
    role: String,
    object: String,
    action: String,
    allowed: bool,
}

fn matrix() -> Vec<Row> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/policies/matrix.csv"))
        .unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').map(str::trim).collect();
            Row {
                role: f[0].into(),
                object: f[1].into(),
                action: f[2].into(),
                allowed: f[3] == "true",
            }
        })
        .collect()
}

#[tokio::test]
async fn the_enforcer_agrees_with_every_row_and_the_matrix_covers_the_policy() {
    let authz = Authz::base().await.unwrap();
    let rows = matrix();
    let domain = Uuid::now_v7().to_string();
    for r in &rows {
        let dom = if r.role == "super_admin" {
            "platform"
        } else {
            &domain
        };
        let got = authz
            .allows(&r.role, dom, &r.object, &r.action)
            .await
            .unwrap();
        assert_eq!(got, r.allowed, "{} {} {}", r.role, r.object, r.action);
    }
    for line in carebridge::auth::authz::BASE_POLICY
        .lines()
        .filter(|l| l.starts_with("p,"))
    {
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        assert!(
            rows.iter()
                .any(|r| r.role == f[1] && r.object == f[3] && r.action == f[4] && r.allowed),
            "policy line {line:?} is not in the matrix"
        );
    }
}

#[tokio::test]
async fn the_api_answers_403_exactly_where_the_matrix_says_no() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    let nobody = Uuid::now_v7();
    let tokens = [
        ("super_admin", root.clone()),
        ("hospital_admin", h.admin.clone()),
        ("doctor", d.token.clone()),
        ("patient", p.token.clone()),
    ];
    // Each call is harmless when allowed: an invalid value (422) or an unknown id (404) stops it
    // after the authorization check.
    let call = |object: &str, action: &str| -> (Method, String, Option<Value>) {
        let pid = p.id;
        let hid = h.id;
        match (object, action) {
            ("hospital", "create") => (
                Method::POST,
                "/api/v1/hospitals".into(),
                Some(
                    json!({"name": "X", "slug": "!", "timezone": "UTC", "currency": "USD", "appointment_fee": 1, "payment_provider": "none", "admin": {"email": "a@b.test", "full_name": "A", "password": "correct horse battery"}}),
                ),
            ),
            ("hospital", "list") => (Method::GET, "/api/v1/hospitals".into(), None),
            ("hospital", "read") => (Method::GET, format!("/api/v1/hospitals/{hid}"), None),
            ("hospital", "update") => (
                Method::PATCH,
                format!("/api/v1/hospitals/{hid}"),
                Some(json!({"currency": "??"})),
            ),
            ("hospital", "suspend") => (
                Method::PATCH,
                format!("/api/v1/hospitals/{hid}"),
                Some(json!({"suspended": true, "currency": "??"})),
            ),
            ("doctor", "create") => (
                Method::POST,
                "/api/v1/doctors".into(),
                Some(
                    json!({"email": "bad", "full_name": "X", "password": "correct horse battery", "specialization": "x", "license_number": "1"}),
                ),
            ),
            ("doctor", "list") => (Method::GET, "/api/v1/doctors".into(), None),
            ("doctor", "read") => (Method::GET, format!("/api/v1/doctors/{nobody}"), None),
            ("patient", "create") => (
                Method::POST,
                "/api/v1/patients".into(),
                Some(
                    json!({"email": "bad", "full_name": "X", "password": "correct horse battery"}),
                ),
            ),
            ("patient", "list") => (Method::GET, "/api/v1/patients".into(), None),
            ("patient", "read") => (Method::GET, format!("/api/v1/patients/{pid}"), None),
            ("patient", "update") => (
                Method::PATCH,
                format!("/api/v1/patients/{pid}"),
                Some(json!({"sex": "?"})),
            ),
            ("patient", "update_contact") => (
                Method::PATCH,
                format!("/api/v1/patients/{pid}"),
                Some(json!({"phone": "?"})),
            ),
            ("care_team", "assign") => (
                Method::POST,
                format!("/api/v1/patients/{pid}/care-team"),
                Some(json!({"doctor_id": nobody})),
            ),
            ("care_team", "remove") => (
                Method::DELETE,
                format!("/api/v1/patients/{pid}/care-team/{nobody}"),
                None,
            ),
            ("audit_event", "list") => (Method::GET, "/api/v1/audit-events".into(), None),
            ("access_log", "read") => (
                Method::GET,
                format!("/api/v1/patients/{pid}/access-log"),
                None,
            ),
            ("role", "create") => (
                Method::POST,
                "/api/v1/roles".into(),
                Some(json!({"name": "!", "permissions": []})),
            ),
            ("role", "list") => (Method::GET, "/api/v1/roles".into(), None),
            ("role", "delete") => (Method::DELETE, "/api/v1/roles/no_such_role".into(), None),
            ("member", "create") => (
                Method::POST,
                "/api/v1/staff".into(),
                Some(
                    json!({"email": "a@b.test", "full_name": "X", "password": "correct horse battery", "role": "no_such_role"}),
                ),
            ),
            ("member", "deactivate") => (
                Method::POST,
                format!("/api/v1/members/{nobody}/deactivate"),
                None,
            ),
            ("member", "list") => (Method::GET, "/api/v1/members".into(), None),
            ("care_team", "list") => (
                Method::GET,
                format!("/api/v1/patients/{nobody}/care-team"),
                None,
            ),
            ("member", "reset_totp") => (
                Method::POST,
                format!("/api/v1/members/{nobody}/reset-totp"),
                None,
            ),
            ("member", "reset_password") => (
                Method::POST,
                format!("/api/v1/members/{nobody}/reset-password"),
                None,
            ),
            ("availability", "update") => (
                Method::PUT,
                format!("/api/v1/doctors/{nobody}/availability"),
                Some(json!({"timezone": "UTC", "slot_minutes": 30, "rules": []})),
            ),
            ("slot", "list") => (
                Method::GET,
                format!(
                    "/api/v1/doctors/{nobody}/slots?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z"
                ),
                None,
            ),
            ("appointment", "create") => (
                Method::POST,
                "/api/v1/appointments".into(),
                Some(
                    json!({"doctor_id": nobody, "start_at": "2030-01-01T09:00:00Z", "reason": ""}),
                ),
            ),
            ("appointment", "list") => (Method::GET, "/api/v1/appointments".into(), None),
            ("appointment", "read") => {
                (Method::GET, format!("/api/v1/appointments/{nobody}"), None)
            }
            ("appointment", act) => (
                Method::POST,
                format!("/api/v1/appointments/{nobody}/{}", act.replace('_', "-")),
                Some(json!({})),
            ),
            ("notification", "list") => (Method::GET, "/api/v1/notifications".into(), None),
            ("outbox", "list") => (Method::GET, "/api/v1/outbox".into(), None),
            ("conversation", "create") => (
                Method::POST,
                "/api/v1/conversations".into(),
                Some(json!({"patient_id": nobody})),
            ),
            ("conversation", "list") => (Method::GET, "/api/v1/conversations".into(), None),
            ("message", "create") => (
                Method::POST,
                format!("/api/v1/conversations/{nobody}/messages"),
                Some(json!({"body": "x", "client_id": "m"})),
            ),
            ("message", "list") => (
                Method::GET,
                format!("/api/v1/conversations/{nobody}/messages"),
                None,
            ),
            ("call", "read") => (
                Method::GET,
                format!("/api/v1/appointments/{nobody}/call"),
                None,
            ),
            ("payment", "create") => (
                Method::POST,
                format!("/api/v1/appointments/{nobody}/payments"),
                Some(json!({})),
            ),
            ("payment", "read") => (Method::GET, format!("/api/v1/payments/{nobody}"), None),
            ("payment", "refund") => (
                Method::POST,
                format!("/api/v1/payments/{nobody}/refunded"),
                None,
            ),
            ("document", "create") => (
                Method::POST,
                format!("/api/v1/patients/{nobody}/documents"),
                Some(json!({})),
            ),
            ("document", "list") => (
                Method::GET,
                format!("/api/v1/patients/{nobody}/documents"),
                None,
            ),
            ("document", "read") => (
                Method::GET,
                format!("/api/v1/documents/{nobody}/content"),
                None,
            ),
            ("encounter", "create") => (
                Method::POST,
                "/api/v1/encounters".into(),
                Some(json!({"patient_id": nobody})),
            ),
            ("encounter", "list") => (
                Method::GET,
                format!("/api/v1/encounters?patient_id={nobody}"),
                None,
            ),
            ("encounter", "read") => (Method::GET, format!("/api/v1/encounters/{nobody}"), None),
            ("note", "create") => (
                Method::POST,
                format!("/api/v1/patients/{nobody}/notes"),
                Some(json!({"body": "x"})),
            ),
            ("note", "list") => (
                Method::GET,
                format!("/api/v1/patients/{nobody}/notes"),
                None,
            ),
            ("note", "read") => (Method::GET, format!("/api/v1/notes/{nobody}"), None),
            ("prescription", "create") => (
                Method::POST,
                "/api/v1/prescriptions".into(),
                Some(json!({"patient_id": nobody, "items": []})),
            ),
            ("prescription", "list") => (
                Method::GET,
                "/api/v1/prescriptions?status=bogus".into(),
                None,
            ),
            ("prescription", "read") => {
                (Method::GET, format!("/api/v1/prescriptions/{nobody}"), None)
            }
            ("prescription", "cancel") => (
                Method::POST,
                format!("/api/v1/prescriptions/{nobody}/cancel"),
                None,
            ),
            ("prescription", "dispense") => (
                Method::POST,
                format!("/api/v1/prescriptions/{nobody}/dispense"),
                None,
            ),
            ("consent", "create") => (
                Method::POST,
                format!("/api/v1/patients/{nobody}/consents"),
                Some(json!({"grantee_user_id": nobody, "scope": "records"})),
            ),
            ("consent", "list") => (
                Method::GET,
                format!("/api/v1/patients/{nobody}/consents"),
                None,
            ),
            ("consent", "read") => (Method::GET, format!("/fhir/R4/Consent/{nobody}"), None),
            ("consent", "revoke") => (
                Method::DELETE,
                format!("/api/v1/patients/{nobody}/consents/{nobody}"),
                None,
            ),
            ("break_glass", "create") => (
                Method::POST,
                format!("/api/v1/patients/{nobody}/break-glass"),
                Some(json!({"reason": "x"})),
            ),
            ("inference", "create") => (
                Method::POST,
                "/api/v1/inference/jobs".into(),
                Some(json!({"kind": "sleep_staging", "document_id": nobody})),
            ),
            ("inference", "read") => (
                Method::GET,
                format!("/api/v1/inference/jobs/{nobody}"),
                None,
            ),
            ("inference", "list") => (
                Method::GET,
                format!("/api/v1/inference/jobs?patient_id={nobody}"),
                None,
            ),
            ("inference", "cancel") => (
                Method::POST,
                format!("/api/v1/inference/jobs/{nobody}/cancel"),
                None,
            ),
            ("inference", "correct") => (
                Method::PUT,
                format!("/api/v1/inference/jobs/{nobody}/corrections"),
                Some(json!({"corrections": []})),
            ),
            ("model", "list") => (Method::GET, "/api/v1/models".into(), None),
            ("model", "create") => (
                Method::POST,
                "/api/v1/models/xray/versions?version=v9".into(),
                Some(json!({})),
            ),
            ("model", "update") => (
                Method::POST,
                "/api/v1/models/sleep_staging/versions/nope/status".into(),
                Some(json!({"status": "bogus"})),
            ),
            ("vitals", "create") => (
                Method::POST,
                format!("/api/v1/patients/{nobody}/vitals"),
                Some(
                    json!({"respiratory_rate": 0, "spo2": 97, "spo2_scale": 1, "on_oxygen": false, "systolic_bp": 120, "heart_rate": 70, "consciousness": "A", "temperature_c": 37.0}),
                ),
            ),
            ("vitals", "list") => (
                Method::GET,
                format!("/api/v1/patients/{nobody}/vitals"),
                None,
            ),
            ("vitals", "read") => (Method::GET, format!("/fhir/R4/Observation/{nobody}"), None),
            ("alert", "list") => (Method::GET, "/api/v1/alerts".into(), None),
            ("alert", "acknowledge") => (
                Method::POST,
                format!("/api/v1/alerts/{nobody}/acknowledge"),
                None,
            ),
            ("rating", "create") => (
                Method::POST,
                format!("/api/v1/appointments/{nobody}/rating"),
                Some(json!({"stars": 5})),
            ),
            ("rating", "read") => (
                Method::GET,
                format!("/api/v1/appointments/{nobody}/rating"),
                None,
            ),
            ("rating", "list") => (Method::GET, "/api/v1/ratings/doctors".into(), None),
            ("hospital_analytics", "read") => (
                Method::GET,
                "/api/v1/analytics/hospital?from=2030-01-02&to=2030-01-01".into(),
                None,
            ),
            ("platform_analytics", "read") => (
                Method::GET,
                "/api/v1/analytics/platform?from=2030-01-02&to=2030-01-01".into(),
                None,
            ),
            ("specialty_suggestion", "create") => (
                Method::POST,
                "/api/v1/specialty-suggestions".into(),
                Some(json!({"reason": " "})),
            ),
            other => panic!("no call for {other:?}: add one"),
        }
    };
    let mut checked = 0;
    // `delegable` is no role anyone holds: those permissions reach pharmacists through custom
    // roles, tested in records.rs.
    for r in matrix().into_iter().filter(|r| r.role != "delegable") {
        let token = &tokens
            .iter()
            .find(|(role, _)| *role == r.role)
            .expect("role in matrix")
            .1;
        let (method, path, body) = call(&r.object, &r.action);
        let resp = app.request(method.clone(), &path, Some(token), body).await;
        let forbidden = resp.status.as_u16() == 403;
        assert_eq!(
            forbidden, !r.allowed,
            "{} {} {} -> {method} {path} answered {}: {}",
            r.role, r.object, r.action, resp.status, resp.text
        );
        assert!(resp.status.as_u16() < 500, "{method} {path}: {}", resp.text);
        checked += 1;
    }
    assert!(checked >= 80);
    // Nothing was suspended by the probes.
    app.get("/api/v1/auth/me", &h.admin).await.expect(200);
}
