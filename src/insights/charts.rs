//! Server-rendered SVG charts of the insights pages: horizontal bars (one or two series),
//! stacked bars, a funnel and a heat map. Each is a plain geometry computed here and drawn by
//! a template with a title, a text alternative and patterns as well as colours; the table
//! the chart comes from is always on the page beside it.

/// Width of every chart's drawing, in SVG units.
pub const WIDTH: f64 = 640.0;
/// Room for the labels on the left.
const LABELS: f64 = 200.0;
/// Room for the value written after a bar.
const VALUE: f64 = 70.0;
const ROW: f64 = 30.0;
const TOP: f64 = 10.0;

/// Characters of a label that fit in `LABELS` at the charts' font size.
const LABEL_CHARS: usize = 24;
/// Room the funnel keeps on the right for "count · rate".
const FUNNEL_VALUE: f64 = 130.0;

/// A label short enough for the room on the left; the table and text alternative keep it whole.
fn fit(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", kept.trim_end())
}

/// Where values are drawn: from `LABELS` to the right edge less the room for values.
fn scale(value: f64, max: f64) -> f64 {
    if max <= 0.0 { 0.0 } else { (value / max).clamp(0.0, 1.0) * (WIDTH - LABELS - VALUE) }
}

/// One labelled bar; `None` values are suppressed and drawn as a hatched stub.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub text: String,
    pub y: f64,
    pub x: f64,
    pub width: f64,
    pub hidden: bool,
    /// Which series (0 or 1) for the pattern and colour.
    pub series: usize,
}

/// Horizontal bars, one row per label, with up to two series per row.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    pub height: f64,
    pub legend: Vec<String>,
}

impl BarChart {
    /// `rows` of (label, values per series); `text` writes a value.
    pub fn new(rows: &[(String, Vec<Option<f64>>)], legend: Vec<String>, text: impl Fn(f64) -> String) -> Self {
        let max = rows.iter().flat_map(|(_, v)| v.iter().flatten()).copied().fold(0.0, f64::max);
        let series = rows.iter().map(|(_, v)| v.len()).max().unwrap_or(1).max(1);
        let band = ROW * series as f64 + 10.0;
        let mut bars = Vec::new();
        for (r, (label, values)) in rows.iter().enumerate() {
            for (s, value) in values.iter().enumerate() {
                let width = value.map_or(12.0, |v| scale(v, max).max(1.0));
                bars.push(Bar {
                    label: if s == 0 { fit(label) } else { String::new() },
                    text: value.map_or_else(|| "*".to_string(), &text),
                    y: TOP + r as f64 * band + s as f64 * ROW,
                    x: LABELS,
                    width,
                    hidden: value.is_none(),
                    series: s,
                });
            }
        }
        Self { height: TOP * 2.0 + rows.len() as f64 * band, bars, legend }
    }
}

/// The funnel: one centred bar per stage, narrowing as fewer students reach it.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelChart {
    pub bars: Vec<Bar>,
    pub height: f64,
}

impl FunnelChart {
    pub fn new(stages: &[(String, Option<f64>, String)]) -> Self {
        let max = stages.iter().filter_map(|(_, v, _)| *v).fold(0.0, f64::max);
        let room = WIDTH - LABELS - FUNNEL_VALUE;
        let bars = stages
            .iter()
            .enumerate()
            .map(|(i, (label, value, text))| {
                let width = value.map_or(12.0, |v| (v / max.max(1.0)).clamp(0.0, 1.0) * room).max(2.0);
                Bar {
                    label: fit(label),
                    text: text.clone(),
                    y: TOP + i as f64 * (ROW + 6.0),
                    x: LABELS + (room - width) / 2.0,
                    width,
                    hidden: value.is_none(),
                    series: 0,
                }
            })
            .collect();
        Self { bars, height: TOP * 2.0 + stages.len() as f64 * (ROW + 6.0) }
    }
}

/// A stacked bar: segments side by side that add up to the row's total.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub x: f64,
    pub width: f64,
    pub series: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackedRow {
    pub label: String,
    pub text: String,
    pub y: f64,
    pub segments: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackedChart {
    pub rows: Vec<StackedRow>,
    pub height: f64,
    pub legend: Vec<String>,
}

impl StackedChart {
    /// `rows` of (label, a value per series); the total is written after the bar.
    pub fn new(rows: &[(String, Vec<f64>)], legend: Vec<String>, text: impl Fn(f64) -> String) -> Self {
        let max = rows.iter().map(|(_, v)| v.iter().sum::<f64>()).fold(0.0, f64::max);
        let rows: Vec<StackedRow> = rows
            .iter()
            .enumerate()
            .map(|(r, (label, values))| {
                let mut x = LABELS;
                let segments = values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| **v > 0.0)
                    .map(|(series, v)| {
                        let width = scale(*v, max);
                        let segment = Segment { x, width, series };
                        x += width;
                        segment
                    })
                    .collect();
                StackedRow { label: fit(label), text: text(values.iter().sum()), y: TOP + r as f64 * ROW, segments }
            })
            .collect();
        Self { height: TOP * 2.0 + rows.len() as f64 * ROW, rows, legend }
    }
}

