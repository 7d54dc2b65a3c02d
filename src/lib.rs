//! # openline-modes
//!
//! A Bitrix24 open-line chat widget (placements `IM_TEXTAREA`, above the chat input, and
//! `IM_SIDEBAR`, in the chat sidebar of older messengers): the operator pins or unpins
//! the dialog in front of them, switches whisper mode, and pins or unpins all their dialogs.
//!
//! Layers, each depending only on those above it:
//! - [`domain`]: pure Rust; dialog id, commands and their exact REST params, state parsing,
//!   error classification.
//! - [`i18n`]: the operator's language; one exhaustive catalogue per language.
//! - [`host`]: the port (a trait) and its adapters; the only place that touches JavaScript.
//! - [`controller`]: async use-cases over the port, and [`controller::verdict`]: every
//!   decision about what the user sees after an answer, as pure functions.
//! - [`components`] and [`app`]: thin Leptos views that render state and forward events.

pub mod domain;
pub mod i18n;

pub mod host;

pub mod controller;

pub mod components;

pub mod app;
