//! Table-driven tests for the special-category pass.
