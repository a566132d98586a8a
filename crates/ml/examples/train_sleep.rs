//! `cargo run --release -p carebridge-ml --example train_sleep -- [OUT_DIR]`: trains the
//! sleep-staging model on synthetic nights without building the server (the same code as
//! `carebridge train sleep`).

fn main() -> anyhow::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "models".into());
    let config = carebridge_ml::train::TrainConfig::default();
    let report = carebridge_ml::train::run(&config, None, std::path::Path::new(&out), "v1", |l| {
        eprintln!("{l}")
    })?;
    print!("{}", carebridge_ml::train::describe(&report));
    Ok(())
}
