//! Load: a page stream over 10,000 campaigns in pages of 100, from a local server that answers
//! about one request in six with a 429 (half of them with `Retry-After`) or a 503. Every item
//! must arrive exactly once and in order; the failed pages are fetched again through the same
//! retry path as any request. Delays are recorded, not slept.
//!
//! `cargo test -p instantly --test page_stream_load -- --nocapture` prints the figures.

use futures::TryStreamExt;
use instantly::Error;
use instantly::runtime::RetryPolicy;
use instantly::types::ListLeadsRequest;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

mod support;
use support::{example, recording_client};

const ITEMS: usize = 10_000;
const PAGE: usize = 100;

/// Serves `ITEMS` numbered items in pages; the cursor is the index after the last item sent.
/// Fails requests at random (seeded, so a run is reproducible).
struct FlakyPages {
    item: Box<dyn Fn(usize) -> Value + Send + Sync>,
    cursor_in_body: bool,
    rng: AtomicU64,
    served_pages: AtomicUsize,
    injected_429: AtomicUsize,
    injected_503: AtomicUsize,
}

impl FlakyPages {
    fn new(item: impl Fn(usize) -> Value + Send + Sync + 'static, cursor_in_body: bool) -> Self {
        Self {
            item: Box::new(item),
            cursor_in_body,
            rng: AtomicU64::new(0x5eed_cafe_f00d_d00d),
            served_pages: AtomicUsize::new(0),
            injected_429: AtomicUsize::new(0),
            injected_503: AtomicUsize::new(0),
        }
    }

    /// xorshift64: a deterministic stream of numbers in 0..100.
    fn roll(&self) -> u64 {
        let mut x = self.rng.load(Ordering::SeqCst);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng.store(x, Ordering::SeqCst);
        x % 100
    }

    fn start(&self, request: &Request) -> usize {
        let cursor = if self.cursor_in_body {
            serde_json::from_slice::<Value>(&request.body)
                .ok()
                .and_then(|body| body["starting_after"].as_str().map(str::to_owned))
        } else {
            request
                .url
                .query_pairs()
                .find(|(name, _)| name == "starting_after")
                .map(|(_, value)| value.into_owned())
        };
        cursor.and_then(|cursor| cursor.parse().ok()).unwrap_or(0)
    }

    fn injected(&self) -> usize {
        self.injected_429.load(Ordering::SeqCst) + self.injected_503.load(Ordering::SeqCst)
    }
}

impl Respond for FlakyPages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        match self.roll() {
            0..=3 => {
                self.injected_429.fetch_add(1, Ordering::SeqCst);
                return ResponseTemplate::new(429).insert_header("retry-after", "1");
            }
            4..=7 => {
                self.injected_429.fetch_add(1, Ordering::SeqCst);
                return ResponseTemplate::new(429);
            }
            8..=15 => {
                self.injected_503.fetch_add(1, Ordering::SeqCst);
                return ResponseTemplate::new(503).set_body_string("upstream unavailable");
            }
            _ => {}
        }
        self.served_pages.fetch_add(1, Ordering::SeqCst);
        let start = self.start(request);
        let end = (start + PAGE).min(ITEMS);
        let items: Vec<Value> = (start..end).map(|index| (self.item)(index)).collect();
        // Like the real API, the last page still carries a cursor; the next page is empty.
        ResponseTemplate::new(200)
            .set_body_json(json!({"items": items, "next_starting_after": end.to_string()}))
    }
}

#[tokio::test]
async fn ten_thousand_items_arrive_once_and_in_order_despite_429s_and_503s() {
    let campaign = example("Campaign");
    let pages = Arc::new(FlakyPages::new(
        move |index| {
            let mut item = campaign.clone();
            item["name"] = json!(format!("campaign-{index:05}"));
            item["brand_new_field"] = json!({"added": "later"});
            item
        },
        false,
    ));
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/api/v2/campaigns"))
        .respond_with(ArcResponder(Arc::clone(&pages)))
        .mount(&server)
        .await;
    let delays = Arc::new(Mutex::new(Vec::new()));

    let started = Instant::now();
    let names: Vec<String> = recording_client(&server, RetryPolicy::new().max_attempts(8), &delays)
        .list_campaigns()
        .limit(PAGE as i64)
        .into_stream()
        .map_ok(|campaign| campaign.name)
        .try_collect()
        .await
        .unwrap();
    let elapsed = started.elapsed();

    let expected: Vec<String> = (0..ITEMS).map(|i| format!("campaign-{i:05}")).collect();
    assert_eq!(names.len(), ITEMS);
    assert!(names == expected, "items repeated, skipped or out of order");
    let delays = delays.lock().unwrap().clone();
    let requests = server.received_requests().await.unwrap().len();
    let served = pages.served_pages.load(Ordering::SeqCst);
    // 100 full pages and the empty one that ends the stream.
    assert_eq!(served, ITEMS / PAGE + 1);
    assert_eq!(requests, served + pages.injected());
    assert_eq!(
        delays.len(),
        pages.injected(),
        "one retry per injected failure"
    );
    assert!(pages.injected() > 0);
    let honoured_retry_after = delays
        .iter()
        .filter(|delay| **delay == Duration::from_secs(1))
        .count();
    assert!(honoured_retry_after > 0);
    println!(
        "page stream load: {} items, {} pages (+1 empty), {} requests, {} injected failures \
         ({} x 429, {} x 503), {} retries ({} after Retry-After: 1), {:.0?} elapsed",
        names.len(),
        served - 1,
        requests,
        pages.injected(),
        pages.injected_429.load(Ordering::SeqCst),
        pages.injected_503.load(Ordering::SeqCst),
        delays.len(),
        honoured_retry_after,
        elapsed
    );
}

#[tokio::test]
async fn a_list_sent_as_post_retries_its_pages_too() {
    let lead = example("Lead");
    let pages = Arc::new(FlakyPages::new(
        move |index| {
            let mut item = lead.clone();
            item["email"] = json!(format!("lead-{index:05}@example.com"));
            item
        },
        true,
    ));
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/api/v2/leads/list"))
        .respond_with(ArcResponder(Arc::clone(&pages)))
        .mount(&server)
        .await;
    let delays = Arc::new(Mutex::new(Vec::new()));
    let body = ListLeadsRequest {
        limit: Some(PAGE as i64),
        ..Default::default()
    };
    let emails: Vec<String> =
        recording_client(&server, RetryPolicy::new().max_attempts(8), &delays)
            .list_leads()
            .body(body)
            .into_stream()
            .map_ok(|lead| lead.email.into_option().unwrap_or_default())
            .try_collect()
            .await
            .unwrap();
    let expected: Vec<String> = (0..ITEMS)
        .map(|i| format!("lead-{i:05}@example.com"))
        .collect();
    assert!(
        emails == expected,
        "items repeated, skipped or out of order"
    );
    assert!(pages.injected_503.load(Ordering::SeqCst) > 0);
    assert_eq!(delays.lock().unwrap().len(), pages.injected());
}

#[tokio::test]
async fn a_page_that_keeps_failing_ends_the_stream_with_the_error() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let delays = Arc::new(Mutex::new(Vec::new()));
    let results: Vec<Result<_, Error>> = futures::StreamExt::collect(
        recording_client(&server, RetryPolicy::new().max_attempts(8), &delays)
            .list_campaigns()
            .into_stream(),
    )
    .await;
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]
            .as_ref()
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(503)
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 8);
}

/// wiremock takes the responder by value; the test keeps a handle to read the counters.
struct ArcResponder(Arc<FlakyPages>);

impl Respond for ArcResponder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.0.respond(request)
    }
}
