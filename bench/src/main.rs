//! `instantly-bench`: the in-process half of `cargo xtask bench` (the xtask drives builds and
//! criterion, and prints the table).
//!
//! - `instantly-bench generate RUNS DOCUMENT…` times both generators on each document
//!   (`NAME=PATH`, or `NAME=PATH#progenitor-compatible` for the variant progenitor can take (see `documents`)),
//!   alternating them run by run, and prints medians and line counts as JSON.
//! - `instantly-bench emit GENERATOR PATH[#progenitor-compatible] OUT [--add-field]` writes one
//!   generator's client source for a document (`--add-field`: with one more field).
//! - `instantly-bench repeat GROUP GENERATOR N` runs one run-time workload N times, for
//!   counting its instructions under valgrind.
//! - `instantly-bench profile GENERATOR PATH N` runs one generator's compiler path (document
//!   text → unformatted source) N times, for a profiler.

use instantly_bench::documents;
use instantly_bench::generators::Generator;
use openapiv3::OpenAPI;
use serde_json::{Value, json};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["generate", runs, documents @ ..] => runs
            .parse::<usize>()
            .map_err(|error| format!("RUNS: {error}"))
            .and_then(|runs| generate(runs.max(1), documents)),
        ["emit", generator, document, out, flags @ ..] => emit(generator, document, out, flags),
        ["repeat", group, generator, times] => repeat(group, generator, times),
        ["profile", generator, path, times] => profile(generator, path, times),
        _ => Err("usage: instantly-bench generate RUNS NAME=PATH[#progenitor-compatible]… | emit ours|progenitor PATH[#progenitor-compatible] OUT [--add-field] | repeat GROUP GENERATOR N | profile ours|progenitor PATH N".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("instantly-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `PATH` or `PATH#progenitor-compatible` as the JSON value to generate from.
fn document_value(spec: &str) -> Result<Value, String> {
    match spec.strip_suffix("#progenitor-compatible") {
        Some(path) => documents::read(path).map(documents::progenitor_compatible),
        None => documents::read(spec),
    }
}

fn parse(value: Value) -> Result<OpenAPI, String> {
    serde_json::from_value(value).map_err(|error| format!("not an OpenAPI document: {error}"))
}

fn generate(runs: usize, specs: &[&str]) -> Result<(), String> {
    let mut results = Vec::new();
    for spec in specs {
        let (name, path) = spec
            .split_once('=')
            .ok_or_else(|| format!("{spec}: expected NAME=PATH"))?;
        let value = document_value(path)?;
        // Both generators and the floor read the same text: the document as compact JSON.
        let text = serde_json::to_string(&value).map_err(|error| error.to_string())?;
        let document = parse(value)?;
        eprintln!("generating {name} ({runs} runs each)");
        let (floor, outcomes) = measure(&document, &text, runs);
        let mut by_generator = serde_json::Map::new();
        for (generator, outcome) in outcomes {
            by_generator.insert(generator.name().to_owned(), outcome);
        }
        results.push(json!({
            "name": name,
            "floor_ms": floor,
            "json_bytes": text.len(),
            "results": by_generator,
        }));
    }
    println!("{}", Value::Array(results));
    Ok(())
}

/// Alternates the generators (the order swapped every run, so neither always runs on a warm
/// cache) and returns the floor (a bare `serde_json` parse of `text` into a `Value`) and, per
/// generator, medians and line counts, or why it failed.
fn measure(document: &OpenAPI, text: &str, runs: usize) -> (f64, Vec<(Generator, Value)>) {
    let generators = [Generator::Ours, Generator::Progenitor];
    let mut floor = Vec::new();
    // Per generator: parsed → tokens, text → formatted, text → unformatted.
    let mut times: [[Vec<Duration>; 3]; 2] = Default::default();
    let mut failures: [Option<String>; 2] = [None, None];
    let mut texts: [Option<String>; 2] = [None, None];
    for run in 0..runs {
        let started = Instant::now();
        let parsed: Result<Value, _> = serde_json::from_str(text);
        floor.push(started.elapsed());
        drop(parsed);
        for step in 0..2 {
            let index = (run + step) % 2;
            if failures[index].is_some() {
                continue;
            }
            let generator = generators[index];
            let outcome = timed(|| generator.tokens(document).map(drop))
                .and_then(|tokens| Ok((tokens, timed(|| generator.source(text))?)))
                .and_then(|(tokens, source)| {
                    Ok((tokens, source, timed(|| generator.compiler_source(text))?))
                });
            match outcome {
                Ok(((tokens, ()), (source, formatted), (compiler, _))) => {
                    for (slot, elapsed) in times[index].iter_mut().zip([tokens, source, compiler]) {
                        slot.push(elapsed);
                    }
                    texts[index] = Some(formatted);
                }
                Err(failure) => failures[index] = Some(failure),
            }
        }
    }
    let outcomes = generators
        .iter()
        .enumerate()
        .map(|(index, generator)| {
            let [tokens, source, compiler] = &times[index];
            let outcome = match (&failures[index], &texts[index]) {
                (Some(failure), _) => json!({"failure": failure}),
                (None, Some(text)) => json!({
                    "tokens_ms": median_ms(tokens),
                    "source_ms": median_ms(source),
                    "compiler_ms": median_ms(compiler),
                    "lines": text.lines().count(),
                    "code_lines": text.lines().filter(|line| is_code(line)).count(),
                    "bytes": text.len(),
                }),
                (None, None) => json!({"failure": "no run"}),
            };
            (*generator, outcome)
        })
        .collect();
    (median_ms(&floor), outcomes)
}

/// The duration of `work`, with its value.
fn timed<T>(work: impl FnOnce() -> Result<T, String>) -> Result<(Duration, T), String> {
    let started = Instant::now();
    let value = work()?;
    Ok((started.elapsed(), value))
}

/// Not blank, not a comment (doc comments included).
fn is_code(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && !line.starts_with("//")
}

fn median_ms(durations: &[Duration]) -> f64 {
    let mut sorted: Vec<f64> = durations.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn generator(name: &str) -> Result<Generator, String> {
    match name {
        "ours" => Ok(Generator::Ours),
        "progenitor" => Ok(Generator::Progenitor),
        other => Err(format!("unknown generator {other:?}")),
    }
}

fn profile(name: &str, spec: &str, times: &str) -> Result<(), String> {
    let times: usize = times.parse().map_err(|error| format!("N: {error}"))?;
    let generator = generator(name)?;
    let text = serde_json::to_string(&document_value(spec)?).map_err(|error| error.to_string())?;
    for _ in 0..times {
        std::hint::black_box(generator.compiler_source(&text)?);
    }
    Ok(())
}

fn emit(generator: &str, spec: &str, out: &str, flags: &[&str]) -> Result<(), String> {
    let generator = self::generator(generator)?;
    let mut value = document_value(spec)?;
    if flags.contains(&"--add-field") {
        value = documents::with_one_more_field(value);
    }
    let text = serde_json::to_string(&value).map_err(|error| error.to_string())?;
    let source = generator.source(&text)?;
    std::fs::write(out, source).map_err(|error| format!("{out}: {error}"))
}

fn repeat(group: &str, generator: &str, times: &str) -> Result<(), String> {
    let times: usize = times.parse().map_err(|error| format!("N: {error}"))?;
    let run = instantly_bench::runtime::workload(group, generator)?;
    for _ in 0..times {
        run();
    }
    Ok(())
}
