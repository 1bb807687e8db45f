//! Test support shared by the integration tests; not part of the shipped library.

pub mod yaml;
