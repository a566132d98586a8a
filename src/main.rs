use clap::Parser;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's settings for this server. mimalloc reads them from `MIMALLOC_*` variables when the
/// process loads, before `main` (setting them later changes nothing, and its `mi_option_set` is
/// FFI, which this workspace forbids), so a process started without them sets them and replaces
/// itself once ([`with_allocator_settings`]). A value the operator set wins.
///
/// Why (issue 21, `scripts/bench.sh records`, debug build, 50 MiB upload then download, 3 runs):
/// with mimalloc v3's defaults — freed pages purged only after 1 s, and then only when the same
/// allocator runs again; transparent huge pages asked for its arenas — memory a request freed
/// stayed resident, and the server's peak during uploads was 104 MiB above idle (one upload's own
/// peak 49 MiB). Purging at once, on 4 KiB pages, gives 23 MiB above idle and 16 MiB for one
/// upload: its two 8 MiB S3 parts. (Each alone: 65 and 92 MiB; a 10 ms delay: 56 MiB; mimalloc
/// v2: 83 MiB; glibc malloc: 50 MiB, from a higher idle.)
const ALLOCATOR_SETTINGS: [(&str, &str); 2] =
    [("MIMALLOC_PURGE_DELAY", "0"), ("MIMALLOC_ALLOW_THP", "0")];

/// Re-executes this binary (`exec`: same pid, same arguments) with the missing
/// [`ALLOCATOR_SETTINGS`]; returns only when they are all set already, or when `exec` failed
/// (then the process runs with mimalloc's defaults, and says so).
fn with_allocator_settings() {
    use std::os::unix::process::CommandExt;
    let missing: Vec<_> = ALLOCATOR_SETTINGS
        .iter()
        .filter(|(k, _)| std::env::var_os(k).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    // The running file itself, even if a deploy has replaced the path since.
    let exe = std::path::Path::new("/proc/self/exe");
    if !exe.exists() {
        return;
    }
    let mut args = std::env::args_os();
    let mut cmd = std::process::Command::new(exe);
    if let Some(arg0) = args.next() {
        cmd.arg0(arg0);
    }
    cmd.args(args).envs(missing.iter().map(|(k, v)| (k, v)));
    let err = cmd.exec();
    eprintln!("warning: allocator settings not applied ({err}); running with mimalloc's defaults");
}

fn main() -> std::process::ExitCode {
    with_allocator_settings();
    let cli = carebridge::cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: starting the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(carebridge::cli::run(cli));
    // A drained server may leave a model computing on the blocking pool: its job was already
    // queued again, so the process does not wait for it (dropping the runtime would).
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
