//! Shared helpers for the workspace tests live in `tests/`.
