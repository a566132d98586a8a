//! `cargo run --release -p carebridge-ml --example train_specialty -- [OUT_DIR]`: trains the
//! specialty-suggestion classifier on the curated phrases (the same code as `carebridge train
//! specialty`).

fn main() -> anyhow::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "models".into());
    let config = carebridge_ml::specialty::TrainConfig::default();
    let r = carebridge_ml::specialty::run(&config, None, std::path::Path::new(&out), "v1", |l| {
        eprintln!("{l}")
    })?;
    print!("{}", carebridge_ml::specialty::describe(&r));
    Ok(())
}
