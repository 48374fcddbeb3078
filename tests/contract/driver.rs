//! The contract test's driver: sends operations of the generated `instantly` client, through
//! its typed request builders (`instantly::dispatch`), to a mock server, and reports per call
//! what the server said about the request and whether the response decoded into the generated
//! type. `cargo xtask contract` runs it; it is not meant to be run by hand.
//!
//! - `instantly-contract-driver list` prints the client's operations as JSON
//!   (`[{"name", "method", "path"}]`).
//! - `instantly-contract-driver call BASE_URL PLAN` reads `[{"operation", "arguments"}]` from
//!   the file PLAN, sends each call once (no retries) and prints one JSON line per call:
//!   `{"operation", "status", "violations", "outcome", "message"}`.

use instantly::dispatch::{self, OPERATIONS};
use instantly::runtime::dispatch::{Arguments, DispatchError, Output};
use instantly::runtime::{RetryPolicy, Transport};
use instantly::{Client, Error};
use serde_json::{Value, json};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Prism's header listing what was wrong with a request.
const VIOLATIONS_HEADER: &str = "sl-violations";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["list"] => list(),
        ["call", base_url, plan] => call_all(base_url, plan).await,
        _ => Err("usage: instantly-contract-driver list | call BASE_URL PLAN".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn list() -> Result<(), String> {
    let table: Vec<Value> = OPERATIONS
        .iter()
        .map(|operation| {
            json!({"name": operation.name, "method": operation.method, "path": operation.path})
        })
        .collect();
    println!("{}", Value::Array(table));
    Ok(())
}

#[derive(serde::Deserialize)]
struct Call {
    operation: String,
    arguments: Arguments,
}

/// What the observer saw of the last response.
#[derive(Default, Clone)]
struct Seen {
    status: Option<u16>,
    violations: Option<String>,
}

async fn call_all(base_url: &str, plan: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(plan).map_err(|error| format!("{plan}: {error}"))?;
    let calls: Vec<Call> =
        serde_json::from_str(&text).map_err(|error| format!("{plan}: {error}"))?;
    let seen = Arc::new(Mutex::new(Seen::default()));
    let log = Arc::clone(&seen);
    let transport = Transport::builder(base_url)
        .api_key("contract-test-key")
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(30))
        .observe_responses(move |exchange| {
            if let Ok(mut seen) = log.lock() {
                seen.status = Some(exchange.status.as_u16());
                seen.violations = exchange
                    .headers
                    .get(VIOLATIONS_HEADER)
                    .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
            }
        })
        .build()
        .map_err(|error| error.to_string())?;
    let client = Client::from_transport(transport);
    for call in &calls {
        if let Ok(mut seen) = seen.lock() {
            *seen = Seen::default();
        }
        let result = dispatch::call(&client, &call.operation, &call.arguments).await;
        let observed = seen.lock().map(|seen| seen.clone()).unwrap_or_default();
        let (outcome, message) = describe(&result);
        let line = json!({
            "operation": call.operation,
            "status": observed.status,
            "violations": observed.violations,
            "outcome": outcome,
            "message": message,
        });
        println!("{line}");
    }
    Ok(())
}

fn describe(result: &Result<Output, DispatchError>) -> (&'static str, String) {
    match result {
        Ok(Output::Json(_)) => ("decoded", String::new()),
        Ok(Output::Empty) => ("empty", String::new()),
        Ok(Output::Bytes(_)) => ("bytes", String::new()),
        Err(DispatchError::Call(error @ Error::Api { .. })) => ("api_error", error.to_string()),
        Err(DispatchError::Call(error @ Error::Decode { .. })) => {
            ("decode_error", error.to_string())
        }
        Err(DispatchError::Call(error)) => ("transport_error", error.to_string()),
        Err(error @ DispatchError::UnknownOperation(_)) => ("unknown_operation", error.to_string()),
        Err(error) => ("argument_error", error.to_string()),
    }
}
