//! brief: a terminal dashboard for analytical briefings.

pub mod app;
pub mod briefing;
pub mod cli;
pub mod config;
pub mod export;
#[doc(hidden)]
pub mod history;
pub mod keymap;
pub mod runtime;
pub mod ui;
pub mod words;
