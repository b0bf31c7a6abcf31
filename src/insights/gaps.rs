//! Gap analysis: sub-clusters whose occupations are in high demand but which the district's
//! programs barely cover, and clusters where more students are interested than there are
//! seats and opportunities.

use std::collections::HashMap;

use super::alignment::{CoverageRow, Offer};
use super::labor::LinkedDemand;

/// Occupations named beside a sub-cluster.
const TOP_OCCUPATIONS: usize = 3;

/// The demand for one sub-cluster's occupations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Demand {
    pub annual_openings: f64,
    /// Median annual wage, averaged over the occupations weighted by their openings.
    pub median_wage: Option<f64>,
    /// Projected growth in percent, averaged the same way.
    pub growth_percent: Option<f64>,
    /// Its largest occupations: (title, annual openings).
    pub top: Vec<(String, f64)>,
}

/// Sums the occupations of each sub-cluster.
pub fn demand_by_subcluster(linked: &[LinkedDemand]) -> HashMap<String, Demand> {
    let mut groups: HashMap<&str, Vec<&LinkedDemand>> = HashMap::new();
    for row in linked {
        groups.entry(row.subcluster_id.as_str()).or_default().push(row);
    }
    groups
        .into_iter()
        .map(|(subcluster, mut rows)| {
            rows.sort_by(|a, b| b.annual_openings.total_cmp(&a.annual_openings).then(a.title.cmp(&b.title)));
            let weighted = |value: fn(&LinkedDemand) -> Option<f64>| {
                let (sum, weight) = rows
                    .iter()
                    .filter_map(|r| value(r).map(|v| (v * r.annual_openings, r.annual_openings)))
                    .fold((0.0, 0.0), |(s, w), (v, o)| (s + v, w + o));
                (weight > 0.0).then(|| sum / weight)
            };
            let demand = Demand {
                annual_openings: rows.iter().map(|r| r.annual_openings).sum(),
                median_wage: weighted(|r| r.median_wage),
                growth_percent: weighted(|r| r.growth_percent),
                top: rows.iter().take(TOP_OCCUPATIONS).map(|r| (r.title.clone(), r.annual_openings)).collect(),
            };
            (subcluster.to_string(), demand)
        })
        .collect()
}

/// How well the district's programs cover a sub-cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// No aligned course and no program of study.
    None,
    /// One aligned course and no program of study.
    Thin,
    /// A program of study, or two aligned courses or more.
    Covered,
}

impl Coverage {
    pub fn of(offer: &Offer) -> Self {
        match (offer.programs, offer.courses) {
            (p, _) if p > 0 => Coverage::Covered,
            (_, c) if c >= 2 => Coverage::Covered,
            (_, 1) => Coverage::Thin,
            _ => Coverage::None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Coverage::None => "none",
            Coverage::Thin => "thin",
            Coverage::Covered => "covered",
        }
    }
}

/// One sub-cluster of the gap analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    pub subcluster_id: String,
    pub cluster_id: String,
    pub name: String,
    pub demand: Demand,
    /// Its share of all openings, in percent.
    pub share: f64,
    /// Among the third of sub-clusters with the most openings.
    pub high_demand: bool,
    pub offer: Offer,
    pub coverage: Coverage,
}

impl GapRow {
    /// High demand and little program coverage.
    pub fn is_gap(&self) -> bool {
        self.high_demand && self.coverage != Coverage::Covered
    }
}

/// Every sub-cluster of `rows` with its demand, most openings first; `total` is the openings
/// of all occupations counted once.
pub fn analyse(rows: &[CoverageRow], demand: &HashMap<String, Demand>, total: f64) -> Vec<GapRow> {
    let mut gaps: Vec<GapRow> = rows
        .iter()
        .filter(|r| !r.is_cluster)
        .map(|r| {
            let demand = demand.get(&r.id).cloned().unwrap_or_default();
            GapRow {
                subcluster_id: r.id.clone(),
                cluster_id: r.cluster_id.clone(),
                name: r.name.clone(),
                share: if total > 0.0 { demand.annual_openings / total * 100.0 } else { 0.0 },
                demand,
                high_demand: false,
                coverage: Coverage::of(&r.offer),
                offer: r.offer.clone(),
            }
        })
        .collect();
    gaps.sort_by(|a, b| b.demand.annual_openings.total_cmp(&a.demand.annual_openings).then(a.name.cmp(&b.name)));
    let high = gaps.len().div_ceil(3);
    for row in gaps.iter_mut().take(high).filter(|r| r.demand.annual_openings > 0.0) {
        row.high_demand = true;
    }
    gaps
}

