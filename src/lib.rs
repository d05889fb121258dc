//! The `wlua` library: the run and check entry points used by the CLI and the tests.
