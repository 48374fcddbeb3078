//! `instantly-codegen`: writes a ready client crate from an OpenAPI 3.0 or 3.1 document.
//!
//! ```text
//! instantly-codegen DOCUMENT --name NAME --out DIR [--version V] [--runtime-dependency SPEC]
//!     [--runtime PATH] [--env-var NAME] [--base-url-env-var NAME] [--user-agent UA]
//!     [--base-url URL] [--derive PATH]... [--strict]
//! ```

use instantly_codegen::Settings;
use instantly_codegen::package::{CrateFiles, CrateOptions, crate_files};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: instantly-codegen DOCUMENT --name NAME --out DIR [--version VERSION]
    [--runtime-dependency SPEC]   how Cargo.toml names instantly-runtime (default: \"0.1.0\";
                                  e.g. '{ path = \"../runtime\" }')
    [--runtime PATH]              the path generated code uses for the runtime
    [--env-var NAME]              the variable Client::from_env reads the API key from
    [--base-url-env-var NAME]     the variable Client::from_env reads a base URL from
    [--user-agent UA] [--base-url URL] [--derive PATH]...
    [--strict]                    an operation it cannot send is an error, not a warning";

struct Arguments {
    document: PathBuf,
    out: PathBuf,
    options: CrateOptions,
    settings: Settings,
}

fn parse() -> Result<Arguments, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut document, mut out, mut name, mut version) = (None, None, None, None);
    let mut runtime_dependency = None;
    let mut settings = Settings::default();
    while let Some(argument) = parser.next()? {
        match argument {
            Value(path) if document.is_none() => document = Some(PathBuf::from(path)),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("name") => name = Some(parser.value()?.string()?),
            Long("version") => version = Some(parser.value()?.string()?),
            Long("runtime-dependency") => runtime_dependency = Some(parser.value()?.string()?),
            Long("runtime") => settings.runtime_path = parser.value()?.string()?,
            Long("env-var") => settings.api_key_env_var = Some(parser.value()?.string()?),
            Long("base-url-env-var") => {
                settings.base_url_env_var = Some(parser.value()?.string()?);
            }
            Long("user-agent") => settings.user_agent = Some(parser.value()?.string()?),
            Long("base-url") => settings.base_url = Some(parser.value()?.string()?),
            Long("derive") => settings.extra_derives.push(parser.value()?.string()?),
            Long("strict") => settings.strict = true,
            Long("help") | Short('h') => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(argument.unexpected()),
        }
    }
    let missing = |what: &str| lexopt::Error::MissingValue {
        option: Some(what.to_owned()),
    };
    let mut options = CrateOptions::new(
        name.ok_or_else(|| missing("--name"))?,
        version.unwrap_or_else(|| "0.1.0".to_owned()),
    );
    if let Some(dependency) = runtime_dependency {
        options.runtime_dependency = dependency;
    }
    Ok(Arguments {
        document: document.ok_or_else(|| missing("DOCUMENT"))?,
        out: out.ok_or_else(|| missing("--out"))?,
        options,
        settings,
    })
}

fn run(arguments: &Arguments) -> Result<(), String> {
    let document = arguments.document.display();
    let text = std::fs::read_to_string(&arguments.document)
        .map_err(|error| format!("{document}: {error}"))?;
    let CrateFiles { files, warnings } =
        crate_files(&text, &arguments.settings, &arguments.options)
            .map_err(|error| format!("{document}: {error}"))?;
    for warning in &warnings {
        eprintln!("warning: {document}: {warning}");
    }
    for (path, contents) in files {
        let path = arguments.out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("{}: {error}", parent.display()))?;
        }
        std::fs::write(&path, contents).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    eprintln!(
        "wrote {} ({} warnings)",
        arguments.out.display(),
        warnings.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let arguments = match parse() {
        Ok(arguments) => arguments,
        Err(error) => {
            eprintln!("instantly-codegen: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("instantly-codegen: {message}");
            ExitCode::FAILURE
        }
    }
}
