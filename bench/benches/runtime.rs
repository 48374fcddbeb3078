//! Run-time cost of the generated types, ours against progenitor's, on the same payloads:
//! decoding a page of 100 leads, and encoding a create-campaign body (see
//! `instantly_bench::runtime::workload`).

use criterion::{Criterion, criterion_group, criterion_main};
use instantly_bench::runtime::workload;

const GROUPS: [&str; 2] = ["decode_lead_page_100", "encode_create_campaign"];
const GENERATORS: [&str; 2] = ["instantly-codegen", "progenitor"];

fn runtime(c: &mut Criterion) {
    for group_name in GROUPS {
        let mut group = c.benchmark_group(group_name);
        for generator in GENERATORS {
            // Both must handle the payload, or the comparison means nothing.
            let run = workload(group_name, generator).unwrap_or_else(|error| panic!("{error}"));
            group.bench_function(generator, |b| b.iter(&run));
        }
        group.finish();
    }
}

criterion_group!(benches, runtime);
criterion_main!(benches);