/// A heat map cell: its shade (0 lightest to 4 darkest), what it says, and whether it is
/// suppressed (drawn hatched, written "*").
#[derive(Clone, Debug, PartialEq)]
pub struct HeatCell {
    pub x: f64,
    pub shade: usize,
    pub text: String,
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeatRow {
    pub label: String,
    pub y: f64,
    pub cells: Vec<HeatCell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeatMap {
    pub columns: Vec<(String, f64)>,
    pub rows: Vec<HeatRow>,
    pub cell_width: f64,
    pub height: f64,
}

/// Shades of a heat map.
pub const SHADES: usize = 5;

impl HeatMap {
    /// `columns` headings; `rows` of (label, a value per column) on a scale up to `max`.
    pub fn new(
        columns: &[String],
        rows: &[(String, Vec<Option<f64>>)],
        max: f64,
        text: impl Fn(f64) -> String,
    ) -> Self {
        let cell_width = (WIDTH - LABELS) / columns.len().max(1) as f64;
        let head = 40.0;
        let columns =
            columns.iter().enumerate().map(|(i, c)| (c.clone(), LABELS + (i as f64 + 0.5) * cell_width)).collect();
        let rows = rows
            .iter()
            .enumerate()
            .map(|(r, (label, values))| HeatRow {
                label: fit(label),
                y: head + r as f64 * ROW,
                cells: values
                    .iter()
                    .enumerate()
                    .map(|(c, value)| HeatCell {
                        x: LABELS + c as f64 * cell_width,
                        shade: value.map_or(0, |v| shade(v, max)),
                        text: value.map_or_else(|| "*".to_string(), &text),
                        hidden: value.is_none(),
                    })
                    .collect(),
            })
            .collect::<Vec<_>>();
        Self { height: head + rows.len() as f64 * ROW + TOP, columns, rows, cell_width }
    }
}

fn shade(value: f64, max: f64) -> usize {
    if max <= 0.0 {
        return 0;
    }
    (((value / max) * SHADES as f64) as usize).min(SHADES - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_mark_suppressed_ones() {
        let rows =
            vec![("A".to_string(), vec![Some(50.0)]), ("B".to_string(), vec![None]), ("C".into(), vec![Some(25.0)])];
        let chart = BarChart::new(&rows, vec![], |v| format!("{v}%"));
        assert_eq!(chart.bars[0].width, WIDTH - LABELS - VALUE);
        assert_eq!(chart.bars[2].width, (WIDTH - LABELS - VALUE) / 2.0);
        assert!(chart.bars[1].hidden);
        assert_eq!(chart.bars[1].text, "*");
        assert!(chart.bars[2].y > chart.bars[1].y);
    }

    #[test]
    fn long_labels_are_shortened_to_fit() {
        assert_eq!(fit("Asian"), "Asian");
        let short = fit("Native Hawaiian or Pacific Islander");
        assert!(short.ends_with('…') && short.chars().count() <= LABEL_CHARS, "{short}");
    }

    #[test]
    fn the_funnel_centres_each_stage() {
        let chart =
            FunnelChart::new(&[("All".into(), Some(100.0), "100".into()), ("Half".into(), Some(50.0), "50".into())]);
        let centre = |b: &Bar| b.x + b.width / 2.0;
        assert!((centre(&chart.bars[0]) - centre(&chart.bars[1])).abs() < 1e-9);
        assert!(chart.bars[1].width < chart.bars[0].width);
    }

    #[test]
    fn stacked_segments_follow_each_other_and_skip_zeros() {
        let chart = StackedChart::new(&[("A".into(), vec![2.0, 0.0, 2.0])], vec![], |v| v.to_string());
        let s = &chart.rows[0].segments;
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].x, s[0].x + s[0].width);
        assert_eq!(s[1].series, 2);
        assert_eq!(chart.rows[0].text, "4");
    }

    #[test]
    fn heat_map_shades_go_from_light_to_dark() {
        let map = HeatMap::new(&["x".into(), "y".into()], &[("r".into(), vec![Some(0.0), Some(100.0)])], 100.0, |v| {
            v.to_string()
        });
        assert_eq!(map.rows[0].cells[0].shade, 0);
        assert_eq!(map.rows[0].cells[1].shade, SHADES - 1);
    }
}
