//! `cargo run --release -p carebridge-ml --example train_xray -- [OUT_DIR]`: trains the chest
//! X-ray triage network on synthetic phantoms (the same code as `carebridge train xray`).

fn main() -> anyhow::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "models".into());
    let r = carebridge_ml::xray::run(std::path::Path::new(&out), "v1", 2000, 8, |l| {
        eprintln!("{l}")
    })?;
    println!(
        "chest X-ray {}: {} training phantoms, held-out accuracy {:.3} on {} unseen phantoms, {:.0} s",
        r.version, r.train_images, r.eval_accuracy, r.eval_images, r.seconds
    );
    Ok(())
}
