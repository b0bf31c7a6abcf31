//! The RIASEC bar chart shared by occupation pages (interest scores 1-7) and Interest
//! Profiler results (0-40): horizontal bars with a label above each, a pattern per area so
//! colour is never the only cue, and a table beside it in the template.

use crate::i18n::Lang;

const LEFT: f64 = 8.0;
const WIDTH: f64 = 320.0;
const TOP: i64 = 30;
const ROW: i64 = 50;
const AREAS: [char; 6] = ['R', 'I', 'A', 'S', 'E', 'C'];

/// One bar with what the chart and its table show.
pub struct ChartBar {
    pub letter: char,
    pub name: String,
    /// Short description of the area, for the text beside the chart.
    pub description: String,
    /// The value as the page writes it ("5.6", "40").
    pub label: String,
    pub y: i64,
    pub width: f64,
    /// Part of the interest code (drawn bold, marked ★).
    pub highlight: bool,
}

/// The chart: bars in R I A S E C order on a scale from 0 to `max`, with grid lines.
pub struct Chart {
    pub bars: Vec<ChartBar>,
    pub ticks: Vec<(String, f64)>,
}

impl Chart {
    /// `scores` in R I A S E C order; `code` marks the highlighted areas; `ticks` are the
    /// grid values; `label` writes a value.
    pub fn new(
        lang: Lang,
        scores: [f64; 6],
        max: f64,
        code: &str,
        ticks: &[f64],
        label: impl Fn(f64) -> String,
    ) -> Self {
        let x = |value: f64| LEFT + value / max * WIDTH;
        let bars = AREAS
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(i, (&letter, score))| ChartBar {
                letter,
                name: lang.t(&format!("riasec-{letter}-name")),
                description: lang.t(&format!("riasec-{letter}-description")),
                label: label(score),
                y: TOP + i as i64 * ROW,
                width: (x(score) - LEFT).max(1.0),
                highlight: code.contains(letter),
            })
            .collect();
        let ticks =
            ticks.iter().map(|&t| (label(t).trim_end_matches(".0").trim_end_matches(",0").to_string(), x(t))).collect();
        Self { bars, ticks }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_maximum_and_mark_the_code() {
        let chart = Chart::new(Lang::En, [40.0, 20.0, 0.0, 10.0, 30.0, 5.0], 40.0, "RE", &[0.0, 20.0, 40.0], |v| {
            format!("{v}")
        });
        assert_eq!(chart.bars[0].width, 320.0);
        assert_eq!(chart.bars[1].width, 160.0);
        assert_eq!(chart.bars[2].width, 1.0, "an empty bar still shows");
        assert!(chart.bars[0].highlight && chart.bars[4].highlight && !chart.bars[1].highlight);
        assert_eq!(chart.ticks[2], ("40".to_string(), 328.0));
    }
}
