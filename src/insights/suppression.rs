//! Small-cell suppression of published counts. A count below the district's threshold is
//! never shown (primary suppression), and more counts are hidden until no hidden one can be
//! worked out from what is shown and the totals published with it (complementary
//! suppression): a hidden cell is derivable exactly when its unit vector lies in the row
//! space of the totals' equations restricted to the hidden cells.

/// The smallest threshold a district may set: below it groups identify students too easily.
pub const MIN_THRESHOLD: i64 = 5;
/// The threshold until a district sets its own.
pub const DEFAULT_THRESHOLD: i64 = 10;

/// A published total and the published cells it adds up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sum {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Which of `values` must be hidden so that no shown value is below `threshold` and no
/// hidden value follows from the shown ones and `sums`.
pub fn suppress(values: &[i64], sums: &[Sum], threshold: i64) -> Vec<bool> {
    let mut hidden: Vec<bool> = values.iter().map(|v| *v < threshold).collect();
    while let Some(cell) = next_complement(values, sums, &hidden) {
        hidden[cell] = true;
    }
    hidden
}

/// The next cell to hide, `None` when the hidden ones are safe.
fn next_complement(values: &[i64], sums: &[Sum], hidden: &[bool]) -> Option<usize> {
    // The common case first: a total with a single hidden member gives it away.
    for sum in sums {
        let members = || sum.parts.iter().chain(std::iter::once(&sum.total));
        if members().filter(|m| hidden[**m]).count() == 1 {
            return smallest_shown(values, sum, hidden);
        }
    }
    let derivable = derivable(values.len(), sums, hidden);
    let cell = *derivable.first()?;
    sums.iter()
        .filter(|s| s.total == cell || s.parts.contains(&cell))
        .find_map(|s| smallest_shown(values, s, hidden))
        .or_else(|| {
            // Every equation through the cell is hidden already: widen to any shown member
            // of an equation that holds hidden cells.
            sums.iter().filter(|s| s.parts.iter().any(|p| hidden[*p])).find_map(|s| smallest_shown(values, s, hidden))
        })
}

/// The shown member of `sum` that costs least to hide: the smallest part, else its total.
fn smallest_shown(values: &[i64], sum: &Sum, hidden: &[bool]) -> Option<usize> {
    sum.parts
        .iter()
        .copied()
        .filter(|p| !hidden[*p])
        .min_by_key(|p| (values[*p], *p))
        .or((!hidden[sum.total]).then_some(sum.total))
}

/// The hidden cells whose value follows from the shown ones and the sums.
pub fn derivable(cells: usize, sums: &[Sum], hidden: &[bool]) -> Vec<usize> {
    let unknowns: Vec<usize> = (0..cells).filter(|c| hidden[*c]).collect();
    if unknowns.is_empty() {
        return Vec::new();
    }
    let column = |cell: usize| unknowns.iter().position(|u| *u == cell);
    let mut rows: Vec<Vec<f64>> = sums
        .iter()
        .map(|sum| {
            let mut row = vec![0.0; unknowns.len()];
            for part in &sum.parts {
                if let Some(c) = column(*part) {
                    row[c] += 1.0;
                }
            }
            if let Some(c) = column(sum.total) {
                row[c] -= 1.0;
            }
            row
        })
        .filter(|row| row.iter().any(|v| *v != 0.0))
        .collect();
    let pivots = reduce(&mut rows, unknowns.len());
    // In reduced row echelon form a unit vector is in the row space only as a row of its own.
    pivots
        .into_iter()
        .filter(|(row, col)| rows[*row].iter().enumerate().all(|(c, v)| c == *col || v.abs() < EPSILON))
        .map(|(_, col)| unknowns[col])
        .collect()
}

const EPSILON: f64 = 1e-9;

/// Brings `rows` to reduced row echelon form; returns the (row, column) of each pivot.
fn reduce(rows: &mut [Vec<f64>], columns: usize) -> Vec<(usize, usize)> {
    let mut pivots = Vec::new();
    let mut next = 0;
    for col in 0..columns {
        let Some(found) = (next..rows.len()).max_by(|a, b| rows[*a][col].abs().total_cmp(&rows[*b][col].abs())) else {
            break;
        };
        if rows[found][col].abs() < EPSILON {
            continue;
        }
        rows.swap(next, found);
        let lead = rows[next][col];
        rows[next].iter_mut().for_each(|v| *v /= lead);
        let pivot = rows[next].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            let factor = row[col];
            if r != next && factor.abs() >= EPSILON {
                row.iter_mut().zip(&pivot).for_each(|(v, p)| *v -= factor * p);
            }
        }
        pivots.push((next, col));
        next += 1;
    }
    pivots
}

