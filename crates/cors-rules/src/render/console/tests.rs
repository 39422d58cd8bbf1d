//! Console text tests.
