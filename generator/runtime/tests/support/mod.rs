//! Test helpers: a sleeper that records delays instead of waiting, a mock server that fails
//! before it answers, and a raw TCP server for failures wiremock cannot script (reset
//! connections, truncated bodies).

#![allow(dead_code)]

use instantly_runtime::{RetryPolicy, Transport, TransportBuilder};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The delays a transport asked to sleep for; sleeping returns at once.
#[derive(Clone, Default)]
pub struct Delays(Arc<Mutex<Vec<Duration>>>);

impl Delays {
    pub fn taken(&self) -> Vec<Duration> {
        self.0.lock().unwrap().clone()
    }

    /// Installs this recorder as the builder's sleeper.
    pub fn install(&self, builder: TransportBuilder) -> TransportBuilder {
        let log = Arc::clone(&self.0);
        builder.sleeper(move |delay: Duration| {
            log.lock().unwrap().push(delay);
            async {}
        })
    }
}

/// A policy with fixed delays (no jitter), so tests can assert them exactly.
pub fn exact_policy() -> RetryPolicy {
    RetryPolicy::new()
        .max_attempts(4)
        .base_delay(Duration::from_millis(100))
        .max_delay(Duration::from_secs(1))
        .jitter(false)
}

pub fn transport(base_url: &str, policy: RetryPolicy, delays: &Delays) -> Transport {
    delays
        .install(Transport::builder(base_url).api_key("sk_secret_key"))
        .retry_policy(policy)
        .build()
        .unwrap()
}

/// A mock server that gives every request `answer`.
pub async fn server_always(answer: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(answer).mount(&server).await;
    server
}

/// A mock server that answers `first` to the first `times` requests and `then` to the rest.
pub async fn server_answering(
    first: ResponseTemplate,
    times: u64,
    then: ResponseTemplate,
) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(then).mount(&server).await;
    server
}

/// How the raw server answers one connection.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Read the request, then reset the connection (RST) without answering.
    Reset,
    /// Announce a longer body than is sent, then close.
    Truncated(&'static str),
    /// A complete `200 OK` with this JSON body.
    Json(&'static str),
}

/// A one-request-per-connection HTTP server on 127.0.0.1 that follows a script.
pub struct RawServer {
    pub url: String,
    requests: Arc<AtomicUsize>,
}

impl RawServer {
    pub async fn start(script: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&requests);
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let reply = script.lock().unwrap().pop_front();
                let Some(reply) = reply else { break };
                count.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(answer(stream, reply));
            }
        });
        Self { url, requests }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

async fn answer(mut stream: TcpStream, reply: Reply) {
    read_request(&mut stream).await;
    match reply {
        Reply::Reset => {
            // Linger 0: closing sends RST instead of FIN.
            stream.set_zero_linger().unwrap();
            drop(stream);
        }
        Reply::Truncated(part) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                part.len() + 100
            );
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(part.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
        Reply::Json(body) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(body.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
    }
}

/// Reads up to the end of the request head and any `content-length` body.
async fn read_request(stream: &mut TcpStream) {
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let Ok(read) = stream.read(&mut buffer).await else {
            return;
        };
        if read == 0 {
            return;
        }
        seen.extend_from_slice(&buffer[..read]);
        let text = String::from_utf8_lossy(&seen);
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())
                        .flatten()
                })
                .unwrap_or(0);
            if seen.len() >= end + 4 + length {
                return;
            }
        }
    }
}
