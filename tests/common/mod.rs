//! Test support shared by the integration tests; not part of the shipped library.

#![allow(dead_code)]

pub mod harness;
pub mod yaml;

/// `cases` by default; `PROPTEST_CASES=N` runs more for a deeper search. Failures are
/// reported with their minimal input; nothing is written to disk.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    proptest::test_runner::Config {
        cases,
        failure_persistence: None,
        ..Default::default()
    }
}
