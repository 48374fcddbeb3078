//! The results as one Markdown table: medians, and the ratio instantly-codegen ÷ progenitor
//! (below 1: ours is faster or smaller).

use super::Options;
use super::builds::{Built, Generator, Timing};
use super::downstream::Downstream;
use super::generation::{Generated, Results};
use super::runtime::Timed;
use std::fmt::Write as _;

/// Failure messages are cut to this many characters in the table.
const MESSAGE_CHARS: usize = 110;

/// The downstream rows: ours, and progenitor's or why it is missing.
pub type DownstreamResults = Option<(Downstream, Result<Downstream, String>)>;

pub fn render(
    options: &Options,
    generated: &Results,
    built: &[Built],
    downstream: &DownstreamResults,
    timed: &[Timed],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Medians; generation: {} runs, builds: {} runs (debug profile, dependencies prebuilt), \
         the generators alternating. Ratio = instantly-codegen ÷ progenitor (below 1: ours is \
         faster or smaller). The floor is a bare `serde_json` parse of the same JSON text into a \
         `Value`; `× floor` is each generator's time over it.\n",
        options.runs, options.build_runs
    );
    out.push_str("| document | measure | instantly-codegen | progenitor 0.15.1 | ratio |\n");
    out.push_str("| --- | --- | ---: | ---: | ---: |\n");
    for results in generated {
        let (ours, progenitor, floor) = (&results.ours, &results.progenitor, results.floor_ms);
        let mut label = results.document.label;
        let mut row = |measure: &str, ours: Cell, progenitor: Cell| {
            write_row(&mut out, label, measure, &ours, &progenitor);
            label = "";
        };
        let floor_cell = || Cell {
            value: None,
            text: format!("{floor:.1} ms"),
        };
        row(
            "floor: bare parse of the document's JSON text",
            floor_cell(),
            floor_cell(),
        );
        row(
            "generation: parsed document → tokens",
            generation_cell(ours, |m| m.tokens_ms, None),
            generation_cell(progenitor, |m| m.tokens_ms, None),
        );
        row(
            "generation for the compiler (build.rs, macro): text → unformatted source",
            generation_cell(ours, |m| m.compiler_ms, Some(floor)),
            generation_cell(progenitor, |m| m.compiler_ms, Some(floor)),
        );
        row(
            "generation for review (golden file): text → formatted source",
            generation_cell(ours, |m| m.source_ms, Some(floor)),
            generation_cell(progenitor, |m| m.source_ms, Some(floor)),
        );
        row(
            "generated lines (code lines)",
            lines_cell(ours),
            lines_cell(progenitor),
        );
        let build = |generator: Generator| {
            built
                .iter()
                .find(|b| b.slug == results.document.slug && b.generator == generator)
        };
        if !built.is_empty() {
            let (ours_build, progenitor_build) =
                (build(Generator::Ours), build(Generator::Progenitor));
            row(
                "cold build of the client crate",
                build_cell(ours_build.map(|b| &b.cold), ours),
                build_cell(progenitor_build.map(|b| &b.cold), progenitor),
            );
            let peak = |built: Option<&Built>| match built.and_then(|b| b.peak_kib) {
                Some(kib) => Cell {
                    value: Some(kib as f64),
                    text: format!("{} MiB", thousands(kib / 1024)),
                },
                None => failed("not measured"),
            };
            row(
                "peak memory of the cold build",
                peak(ours_build),
                peak(progenitor_build),
            );
            row(
                "incremental rebuild after one added field",
                build_cell(ours_build.map(|b| &b.incremental), ours),
                build_cell(progenitor_build.map(|b| &b.incremental), progenitor),
            );
            row(
                "`cargo doc --no-deps` of the client crate",
                build_cell(ours_build.map(|b| &b.docs), ours),
                build_cell(progenitor_build.map(|b| &b.docs), progenitor),
            );
        }
    }
    if let Some((ours, progenitor)) = downstream {
        let cell = |downstream: &Downstream| match downstream.median() {
            Some(seconds) => Cell {
                value: Some(seconds),
                text: format!("{seconds:.1} s ({} crates)", downstream.crates),
            },
            None => failed("no run"),
        };
        let progenitor_cell = match progenitor {
            Ok(progenitor) => cell(progenitor),
            Err(message) => failed(message),
        };
        write_row(
            &mut out,
            "a binary calling one operation",
            "cold build, every dependency (crates in its build graph)",
            &cell(ours),
            &progenitor_cell,
        );
    }
    for timed in timed {
        let cell = |ns: Option<f64>| Cell {
            value: ns,
            text: ns.map_or_else(|| "—".to_owned(), |ns| format!("{:.1} µs", ns / 1000.0)),
        };
        write_row(
            &mut out,
            "run time (criterion)",
            timed.description,
            &cell(timed.ours_ns),
            &cell(timed.progenitor_ns),
        );
    }
    for timed in timed {
        let cell = |count: &Result<f64, String>| match count {
            Ok(count) => Cell {
                value: Some(*count),
                text: thousands(count.round() as u64),
            },
            Err(message) => failed(message),
        };
        write_row(
            &mut out,
            "instructions per run (callgrind)",
            timed.description,
            &cell(&timed.ours_instructions),
            &cell(&timed.progenitor_instructions),
        );
    }
    if !built.is_empty() {
        out.push_str("\nEvery build run, in seconds:\n\n");
        for build in built {
            for (what, timing) in [
                ("cold", &build.cold),
                ("incremental", &build.incremental),
                ("docs", &build.docs),
            ] {
                if let Timing::Seconds(_, runs) = timing {
                    let runs: Vec<String> = runs.iter().map(|s| format!("{s:.1}")).collect();
                    let _ = writeln!(
                        out,
                        "- {} {} {what}: {}",
                        build.generator.name(),
                        build.slug,
                        runs.join(", ")
                    );
                }
            }
        }
    }
    if let Some((ours, progenitor)) = downstream {
        let runs = |downstream: &Downstream| {
            let runs: Vec<String> = downstream.runs.iter().map(|s| format!("{s:.1}")).collect();
            runs.join(", ")
        };
        let _ = writeln!(out, "- downstream binary, instantly: {}", runs(ours));
        if let Ok(progenitor) = progenitor {
            let _ = writeln!(out, "- downstream binary, progenitor: {}", runs(progenitor));
        }
    }
    out
}

