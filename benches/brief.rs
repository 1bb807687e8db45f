//! Benchmarks: see docs/PERFORMANCE.md. Filled in with the scale work.
use criterion::{Criterion, criterion_group, criterion_main};

fn load_bundled(c: &mut Criterion) {
    c.bench_function("load+validate bundled", |b| {
        b.iter(|| brief::briefing::parse(brief::briefing::BUNDLED_TEXT).is_ok())
    });
}

criterion_group!(benches, load_bundled);
criterion_main!(benches);
