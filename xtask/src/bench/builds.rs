//! Build time of each generated client as a crate of its own, dependencies prebuilt: a cold
//! build (the crate's artifacts cleaned first) and an incremental rebuild after the document
//! gains one field (`instantly-bench emit … --add-field`). The generators alternate run by
//! run, in one workspace (`target/bench/clients`) whose target directory holds the shared
//! dependencies.

use super::generation::{Generated, Results};
use super::{Document, Paths, median};
use crate::process::run_checked;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Build timings of one generator's client of one document.
#[derive(Debug, Clone)]
pub struct Built {
    pub slug: &'static str,
    pub generator: Generator,
    pub cold: Timing,
    /// The largest resident set of any process of a cold build (rustc on the client), in KiB;
    /// `None` where GNU time (`/usr/bin/time`) is not installed.
    pub peak_kib: Option<u64>,
    pub incremental: Timing,
    /// `cargo doc --no-deps` of the client crate, its source touched first.
    pub docs: Timing,
}

#[derive(Debug, Clone)]
pub enum Timing {
    /// The median in seconds, and every run.
    Seconds(f64, Vec<f64>),
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Ours,
    Progenitor,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Self::Ours => "instantly-codegen",
            Self::Progenitor => "progenitor",
        }
    }

    fn arg(self) -> &'static str {
        match self {
            Self::Ours => "ours",
            Self::Progenitor => "progenitor",
        }
    }

    /// The dependencies its generated code names.
    fn dependencies(self, root: &Path) -> String {
        match self {
            Self::Ours => format!(
                "instantly-runtime = {{ path = {:?} }}\n",
                root.join("generator/runtime")
            ),
            Self::Progenitor => "\
progenitor-client = \"=0.15.1\"
reqwest = { version = \"0.13.5\", default-features = false, features = [\"json\", \"query\", \"rustls\"] }
serde = { version = \"1.0.228\", features = [\"derive\"] }
serde_json = \"1.0.145\"
chrono = { version = \"0.4.45\", default-features = false, features = [\"std\", \"clock\", \"serde\"] }
uuid = { version = \"1.29\", features = [\"serde\"] }
regress = \"0.12\"
futures = \"0.3.34\"
base64 = \"0.22\"
rand = \"0.9\"
"
            .to_owned(),
        }
    }
}

/// One client crate of the workspace.
struct Client {
    slug: &'static str,
    generator: Generator,
    package: String,
    dir: PathBuf,
}

impl Client {
    fn lib(&self) -> PathBuf {
        self.dir.join("src/lib.rs")
    }

    fn original(&self) -> PathBuf {
        self.dir.join("original.rs")
    }

    fn edited(&self) -> PathBuf {
        self.dir.join("edited.rs")
    }
}

pub fn measure(
    paths: &Paths,
    documents: &[Document],
    generated: &Results,
    runs: usize,
) -> Result<Vec<Built>, String> {
    let workspace = paths.work.join("clients");
    let mut clients = Vec::new();
    for results in generated {
        for (generator, outcome) in [
            (Generator::Ours, &results.ours),
            (Generator::Progenitor, &results.progenitor),
        ] {
            if matches!(outcome, Generated::Measured { .. }) {
                clients.push(prepare(paths, &workspace, results.document, generator)?);
            }
        }
    }
    write_workspace(paths, &workspace, &clients)?;
    let target = workspace.join("target");
    let mut built = Vec::new();
    for document in documents {
        let of_document: Vec<&Client> =
            clients.iter().filter(|c| c.slug == document.slug).collect();
        built.extend(measure_document(&workspace, &target, &of_document, runs)?);
    }
    Ok(built)
}

/// Writes the client crate: its manifest, and the source of the document as it is and with
/// one more field.
fn prepare(
    paths: &Paths,
    workspace: &Path,
    document: Document,
    generator: Generator,
) -> Result<Client, String> {
    let package = format!("bench-{}-{}", generator.arg(), document.slug);
    let dir = workspace.join(&package);
    std::fs::create_dir_all(dir.join("src"))
        .map_err(|error| format!("{}: {error}", dir.display()))?;
    let manifest = format!(
        "[package]\nname = {package:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{}",
        generator.dependencies(&paths.root)
    );
    write(&dir.join("Cargo.toml"), &manifest)?;
    let client = Client {
        slug: document.slug,
        generator,
        package,
        dir,
    };
    println!("generating {} with {}…", document.label, generator.arg());
    for (out, extra) in [
        (client.original(), None),
        (client.edited(), Some("--add-field")),
    ] {
        let mut command = Command::new(paths.binary());
        command
            .args(["emit", generator.arg(), document.spec])
            .arg(&out)
            .args(extra)
            .current_dir(&paths.root);
        run_checked(&mut command)?;
    }
    copy(&client.original(), &client.lib())?;
    Ok(client)
}

fn write_workspace(paths: &Paths, workspace: &Path, clients: &[Client]) -> Result<(), String> {
    let members: Vec<String> = clients
        .iter()
        .map(|client| format!("{:?}", client.package))
        .collect();
    let manifest = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
        members.join(", ")
    );
    write(&workspace.join("Cargo.toml"), &manifest)?;
    // The bench crate's lock pins the dependencies both clients share with it.
    let lock = workspace.join("Cargo.lock");
    if !lock.exists() {
        let _ = std::fs::copy(paths.root.join("bench/Cargo.lock"), &lock);
    }
    Ok(())
}

fn measure_document(
    workspace: &Path,
    target: &Path,
    clients: &[&Client],
    runs: usize,
) -> Result<Vec<Built>, String> {
    // A first build of each client prebuilds the dependencies and finds code that does not compile.
    let mut compiles = Vec::new();
    for client in clients {
        println!("building {} once (dependencies)…", client.package);
        compiles.push(build(workspace, target, &client.package).map(drop));
    }
    let mut cold: Vec<Vec<f64>> = vec![Vec::new(); clients.len()];
    let mut peaks: Vec<Option<u64>> = vec![None; clients.len()];
    let mut incremental: Vec<Vec<f64>> = vec![Vec::new(); clients.len()];
    let mut docs: Vec<Vec<f64>> = vec![Vec::new(); clients.len()];
    // Each run starts with the next client, so none always builds first (on a cooler machine).
    let alternating = |each: &mut dyn FnMut(usize, usize, &Client) -> Result<(), String>| {
        for run in 0..runs {
            for step in 0..clients.len() {
                let index = (run + step) % clients.len();
                if compiles[index].is_ok() {
                    each(run, index, clients[index])?;
                }
            }
        }
        Ok::<(), String>(())
    };
    alternating(&mut |run, index, client| {
        println!("cold build {} of {}…", run + 1, client.package);
        clean(workspace, target, &client.package)?;
        let (seconds, peak) = measured_build(workspace, target, &client.package)?;
        cold[index].push(seconds);
        peaks[index] = peaks[index].max(peak);
        Ok(())
    })?;
    alternating(&mut |run, index, client| {
        println!("incremental rebuild {} of {}…", run + 1, client.package);
        copy(&client.edited(), &client.lib())?;
        incremental[index].push(build(workspace, target, &client.package)?);
        copy(&client.original(), &client.lib())?;
        build(workspace, target, &client.package).map(drop)
    })?;
    alternating(&mut |run, index, client| {
        println!("docs {} of {}…", run + 1, client.package);
        touch(&client.lib())?;
        docs[index].push(document(workspace, target, &client.package)?);
        Ok(())
    })?;
    Ok(clients
        .iter()
        .enumerate()
        .map(|(index, client)| {
            let timing = |runs: &[f64]| match (&compiles[index], median(runs)) {
                (Err(failure), _) => Timing::Failed(failure.clone()),
                (Ok(()), Some(median)) => Timing::Seconds(median, runs.to_vec()),
                (Ok(()), None) => Timing::Failed("no run".to_owned()),
            };
            Built {
                slug: client.slug,
                generator: client.generator,
                cold: timing(&cold[index]),
                peak_kib: peaks[index],
                incremental: timing(&incremental[index]),
                docs: timing(&docs[index]),
            }
        })
        .collect())
}

/// `cargo build -p PACKAGE`: the wall time in seconds, or the first error.
fn build(workspace: &Path, target: &Path, package: &str) -> Result<f64, String> {
    let started = Instant::now();
    let output = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--package", package])
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .stdout(Stdio::null())
        .output()
        .map_err(|error| format!("cannot run cargo build: {error}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if output.status.success() {
        return Ok(seconds);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors = stderr
        .lines()
        .filter(|line| line.starts_with("error"))
        .count();
    let first = stderr
        .lines()
        .find(|line| line.starts_with("error"))
        .unwrap_or("cargo build failed");
    Err(format!(
        "does not compile ({errors} errors; first: {first})"
    ))
}

/// `cargo build -p PACKAGE` under GNU time, when it is installed: the wall time in seconds and
/// the peak resident set in KiB (the largest of cargo and the compilers it waited for).
fn measured_build(
    workspace: &Path,
    target: &Path,
    package: &str,
) -> Result<(f64, Option<u64>), String> {
    let gnu_time = Path::new("/usr/bin/time");
    if !gnu_time.exists() {
        return build(workspace, target, package).map(|seconds| (seconds, None));
    }
    let report = target.join("peak-memory.txt");
    let started = Instant::now();
    let output = Command::new(gnu_time)
        .args(["-f", "%M", "-o"])
        .arg(&report)
        .arg(env!("CARGO"))
        .args(["build", "--quiet", "--package", package])
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .stdout(Stdio::null())
        .output()
        .map_err(|error| format!("cannot run cargo build: {error}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        // The plain build gives the error's summary.
        return build(workspace, target, package).map(|seconds| (seconds, None));
    }
    let peak = std::fs::read_to_string(&report)
        .ok()
        .and_then(|text| text.trim().parse::<u64>().ok());
    Ok((seconds, peak))
}

/// `cargo doc --no-deps -p PACKAGE` (its source just touched): the wall time in seconds.
fn document(workspace: &Path, target: &Path, package: &str) -> Result<f64, String> {
    let started = Instant::now();
    run_checked(
        Command::new(env!("CARGO"))
            .args(["doc", "--quiet", "--no-deps", "--package", package])
            .current_dir(workspace)
            .env("CARGO_TARGET_DIR", target)
            .stdout(Stdio::null()),
    )?;
    Ok(started.elapsed().as_secs_f64())
}

fn clean(workspace: &Path, target: &Path, package: &str) -> Result<(), String> {
    run_checked(
        Command::new(env!("CARGO"))
            .args(["clean", "--quiet", "--package", package])
            .current_dir(workspace)
            .env("CARGO_TARGET_DIR", target),
    )
}

/// A new modification time, so that cargo documents the crate again.
fn touch(path: &Path) -> Result<(), String> {
    std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|file| file.set_modified(std::time::SystemTime::now()))
        .map_err(|error| format!("{}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|error| format!("{} -> {}: {error}", from.display(), to.display()))
}
