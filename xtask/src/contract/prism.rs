//! Stoplight Prism mocking a document on 127.0.0.1: started on a free port, awaited until it
//! answers, and killed when the handle is dropped — on success, error and panic alike. (It stays
//! in xtask's process group, so a Ctrl-C in the terminal reaches it too.)

use std::fs::File;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Where `npm ci` puts the pinned Prism (see `package.json`).
pub const PRISM_BIN: &str = "node_modules/.bin/prism";

/// How long Prism may take to read the document and listen.
const STARTUP_LIMIT: Duration = Duration::from_secs(90);

pub struct Prism {
    child: Child,
    pub base_url: String,
    log: PathBuf,
}

impl Prism {
    /// Starts `prism mock` on `document`, logging to `log`, and waits until it listens.
    pub fn start(root: &Path, document: &Path, log: &Path) -> Result<Self, String> {
        let binary = root.join(PRISM_BIN);
        if !binary.exists() {
            return Err(format!(
                "{} not found: run `npm ci` at the workspace root (`cargo xtask test` does)",
                binary.display()
            ));
        }
        let port = free_port()?;
        let output = File::create(log).map_err(|error| format!("{}: {error}", log.display()))?;
        let errors = output
            .try_clone()
            .map_err(|error| format!("{}: {error}", log.display()))?;
        let child = Command::new(&binary)
            .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
            .arg(document)
            .current_dir(root)
            .stdin(Stdio::null())
            .stdout(output)
            .stderr(errors)
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let mut prism = Self {
            child,
            base_url: format!("http://127.0.0.1:{port}"),
            log: log.to_path_buf(),
        };
        prism.wait_until_listening(SocketAddr::from(([127, 0, 0, 1], port)))?;
        Ok(prism)
    }

    fn wait_until_listening(&mut self, address: SocketAddr) -> Result<(), String> {
        let started = Instant::now();
        // Prism binds only once the document is loaded, so a connection means it is ready.
        while started.elapsed() < STARTUP_LIMIT {
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                return Ok(());
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "Prism exited ({status}) before listening; its log:\n{}",
                    self.log_tail()
                ));
            }
            sleep(Duration::from_millis(250));
        }
        Err(format!(
            "Prism did not listen on {address} within {STARTUP_LIMIT:?}; its log:\n{}",
            self.log_tail()
        ))
    }

    /// The end of Prism's log, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // Already gone (crashed) is fine; otherwise kill and reap it, so no mock outlives us.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// A port that was free a moment ago (the OS picks it).
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .map_err(|error| format!("cannot find a free port: {error}"))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|error| format!("cannot find a free port: {error}"))
}
