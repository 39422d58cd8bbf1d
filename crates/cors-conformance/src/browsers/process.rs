//! Child processes (drivers, Xvfb) that are stopped when the harness drops them, and port helpers.

use std::fs::File;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// A child process killed (and reaped) on drop.
pub struct Child(tokio::process::Child);

impl Child {
    /// Spawns `program` with `args` and extra environment, its output appended to `log`.
    pub fn spawn(
        program: &str,
        args: &[String],
        env: &[(&str, String)],
        log: &Path,
    ) -> std::io::Result<Child> {
        let out = File::create(log)?;
        let err = out.try_clone()?;
        let mut command = tokio::process::Command::new(program);
        command
            .args(args)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .kill_on_drop(true);
        for (key, value) in env {
            command.env(key, value);
        }
        command.spawn().map(Child)
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.start_kill();
    }
}

/// A TCP port nobody listens on right now.
pub fn free_port() -> std::io::Result<u16> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
    Ok(listener.local_addr()?.port())
}

/// Waits up to 30 s for something to listen on `port`.
pub async fn wait_for_port(port: u16) -> Result<(), String> {
    for _ in 0..300 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("nothing listened on port {port} after 30 s"))
}
