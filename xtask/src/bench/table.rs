//! The results as one Markdown table: medians, and the ratio instantly-codegen ÷ progenitor
//! (below 1: ours is faster or smaller).

use super::Options;
use super::builds::{Built, Generator, Timing};
use super::generation::{Generated, Results};
use super::runtime::Timed;
use std::fmt::Write as _;

/// Failure messages are cut to this many characters in the table.
const MESSAGE_CHARS: usize = 110;

pub fn render(options: &Options, generated: &Results, built: &[Built], timed: &[Timed]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Medians; generation: {} runs, builds: {} runs (debug profile, dependencies prebuilt), \
         the generators alternating. Ratio = instantly-codegen ÷ progenitor (below 1: ours is \
         faster or smaller).\n",
        options.runs, options.build_runs
    );
    out.push_str("| document | measure | instantly-codegen | progenitor 0.15.1 | ratio |\n");
    out.push_str("| --- | --- | ---: | ---: | ---: |\n");
    for (document, ours, progenitor) in generated {
        let mut label = document.label;
        let mut row = |measure: &str, ours: Cell, progenitor: Cell| {
            write_row(&mut out, label, measure, &ours, &progenitor);
            label = "";
        };
        row(
            "generation: parsed document → tokens",
            generation_cell(ours, |g| g.0),
            generation_cell(progenitor, |g| g.0),
        );
        row(
            "generation: end to end, → formatted source",
            generation_cell(ours, |g| g.1),
            generation_cell(progenitor, |g| g.1),
        );
        row(
            "generated lines (code lines)",
            lines_cell(ours),
            lines_cell(progenitor),
        );
        let build = |generator: Generator| {
            built
                .iter()
                .find(|b| b.slug == document.slug && b.generator == generator)
        };
        if !built.is_empty() {
            let (ours_build, progenitor_build) =
                (build(Generator::Ours), build(Generator::Progenitor));
            row(
                "cold build of the client crate",
                build_cell(ours_build.map(|b| &b.cold), ours),
                build_cell(progenitor_build.map(|b| &b.cold), progenitor),
            );
            row(
                "incremental rebuild after one added field",
                build_cell(ours_build.map(|b| &b.incremental), ours),
                build_cell(progenitor_build.map(|b| &b.incremental), progenitor),
            );
        }
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
            for (what, timing) in [("cold", &build.cold), ("incremental", &build.incremental)] {
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

fn generation_cell(generated: &Generated, pick: impl Fn((f64, f64)) -> f64) -> Cell {
    match generated {
        Generated::Measured {
            tokens_ms,
            source_ms,
            ..
        } => {
            let ms = pick((*tokens_ms, *source_ms));
            Cell {
                value: Some(ms),
                text: format!("{ms:.1} ms"),
            }
        }
        Generated::Failed(message) => failed(message),
    }
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

    fn measured(tokens_ms: f64, lines: u64) -> Generated {
        Generated::Measured {
            tokens_ms,
            source_ms: tokens_ms * 4.0,
            lines,
            code_lines: lines - 100,
        }
    }

    #[test]
    fn ratios_failures_and_counts() {
        let generated = vec![
            (
                DOCUMENTS[0],
                measured(50.0, 26_580),
                Generated::Failed("panics: a | b".repeat(20)),
            ),
            (DOCUMENTS[2], measured(45.0, 24_316), measured(90.0, 46_105)),
        ];
        let timed = vec![Timed {
            description: "decode",
            ours_ns: Some(923_400.0),
            progenitor_ns: Some(740_500.0),
            ours_instructions: Ok(6_500_597.0),
            progenitor_instructions: Err("valgrind not installed".to_owned()),
        }];
        let table = render(&Options::default(), &generated, &[], &timed);
        let lines: Vec<&str> = table.lines().collect();
        // A failure is cut, and its `|` escaped so the row keeps five cells.
        let failed = lines.iter().find(|l| l.contains("panics")).unwrap();
        assert!(
            failed.contains("a \\| b") && failed.contains('…'),
            "{failed}"
        );
        assert!(failed.ends_with("| — |"), "{failed}");
        assert!(table.contains(
            "| nexus.json | generation: parsed document → tokens | 45.0 ms | 90.0 ms | 0.50 |"
        ));
        assert!(table.contains(
            "| generated lines (code lines) | 24,316 (24,216) | 46,105 (46,005) | 0.53 |"
        ));
        assert!(table.contains("| run time (criterion) | decode | 923.4 µs | 740.5 µs | 1.25 |"));
        assert!(table.contains(
            "| instructions per run (callgrind) | decode | 6,500,597 | valgrind not installed | — |"
        ));
        // No builds measured: no build rows, no list of runs.
        assert!(!table.contains("cold build") && !table.contains("Every build run"));
    }
}
