//! English explanation tests.
