//! Progress of long work: a bar on a terminal, plain lines in logs and CI, nothing in tests.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

/// Receives progress of a long task made of stages.
pub trait Progress: Send + Sync {
    /// A new stage with `total` steps.
    fn begin(&self, stage: &str, total: u64);
    fn advance(&self, steps: u64);
    /// The current stage turned out `steps` longer.
    fn extend(&self, _steps: u64) {}
    /// The current stage is done.
    fn finish(&self);
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn begin(&self, _: &str, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

/// A progress bar on a terminal, plain log lines otherwise.
pub fn for_terminal() -> Box<dyn Progress> {
    if std::io::stderr().is_terminal() { Box::new(Bar(Mutex::new(None))) } else { Box::new(Lines(Mutex::new(None))) }
}

struct Bar(Mutex<Option<ProgressBar>>);

impl Progress for Bar {
    fn begin(&self, stage: &str, total: u64) {
        let bar = ProgressBar::new(total).with_message(stage.to_string());
        let style = ProgressStyle::with_template("{msg:24} [{bar:30}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        if let Some(old) = self.0.lock().unwrap_or_else(|e| e.into_inner()).replace(bar) {
            old.finish();
        }
    }

    fn advance(&self, steps: u64) {
        if let Some(bar) = self.0.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            bar.inc(steps);
        }
    }

    fn extend(&self, steps: u64) {
        if let Some(bar) = self.0.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            bar.inc_length(steps);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.lock().unwrap_or_else(|e| e.into_inner()).take() {
            bar.finish();
        }
    }
}

/// One line when a stage starts and one when it ends.
struct Lines(Mutex<Option<(String, std::time::Instant)>>);

impl Progress for Lines {
    fn begin(&self, stage: &str, total: u64) {
        self.finish();
        eprintln!("{stage} ({total} steps)");
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((stage.to_string(), std::time::Instant::now()));
    }

    fn advance(&self, _: u64) {}

    fn finish(&self) {
        if let Some((stage, started)) = self.0.lock().unwrap_or_else(|e| e.into_inner()).take() {
            eprintln!("{stage}: done in {:.2} s", started.elapsed().as_secs_f64());
        }
    }
}
