//! The real `carebridge serve` binary as a child process, on a test's database and Redis
//! namespace, for what only a process shows: signals, exit status, its own pools.

use std::{
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

use secrecy::ExposeSecret;

use crate::helpers::{TestApp, free_port};

pub struct Process {
    pub base: String,
    child: Child,
}

impl Process {
    /// Starts `carebridge serve` on `app`'s database, Redis and namespace (with `env` on top)
    /// and waits until it answers `/healthz`.
    pub async fn serve(app: &TestApp, env: &[(&str, String)]) -> Process {
        Self::serve_on(app, free_port(), env).await
    }

    /// [`Process::serve`] on a given port (an instance started again where a load balancer
    /// expects it).
    pub async fn serve_on(app: &TestApp, port: u16, env: &[(&str, String)]) -> Process {
        let c = &app.config;
        let data_dir = std::env::temp_dir().join(format!("carebridge-proc-{}-{port}", app.db));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_carebridge"));
        cmd.arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", c.database_url.expose_secret())
            .env("DATABASE_SYSTEM_URL", c.database_system_url.expose_secret())
            .env("DATABASE_ADMIN_URL", c.database_admin_url.expose_secret())
            .env("DATABASE_POOL_SIZE", "4")
            .env("REDIS_URL", c.redis_url.expose_secret())
            .env("REDIS_NAMESPACE", &c.redis_namespace)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("DATA_DIR", &data_dir)
            .env("WEB_DIR", "/nonexistent")
            .env("TRUST_FORWARDED_FOR", "true")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if let Some(k) = &c.master_key {
            cmd.env("MASTER_KEY", k.to_base64());
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("starting carebridge serve");
        let base = format!("http://127.0.0.1:{port}");
        let p = Process { base, child };
        let client = reqwest::Client::new();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if let Ok(r) = client.get(format!("{}/healthz", p.base)).send().await
                && r.status().is_success()
            {
                return p;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("carebridge serve did not come up");
    }

    /// Sends SIGTERM, as an orchestrator stopping the instance does.
    pub fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -TERM failed");
    }

    /// Waits for the exit, up to `within`; panics (after killing it) when it does not come.
    pub async fn exit(&mut self, within: Duration) -> (ExitStatus, Duration) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, start.elapsed());
            }
            if start.elapsed() > within {
                let _ = self.child.kill();
                panic!("the process did not exit within {within:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
