use crate::helpers::spawn_app;

const REGENERATE: &str = "cargo run --quiet -- openapi > openapi/openapi.json";

#[test]
fn the_committed_spec_matches_the_code() {
    let generated: serde_json::Value = serde_json::from_str(&carebridge::app::spec()).unwrap();
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .unwrap_or_else(|_| panic!("openapi/openapi.json is missing; run: {REGENERATE}")),
    )
    .unwrap();
    assert!(
        generated == committed,
        "openapi/openapi.json differs from the code; run: {REGENERATE}"
    );
}

#[tokio::test]
async fn the_served_spec_is_the_committed_one_and_docs_are_served() {
    let app = spawn_app().await;
    let served: serde_json::Value = app
        .client
        .get(format!("{}/openapi.json", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .unwrap(),
    )
    .unwrap();
    assert!(
        served == committed,
        "served spec differs; run: {REGENERATE}"
    );
    for path in [
        "/api/v1/auth/login",
        "/api/v1/auth/me",
        "/api/v1/hospitals/{id}",
        "/api/v1/patients/{id}/care-team",
    ] {
        assert!(
            served["paths"].get(path).is_some(),
            "{path} missing from the spec"
        );
    }
    let docs = app
        .client
        .get(format!("{}/docs", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(docs.status().as_u16(), 200);
    assert!(docs.text().await.unwrap().contains("swagger"));
}
