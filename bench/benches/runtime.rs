//! Run-time cost of the generated types, ours against progenitor's, on the same payloads:
//! decoding a page of 100 leads, and encoding a create-campaign body.

use criterion::{Criterion, criterion_group, criterion_main};
use instantly_bench::runtime::{create_campaign_body, lead_page, ours, progenitor};
use std::hint::black_box;

fn decode_lead_page(c: &mut Criterion) {
    let page = lead_page();
    // Both must decode the payload, or the comparison means nothing.
    let ours_page: ours::types::LeadPage =
        serde_json::from_slice(&page).expect("ours decodes the page");
    let progenitor_page: progenitor::types::LeadPage =
        serde_json::from_slice(&page).expect("progenitor decodes the page");
    assert_eq!(ours_page.items.len(), 100);
    assert_eq!(progenitor_page.items.len(), 100);
    let mut group = c.benchmark_group("decode_lead_page_100");
    group.bench_function("instantly-codegen", |b| {
        b.iter(|| serde_json::from_slice::<ours::types::LeadPage>(black_box(&page)))
    });
    group.bench_function("progenitor", |b| {
        b.iter(|| serde_json::from_slice::<progenitor::types::LeadPage>(black_box(&page)))
    });
    group.finish();
}

fn encode_create_campaign(c: &mut Criterion) {
    let body = create_campaign_body();
    let ours_body: ours::types::CreateCampaignRequest =
        serde_json::from_slice(&body).expect("ours decodes the body");
    let progenitor_body: progenitor::types::CreateCampaignRequest =
        serde_json::from_slice(&body).expect("progenitor decodes the body");
    let mut group = c.benchmark_group("encode_create_campaign");
    group.bench_function("instantly-codegen", |b| {
        b.iter(|| serde_json::to_vec(black_box(&ours_body)))
    });
    group.bench_function("progenitor", |b| {
        b.iter(|| serde_json::to_vec(black_box(&progenitor_body)))
    });
    group.finish();
}

criterion_group!(benches, decode_lead_page, encode_create_campaign);
criterion_main!(benches);
