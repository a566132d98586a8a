//! `cargo bench --bench ml`: staging one 8-hour night (960 epochs) end to end from EDF bytes
//! with the committed Burn model; the same architecture and weights as ONNX under onnxruntime
//! (PyPI, installed by scripts/tools.sh); and the inference queue's throughput with two
//! hospitals sharing the workers. Environment: BENCH_REPS (default 5), BENCH_JOBS (default 8
//! per hospital).

mod common;

use std::time::{Duration, Instant};

use carebridge_ml::{stage::Stager, synth};
use common::*;
use serde_json::json;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn python() -> std::path::PathBuf {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    std::path::PathBuf::from(home).join(".cache/carebridge-tools/venv/bin/python")
}

fn f32_file(path: &std::path::Path, values: impl Iterator<Item = f32>) -> anyhow::Result<()> {
    let bytes: Vec<u8> = values.flat_map(f32::to_le_bytes).collect();
    std::fs::write(path, bytes)?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if skipped("ml") {
        return Ok(());
    }
    let reps = env_or("BENCH_REPS", 5) as usize;
    let night = synth::night(2026, 960);
    let edf = synth::to_edf(&night);
    let stager = Stager::from_bytes(carebridge::inference::registry::BUILTIN_SLEEP)?;

    // 1. End to end from EDF bytes: parse, channel, resample, epochs, normalise, network, summary.
    let _ = stager.stage_edf(&edf)?;
    let mut total = Vec::new();
    for _ in 0..reps {
        let t = Instant::now();
        let staged = stager.stage_edf(&edf)?;
        total.push(t.elapsed().as_secs_f64());
        anyhow::ensure!(staged.stages.len() == 960);
    }
    let rec = carebridge_ml::edf::parse(&edf)?;
    let (_, epochs) = carebridge_ml::signal::prepare(&rec).expect("an EEG channel");
    let mut network = Vec::new();
    let mut probs = Vec::new();
    for _ in 0..reps {
        let t = Instant::now();
        probs = stager.probabilities(&epochs)?;
        network.push(t.elapsed().as_secs_f64());
    }
    let (e2e, burn_net) = (median(total), median(network));
    println!(
        "ml bench: one 8-hour night (960 epochs, EDF {:.1} MB), medians of {reps}",
        edf.len() as f64 / 1e6
    );
    println!(
        "  Burn (flex, CPU) end to end from EDF bytes   {:7.3} s   (target <= 1.0 s)",
        e2e
    );
    println!(
        "  Burn network alone                           {:7.3} s",
        burn_net
    );

    // 2. The same weights as ONNX, under onnxruntime.
    let dir = std::env::temp_dir().join(format!("carebridge-ml-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("w.safetensors"), stager.safetensors()?)?;
    f32_file(&dir.join("x.f32"), epochs.iter().flatten().copied())?;
    f32_file(&dir.join("p.f32"), probs.iter().flatten().copied())?;
    let out = std::process::Command::new(python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/benches/tools/onnx_sleep.py"
        ))
        .arg(dir.join("w.safetensors"))
        .arg(dir.join("x.f32"))
        .arg(dir.join("p.f32"))
        .arg(epochs.len().to_string())
        .arg(reps.to_string())
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "onnx_sleep.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let onnx: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let ort = onnx["seconds"].as_f64().unwrap_or(f64::NAN);
    println!(
        "  onnxruntime {} network alone              {:7.3} s   Burn / onnxruntime = {:.2}x (target <= 2x)",
        onnx["onnxruntime"].as_str().unwrap_or("?"),
        ort,
        burn_net / ort
    );
    println!(
        "  same outputs: max |p_burn - p_onnx| = {:.2e}, argmax agreement {:.4}",
        onnx["max_abs_diff"].as_f64().unwrap_or(f64::NAN),
        onnx["argmax_agreement"].as_f64().unwrap_or(f64::NAN)
    );
    let _ = std::fs::remove_dir_all(&dir);

    // 3. The queue: two hospitals each queue BENCH_JOBS nights; two workers.
    let jobs = env_or("BENCH_JOBS", 8) as usize;
    let mut config = fresh_database("carebridge_bench_ml").await?;
    config.inference_workers = 2;
    config.data_dir =
        std::env::temp_dir().join(format!("carebridge-ml-bench-data-{}", std::process::id()));
    config.s3 = None;
    config.master_key = Some(std::sync::Arc::new(
        carebridge::crypto::SecretKey::generate(),
    ));
    let base = start_app(config.clone()).await?;
    let client = reqwest::Client::new();
    create_root(&config, "root@bench.test").await?;
    let root = login(&client, &base, "root@bench.test").await?;
    let mut hospitals = Vec::new();
    for h in ["alpha", "beta"] {
        post(&client, format!("{base}/api/v1/hospitals"), Some(&root), json!({"name": h, "slug": h, "timezone": "UTC",
            "currency": "USD", "appointment_fee": 0, "payment_provider": "none", "ai_assistance": true,
            "admin": {"email": format!("admin@{h}.test"), "full_name": "Admin", "password": PASSWORD}})).await?;
        let admin = login_at(&client, &base, &format!("admin@{h}.test"), h).await?;
        let d = post(&client, format!("{base}/api/v1/doctors"), Some(&admin), json!({"email": format!("dr@{h}.test"),
            "full_name": "Dr", "password": PASSWORD, "specialization": "Neurology", "license_number": format!("L-{h}")})).await?;
        let pid = patient_in_care_of(
            &client,
            &base,
            &admin,
            &format!("p@{h}.test"),
            "P",
            d["id"].as_str().unwrap(),
        )
        .await?;
        let dr = login_at(&client, &base, &format!("dr@{h}.test"), h).await?;
        let form = reqwest::multipart::Form::new()
            .text("title", "night")
            .text("kind", "eeg")
            .part(
                "file",
                reqwest::multipart::Part::bytes(edf.clone()).file_name("night.edf"),
            );
        let doc: serde_json::Value = client
            .post(format!("{base}/api/v1/patients/{pid}/documents"))
            .bearer_auth(&dr)
            .multipart(form)
            .send()
            .await?
            .json()
            .await?;
        hospitals.push((h, dr, doc["id"].as_str().unwrap().to_string()));
    }
    let t = Instant::now();
    let mut queued = Vec::new();
    // Alpha queues all its jobs first, then beta: the completion order is the queue's own.
    for (h, dr, doc) in &hospitals {
        for _ in 0..jobs {
            let j = post(
                &client,
                format!("{base}/api/v1/inference/jobs"),
                Some(dr),
                json!({"kind": "sleep_staging", "document_id": doc}),
            )
            .await?;
            queued.push((*h, dr.clone(), j["id"].as_str().unwrap().to_string()));
        }
    }
    let mut finished = Vec::new();
    for (h, dr, id) in &queued {
        loop {
            let j: serde_json::Value = client
                .get(format!("{base}/api/v1/inference/jobs/{id}"))
                .bearer_auth(dr)
                .send()
                .await?
                .json()
                .await?;
            match j["status"].as_str() {
                Some("succeeded") => {
                    finished.push((j["finished_at"].as_str().unwrap().to_string(), *h));
                    break;
                }
                Some("failed") | Some("cancelled") => anyhow::bail!("job {id}: {j}"),
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }
    let elapsed = t.elapsed().as_secs_f64();
    finished.sort();
    let order: String = finished
        .iter()
        .map(|(_, h)| if *h == "alpha" { 'a' } else { 'b' })
        .collect();
    println!(
        "  queue: {} jobs of 960 epochs from 2 hospitals, 2 workers: {:.1} s, {:.2} jobs/s, {:.0} epochs/s",
        queued.len(),
        elapsed,
        queued.len() as f64 / elapsed,
        (queued.len() * 960) as f64 / elapsed
    );
    println!("  completion order by hospital: {order}");
    let _ = std::fs::remove_dir_all(&config.data_dir);
    Ok(())
}

async fn login_at(
    client: &reqwest::Client,
    base: &str,
    email: &str,
    hospital: &str,
) -> anyhow::Result<String> {
    let v = post(
        client,
        format!("{base}/api/v1/auth/login"),
        None,
        json!({"email": email, "password": PASSWORD, "hospital": hospital}),
    )
    .await?;
    Ok(v["token"].as_str().unwrap().to_string())
}
