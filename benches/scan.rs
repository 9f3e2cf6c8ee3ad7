//! Placeholder; the scan benchmark lands with the bench work.
fn main() {}