struct Cell {
    value: Option<f64>,
    text: String,
}

/// One row, with the ratio instantly-codegen ÷ progenitor when both were measured.
fn write_row(out: &mut String, label: &str, measure: &str, ours: &Cell, progenitor: &Cell) {
    let ratio = match (ours.value, progenitor.value) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}", a / b),
        _ => "—".to_owned(),
    };
    let _ = writeln!(
        out,
        "| {label} | {measure} | {} | {} | {ratio} |",
        ours.text, progenitor.text
    );
}

fn failed(message: &str) -> Cell {
    let mut text: String = message.chars().take(MESSAGE_CHARS).collect();
    if message.chars().count() > MESSAGE_CHARS {
        text.push('…');
    }
    Cell {
        value: None,
        text: text.replace('|', "\\|"),
    }
}

/// One generation time, and its multiple of the floor when given.
fn generation_cell(
    generated: &Generated,
    pick: impl Fn(&Times) -> f64,
    floor: Option<f64>,
) -> Cell {
    match generated {
        Generated::Measured {
            tokens_ms,
            source_ms,
            compiler_ms,
            ..
        } => {
            let ms = pick(&Times {
                tokens_ms: *tokens_ms,
                source_ms: *source_ms,
                compiler_ms: *compiler_ms,
            });
            let times = floor
                .filter(|floor| *floor > 0.0)
                .map(|floor| format!(" ({:.1}× floor)", ms / floor))
                .unwrap_or_default();
            Cell {
                value: Some(ms),
                text: format!("{ms:.1} ms{times}"),
            }
        }
        Generated::Failed(message) => failed(message),
    }
}

/// The generation times of one generator on one document.
struct Times {
    tokens_ms: f64,
    source_ms: f64,
    compiler_ms: f64,
}

fn lines_cell(generated: &Generated) -> Cell {
    match generated {
        Generated::Measured {
            lines, code_lines, ..
        } => Cell {
            value: Some(*lines as f64),
            text: format!("{} ({})", thousands(*lines), thousands(*code_lines)),
        },
        Generated::Failed(_) => failed("—"),
    }
}

fn build_cell(timing: Option<&Timing>, generated: &Generated) -> Cell {
    match (timing, generated) {
        (Some(Timing::Seconds(seconds, _)), _) => Cell {
            value: Some(*seconds),
            text: format!("{seconds:.1} s"),
        },
        (Some(Timing::Failed(message)), _) => failed(message),
        (None, Generated::Failed(_)) => failed("no client"),
        (None, _) => failed("not built"),
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::DOCUMENTS;
    use crate::bench::generation::DocumentResults;

    fn measured(tokens_ms: f64, lines: u64) -> Generated {
        Generated::Measured {
            tokens_ms,
            source_ms: tokens_ms * 4.0,
            compiler_ms: tokens_ms * 2.0,
            lines,
            code_lines: lines - 100,
        }
    }

    #[test]
    fn ratios_failures_and_counts() {
        let generated = vec![
            DocumentResults {
                document: DOCUMENTS[0],
                floor_ms: 10.0,
                ours: measured(50.0, 26_580),
                progenitor: Generated::Failed("panics: a | b".repeat(20)),
            },
            DocumentResults {
                document: DOCUMENTS[2],
                floor_ms: 9.0,
                ours: measured(45.0, 24_316),
                progenitor: measured(90.0, 46_105),
            },
        ];
        let timed = vec![Timed {
            description: "decode",
            ours_ns: Some(923_400.0),
            progenitor_ns: Some(740_500.0),
            ours_instructions: Ok(6_500_597.0),
            progenitor_instructions: Err("valgrind not installed".to_owned()),
        }];
        let table = render(&Options::default(), &generated, &[], &None, &timed);
        let lines: Vec<&str> = table.lines().collect();
        // A failure is cut, and its `|` escaped so the row keeps five cells.
        let failed = lines.iter().find(|l| l.contains("panics")).unwrap();
        assert!(
            failed.contains("a \\| b") && failed.contains('…'),
            "{failed}"
        );
        assert!(failed.ends_with("| — |"), "{failed}");
        assert!(
            table
                .contains("|  | generation: parsed document → tokens | 45.0 ms | 90.0 ms | 0.50 |")
        );
        assert!(table.contains(
            "| generated lines (code lines) | 24,316 (24,216) | 46,105 (46,005) | 0.53 |"
        ));
        // The floor, and each generation time as a multiple of it.
        assert!(table.contains(
            "| nexus.json | floor: bare parse of the document's JSON text | 9.0 ms | 9.0 ms | — |"
        ));
        assert!(table.contains(
            "| generation for the compiler (build.rs, macro): text → unformatted source | 90.0 ms (10.0× floor) | 180.0 ms (20.0× floor) | 0.50 |"
        ));
        assert!(table.contains("| run time (criterion) | decode | 923.4 µs | 740.5 µs | 1.25 |"));
        assert!(table.contains(
            "| instructions per run (callgrind) | decode | 6,500,597 | valgrind not installed | — |"
        ));
        // No builds measured: no build rows, no list of runs.
        assert!(!table.contains("cold build") && !table.contains("Every build run"));
    }
}
