//! Helpers shared by the client's tests: the document's examples, a mock server with a client
//! of it, and a client whose retry sleeps are recorded instead of slept.

#![allow(dead_code)]

use instantly::Client;
use instantly::runtime::{RetryPolicy, Transport};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wiremock::{Mock, MockServer, Request};

/// The example of component schema `schema` in `spec/openapi.yaml`.
pub fn example(schema: &str) -> Value {
    let document: Value =
        serde_norway::from_str(include_str!("../../../spec/openapi.yaml")).unwrap();
    document["components"]["schemas"][schema]["example"].clone()
}

/// The documented Campaign example, as the server would send it, named `name`.
pub fn campaign(name: &str) -> Value {
    let mut example = example("Campaign");
    example["name"] = json!(name);
    example
}

pub fn lead(email: &str) -> Value {
    let mut example = example("Lead");
    example["email"] = json!(email);
    example
}

/// A mock server with `mocks` mounted in order (the first that matches answers), and a client of
/// it. Keep the server bound (`_server` where unused): dropping it stops it and checks `expect`.
pub async fn serving(mocks: impl IntoIterator<Item = Mock>) -> (MockServer, Client) {
    let server = MockServer::start().await;
    for mock in mocks {
        mock.mount(&server).await;
    }
    let client = Client::builder()
        .base_url(server.uri())
        .api_key("sk_test_key")
        .user_agent("instantly-tests/1")
        .build()
        .unwrap();
    (server, client)
}

pub async fn requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap()
}

/// The delays a client asked to sleep for.
pub type Delays = Arc<Mutex<Vec<Duration>>>;

/// A client of `server` under `policy` whose sleeps are recorded in `delays` and skipped.
pub fn recording_client(server: &MockServer, policy: RetryPolicy, delays: &Delays) -> Client {
    let log = Arc::clone(delays);
    let transport = Transport::builder(server.uri())
        .api_key("sk_test_key")
        .retry_policy(policy)
        .sleeper(move |delay: Duration| {
            log.lock().unwrap().push(delay);
            async {}
        })
        .build()
        .unwrap();
    Client::from_transport(transport)
}