/// The sums of a grid of `rows` × `columns` cells laid out row by row, followed by its
/// column totals (one row) and, when `row_totals`, a total at the end of every row
/// (the grand total last).
pub fn grid_sums(rows: usize, columns: usize, row_totals: bool) -> Vec<Sum> {
    let width = columns + usize::from(row_totals);
    let at = |r: usize, c: usize| r * width + c;
    let mut sums: Vec<Sum> =
        (0..width).map(|c| Sum { total: at(rows, c), parts: (0..rows).map(|r| at(r, c)).collect() }).collect();
    if row_totals {
        sums.extend((0..=rows).map(|r| Sum { total: at(r, columns), parts: (0..columns).map(|c| at(r, c)).collect() }));
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rank of an integer matrix, exactly (fraction-free elimination).
    fn rank(mut m: Vec<Vec<i128>>) -> usize {
        let columns = m.first().map_or(0, Vec::len);
        let mut rank = 0;
        for col in 0..columns {
            let Some(p) = (rank..m.len()).find(|r| m[*r][col] != 0) else { continue };
            m.swap(rank, p);
            for r in rank + 1..m.len() {
                let (a, b) = (m[rank][col], m[r][col]);
                if b != 0 {
                    let pivot = m[rank].clone();
                    m[r].iter_mut().zip(&pivot).for_each(|(v, q)| *v = *v * a - q * b);
                    let g = m[r].iter().fold(0i128, |g, v| gcd(g, v.abs()));
                    if g > 1 {
                        m[r].iter_mut().for_each(|v| *v /= g);
                    }
                }
            }
            rank += 1;
        }
        rank
    }

    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 { a } else { gcd(b, a % b) }
    }

    /// A hidden cell is recoverable exactly when dropping it from the equations' unknowns
    /// lowers their rank: then every solution agrees on it.
    fn recoverable(cells: usize, sums: &[Sum], hidden: &[bool], cell: usize) -> bool {
        let equations = |skip: Option<usize>| -> Vec<Vec<i128>> {
            let unknowns: Vec<usize> = (0..cells).filter(|c| hidden[*c] && Some(*c) != skip).collect();
            sums.iter()
                .map(|s| {
                    unknowns
                        .iter()
                        .map(|u| i128::from(s.parts.contains(u)) - i128::from(s.total == *u))
                        .collect::<Vec<i128>>()
                })
                .collect()
        };
        rank(equations(None)) > rank(equations(Some(cell)))
    }

    /// A grid of inner cells with its column totals and (optionally) row totals filled in.
    fn with_totals(inner: &[Vec<i64>], row_totals: bool) -> Vec<i64> {
        let columns = inner[0].len();
        let mut values = Vec::new();
        let mut column_totals = vec![0; columns];
        for row in inner {
            values.extend(row);
            row.iter().enumerate().for_each(|(c, v)| column_totals[c] += v);
            if row_totals {
                values.push(row.iter().sum());
            }
        }
        let grand: i64 = column_totals.iter().sum();
        values.extend(&column_totals);
        if row_totals {
            values.push(grand);
        }
        values
    }

    fn table() -> impl Strategy<Value = (Vec<Vec<i64>>, bool, i64)> {
        (1usize..6, 1usize..6, any::<bool>(), 5i64..15).prop_flat_map(|(rows, columns, row_totals, threshold)| {
            let cell = prop_oneof![0i64..12, 0i64..400];
            (prop::collection::vec(prop::collection::vec(cell, columns), rows), Just(row_totals), Just(threshold))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn no_shown_cell_is_small_and_no_hidden_cell_can_be_worked_out((inner, row_totals, threshold) in table()) {
            let values = with_totals(&inner, row_totals);
            let sums = grid_sums(inner.len(), inner[0].len(), row_totals);
            let hidden = suppress(&values, &sums, threshold);
            for (cell, value) in values.iter().enumerate() {
                prop_assert!(hidden[cell] || *value >= threshold, "cell {cell} = {value} shown");
                if hidden[cell] {
                    prop_assert!(!recoverable(values.len(), &sums, &hidden, cell), "cell {cell} recoverable: {values:?} {hidden:?}");
                }
            }
        }
    }

    #[test]
    fn one_small_group_hides_a_second_so_the_total_does_not_give_it_away() {
        // Groups 40, 3, 25, 12 of a total 80, in one column.
        let values = [40, 3, 25, 12, 80];
        let sums = grid_sums(4, 1, false);
        let hidden = suppress(&values, &sums, 10);
        assert_eq!(hidden, [false, true, false, true, false]);
    }

    #[test]
    fn nothing_is_hidden_when_every_cell_is_large_enough() {
        let values = with_totals(&[vec![20, 30], vec![11, 50]], true);
        assert!(suppress(&values, &grid_sums(2, 2, true), 10).iter().all(|h| !h));
    }

    #[test]
    fn equations_chained_through_shown_totals_give_every_hidden_cell_away() {
        // a is shown as a total of its own; then a + b gives b, and b + c gives c.
        let sums = vec![
            Sum { total: 5, parts: vec![0, 1] },
            Sum { total: 6, parts: vec![1, 2] },
            Sum { total: 7, parts: vec![0] },
        ];
        let hidden = [true, true, true, false, false, false, false, false];
        assert_eq!(derivable(8, &sums, &hidden), [0, 1, 2]);
    }

    #[test]
    fn the_oracle_itself_sees_a_lone_hidden_cell() {
        let sums = grid_sums(2, 1, false);
        assert!(recoverable(3, &sums, &[true, false, false], 0));
        assert!(!recoverable(3, &sums, &[true, true, false], 0));
    }
}