/// Students interested in a cluster beside what the district offers in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterestRow {
    pub cluster_id: String,
    pub name: String,
    pub offer: Offer,
}

impl InterestRow {
    /// More students chose the cluster than there are seats in its open opportunities.
    pub fn short_of_seats(&self) -> bool {
        self.offer.interested > self.offer.seats
    }
}

/// The clusters, most interested students first.
pub fn interest(rows: &[CoverageRow]) -> Vec<InterestRow> {
    let mut clusters: Vec<InterestRow> = rows
        .iter()
        .filter(|r| r.is_cluster)
        .map(|r| InterestRow { cluster_id: r.id.clone(), name: r.name.clone(), offer: r.offer.clone() })
        .collect();
    clusters.sort_by(|a, b| b.offer.interested.cmp(&a.offer.interested).then(a.name.cmp(&b.name)));
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linked(subcluster: &str, soc: &str, openings: f64, wage: Option<f64>) -> LinkedDemand {
        LinkedDemand {
            subcluster_id: subcluster.into(),
            soc_code: soc.into(),
            title: soc.into(),
            annual_openings: openings,
            median_wage: wage,
            growth_percent: Some(openings / 100.0),
        }
    }

    fn row(id: &str, courses: i64, programs: i64) -> CoverageRow {
        CoverageRow {
            id: id.into(),
            cluster_id: "c".into(),
            is_cluster: false,
            name: id.into(),
            offer: Offer { courses, programs, ..Offer::default() },
            by_school: Vec::new(),
        }
    }

    #[test]
    fn wages_and_growth_are_weighted_by_openings() {
        let demand = demand_by_subcluster(&[
            linked("nursing", "29-1141", 300.0, Some(80_000.0)),
            linked("nursing", "31-1131", 100.0, Some(40_000.0)),
            linked("nursing", "29-2061", 100.0, None),
        ]);
        let nursing = &demand["nursing"];
        assert_eq!(nursing.annual_openings, 500.0);
        assert_eq!(nursing.median_wage, Some(70_000.0));
        assert_eq!(nursing.growth_percent, Some((300.0 * 3.0 + 100.0 + 100.0) / 500.0));
        assert_eq!(nursing.top[0], ("29-1141".to_string(), 300.0));
    }

    #[test]
    fn a_gap_is_high_demand_with_little_coverage() {
        let rows = [row("a", 0, 0), row("b", 1, 0), row("c", 0, 1), row("d", 5, 0), row("e", 0, 0), row("f", 0, 0)];
        let demand: HashMap<String, Demand> = [("a", 600.0), ("b", 500.0), ("c", 400.0), ("d", 50.0), ("e", 0.0)]
            .into_iter()
            .map(|(id, openings)| (id.to_string(), Demand { annual_openings: openings, ..Demand::default() }))
            .collect();
        let gaps = analyse(&rows, &demand, 1550.0);
        let order: Vec<&str> = gaps.iter().map(|g| g.subcluster_id.as_str()).collect();
        assert_eq!(&order[..4], ["a", "b", "c", "d"]);
        let flagged: Vec<&str> = gaps.iter().filter(|g| g.is_gap()).map(|g| g.subcluster_id.as_str()).collect();
        assert_eq!(flagged, ["a", "b"], "c has a program of study; d is not in the top third");
        assert_eq!(gaps[1].coverage, Coverage::Thin);
        assert!((gaps[0].share - 600.0 / 1550.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn without_any_demand_nothing_is_a_gap() {
        let gaps = analyse(&[row("a", 0, 0), row("b", 0, 0)], &HashMap::new(), 0.0);
        assert!(gaps.iter().all(|g| !g.is_gap() && g.share == 0.0));
    }
}
