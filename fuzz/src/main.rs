//! `instantly-fuzz [--seconds N] [--seed S] [--keep-going]`: fuzz for N seconds (default 60).
//!
//! The process supervises a worker (itself, with `worker` arguments) that runs the cases and
//! prints `run <case>` before each. When the worker panics, overflows its stack, reports a
//! failed check, or prints nothing for `HANG_SECONDS`, the supervisor rebuilds that case's input
//! from (seed, case), saves it in `fuzz/crashers/` and fails (or, with `--keep-going`, resumes
//! after the case). `instantly-fuzz replay FILE` runs one saved input.

use instantly_fuzz::check::{Input, Reached, check_document, check_page};
use instantly_fuzz::seeds::Seeds;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A case taking longer than this is a hang (the slowest legitimate case, a whole document in
/// a debug build, takes a few seconds).
const HANG_SECONDS: u64 = 30;

/// The stack cases run on: a test thread's, the smallest the generator meets in practice.
const STACK_BYTES: usize = 2 << 20;

const CRASHERS: &str = "fuzz/crashers";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["worker", seed, from, seconds] => worker(seed, from, seconds),
        ["replay", file] => replay(Path::new(file)),
        options => Options::parse(options).and_then(|options| supervise(&options)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("instantly-fuzz: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

struct Options {
    seconds: u64,
    seed: u64,
    keep_going: bool,
}

impl Options {
    fn parse(args: &[&str]) -> Result<Self, String> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let mut options = Self {
            seconds: 60,
            seed: now.as_secs() ^ u64::from(now.subsec_nanos()),
            keep_going: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut number = |name: &str| {
                args.next()
                    .and_then(|value| value.parse::<u64>().ok())
                    .ok_or_else(|| format!("{name} needs a number"))
            };
            match *arg {
                "--seconds" => options.seconds = number("--seconds")?,
                "--seed" => options.seed = number("--seed")?,
                "--keep-going" => options.keep_going = true,
                other => {
                    return Err(format!(
                        "unknown argument `{other}`; usage: instantly-fuzz [--seconds N] [--seed S] [--keep-going] | replay FILE"
                    ));
                }
            }
        }
        Ok(options)
    }
}

/// How a worker run ended.
enum Outcome {
    /// The budget ran out; this many cases ran.
    Done(u64),
    /// The case failed a check, panicked, crashed or hung.
    Failed { case: u64, why: String },
}

fn supervise(options: &Options) -> Result<(), String> {
    let seeds = Seeds::load(&root())?;
    println!(
        "fuzzing for {} s with seed {} (reproduce with --seed {})",
        options.seconds, options.seed, options.seed
    );
    let started = Instant::now();
    let budget = Duration::from_secs(options.seconds);
    let mut from = 0;
    let mut failures = Vec::new();
    loop {
        let left = budget.saturating_sub(started.elapsed()).as_secs().max(1);
        match run_worker(options.seed, from, left)? {
            Outcome::Done(cases) => {
                println!("{cases} cases, {} failed", failures.len());
                break;
            }
            Outcome::Failed { case, why } => {
                let saved = save_crasher(&seeds.input(options.seed, case), options.seed, case)?;
                eprintln!("case {case}: {why}\n  saved as {}", saved.display());
                eprintln!(
                    "  reproduce: cargo run -p instantly-fuzz -- replay {}; commit the file to keep it as a regression test",
                    saved.display()
                );
                failures.push(saved);
                if !options.keep_going || started.elapsed() >= budget {
                    break;
                }
                from = case + 1;
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} failing input(s) saved in {CRASHERS}/",
            failures.len()
        ))
    }
}

fn run_worker(seed: u64, from: u64, seconds: u64) -> Result<Outcome, String> {
    let exe = std::env::current_exe().map_err(|error| format!("current executable: {error}"))?;
    let mut child = Command::new(exe)
        .args([
            "worker",
            &seed.to_string(),
            &from.to_string(),
            &seconds.to_string(),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start the worker: {error}"))?;
    let stdout = child.stdout.take().ok_or("the worker has no stdout")?;
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut current = None;
    let mut finding = None;
    let mut done = None;
    loop {
        match received.recv_timeout(Duration::from_secs(HANG_SECONDS)) {
            Ok(line) => {
                let (word, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
                match word {
                    "run" => current = rest.parse::<u64>().ok(),
                    "finding" => finding = Some(rest.to_owned()),
                    "done" => done = rest.parse::<u64>().ok(),
                    _ => println!("{line}"),
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Killing a worker that just exited is harmless.
                let _ = child.kill();
                let _ = child.wait();
                let case = current.ok_or("the worker hung before its first case")?;
                return Ok(Outcome::Failed {
                    case,
                    why: format!("no result after {HANG_SECONDS} s (hang)"),
                });
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait().map_err(|error| format!("worker: {error}"))?;
    match (done, current) {
        (Some(cases), _) if status.success() => Ok(Outcome::Done(cases - from)),
        (_, Some(case)) => Ok(Outcome::Failed {
            case,
            why: finding.unwrap_or_else(|| {
                format!("the worker died ({status}): panic or stack overflow, see above")
            }),
        }),
        (_, None) => Err(format!(
            "the worker failed before its first case ({status})"
        )),
    }
}

fn save_crasher(input: &Input, seed: u64, case: u64) -> Result<PathBuf, String> {
    let kind = match input {
        Input::Document(_) => "document",
        Input::Page { .. } => "page",
    };
    let relative =
        PathBuf::from(CRASHERS).join(format!("{kind}-{seed}-{case}.{}", input.extension()));
    let path = root().join(&relative);
    std::fs::create_dir_all(root().join(CRASHERS))
        .map_err(|error| format!("{CRASHERS}: {error}"))?;
    std::fs::write(&path, input.text()).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(relative)
}

/// Runs cases from `from` until the budget is spent, on a thread with a test thread's stack.
fn worker(seed: &str, from: &str, seconds: &str) -> Result<(), String> {
    let (Ok(seed), Ok(from), Ok(seconds)) = (
        seed.parse::<u64>(),
        from.parse::<u64>(),
        seconds.parse::<u64>(),
    ) else {
        return Err("usage: instantly-fuzz worker SEED FROM SECONDS".to_owned());
    };
    let seeds = Seeds::load(&root())?;
    let budget = Duration::from_secs(seconds);
    let cases = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let started = Instant::now();
            let mut out = std::io::stdout().lock();
            let mut case = from;
            let mut reached = std::collections::BTreeMap::<Reached, u64>::new();
            while started.elapsed() < budget {
                let input = seeds.input(seed, case);
                // Printed before the case runs: if the process dies, this is the culprit.
                let _ = writeln!(out, "run {case}").and_then(|()| out.flush());
                match input.check(&seeds.side) {
                    Ok(stage) => *reached.entry(stage).or_default() += 1,
                    Err(finding) => {
                        let _ = writeln!(out, "finding {finding}").and_then(|()| out.flush());
                        return Err(case);
                    }
                }
                case += 1;
            }
            let _ = writeln!(out, "reached {reached:?}");
            let _ = writeln!(out, "done {case}").and_then(|()| out.flush());
            Ok(case)
        })
        .map_err(|error| format!("cannot start the case thread: {error}"))?
        .join()
        .map_err(|_| "a case panicked".to_owned())?;
    cases
        .map(drop)
        .map_err(|case| format!("case {case} failed a check"))
}

/// Runs one saved input (a `.json`/`.yaml` document or a `.txt` page) and reports the outcome.
fn replay(file: &Path) -> Result<(), String> {
    let text =
        std::fs::read_to_string(file).map_err(|error| format!("{}: {error}", file.display()))?;
    let name = file.to_string_lossy();
    let result = if name.ends_with(".txt") {
        let seeds = Seeds::load(&root())?;
        check_page(&text, &seeds.side, name.ends_with(".chain.txt"))
    } else {
        check_document(&text)
    };
    result.map(|reached| println!("{}: passes ({reached:?})", file.display()))
}
