//! brief: a terminal dashboard for analytical briefings.

pub mod briefing;
pub mod app;
pub mod keymap;
pub mod ui;
pub mod runtime;
pub mod cli;
