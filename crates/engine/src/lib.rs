//! The scan engine.
