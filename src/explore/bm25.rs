//! BM25F ranking over documents with several weighted fields (title, other titles,
//! description, tasks). Term frequencies are kept per field so one title can be left out of
//! a document at query time, which the leave-one-out evaluation needs.

use std::collections::HashMap;

/// Field weights and length normalization of BM25F.
#[derive(Clone, Debug)]
pub struct FieldSpec {
    pub weight: f32,
    pub b: f32,
}

const K1: f32 = 1.2;

/// One document's counts of a term, per field.
#[derive(Clone, Debug)]
struct Posting {
    doc: u32,
    tf: Vec<u16>,
}

/// A document's score for a query.
#[derive(Clone, Debug, Default)]
pub struct Hit {
    pub score: f32,
    /// Positions in the query of the terms that matched.
    pub terms: Vec<usize>,
}

/// Part of one document to ignore while scoring: the words of one field entry.
pub struct Exclusion<'a> {
    pub doc: u32,
    pub field: usize,
    pub terms: &'a [String],
}

pub struct Bm25 {
    fields: Vec<FieldSpec>,
    postings: HashMap<String, Vec<Posting>>,
    lengths: Vec<Vec<f32>>,
    average: Vec<f32>,
    docs: usize,
}

impl Bm25 {
    /// Builds the index from each document's field terms: `docs[d][f]` is the list of terms
    /// (already stemmed) of field `f` of document `d`.
    pub fn build(fields: Vec<FieldSpec>, docs: &[Vec<Vec<String>>]) -> Self {
        let mut postings: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut lengths = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let mut counts: HashMap<&str, Vec<u16>> = HashMap::new();
            for (f, terms) in doc.iter().enumerate() {
                for term in terms {
                    let tf = counts.entry(term.as_str()).or_insert_with(|| vec![0; fields.len()]);
                    tf[f] = tf[f].saturating_add(1);
                }
            }
            for (term, tf) in counts {
                postings.entry(term.to_string()).or_default().push(Posting { doc: d as u32, tf });
            }
            lengths.push(doc.iter().map(|terms| terms.len() as f32).collect::<Vec<_>>());
        }
        let n = docs.len().max(1) as f32;
        let average =
            (0..fields.len()).map(|f| (lengths.iter().map(|l: &Vec<f32>| l[f]).sum::<f32>() / n).max(1.0)).collect();
        Self { fields, postings, lengths, average, docs: docs.len() }
    }

    pub fn contains(&self, term: &str) -> bool {
        self.postings.contains_key(term)
    }

    /// How many documents hold `term`.
    pub fn document_frequency(&self, term: &str) -> usize {
        self.postings.get(term).map_or(0, Vec::len)
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.docs as f32;
        let df = df as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// Dense scoring for hot paths: adds each document's score into `scores` (one slot per
    /// document), sets bit `q` of `matched[doc]` when query term `q` matched, and lists the
    /// documents touched. At most 64 query terms are used.
    pub fn search_dense(
        &self,
        terms: &[(String, f32)],
        exclude: Option<&Exclusion>,
        scores: &mut [f32],
        matched: &mut [u64],
        touched: &mut Vec<u32>,
    ) {
        for (q, (term, query_weight)) in terms.iter().enumerate().take(64) {
            let Some(postings) = self.postings.get(term) else { continue };
            let idf = self.idf(postings.len());
            for posting in postings {
                let pseudo = self.pseudo_frequency(posting, term, exclude);
                if pseudo <= 0.0 {
                    continue;
                }
                let d = posting.doc as usize;
                if matched[d] == 0 && scores[d] == 0.0 {
                    touched.push(posting.doc);
                }
                scores[d] += query_weight * idf * pseudo / (K1 + pseudo);
                matched[d] |= 1 << q;
            }
        }
    }

    fn pseudo_frequency(&self, posting: &Posting, term: &str, exclude: Option<&Exclusion>) -> f32 {
        let mut pseudo = 0.0;
        for (f, spec) in self.fields.iter().enumerate() {
            let mut tf = posting.tf[f] as f32;
            if tf == 0.0 {
                continue;
            }
            let mut length = self.lengths[posting.doc as usize][f];
            if let Some(ex) = exclude.filter(|ex| ex.doc == posting.doc && ex.field == f) {
                tf -= ex.terms.iter().filter(|t| *t == term).count() as f32;
                length -= ex.terms.len() as f32;
            }
            if tf <= 0.0 {
                continue;
            }
            let norm = 1.0 - spec.b + spec.b * length.max(1.0) / self.average[f];
            pseudo += spec.weight * tf / norm;
        }
        pseudo
    }

    /// Scores every document holding at least one of `terms` (each with a query weight).
    pub fn search(&self, terms: &[(String, f32)], exclude: Option<&Exclusion>) -> HashMap<u32, Hit> {
        let mut scores = vec![0.0; self.docs];
        let mut matched = vec![0u64; self.docs];
        let mut touched = Vec::new();
        self.search_dense(terms, exclude, &mut scores, &mut matched, &mut touched);
        touched
            .into_iter()
            .map(|doc| {
                let d = doc as usize;
                let terms = (0..terms.len().min(64)).filter(|q| matched[d] & (1 << q) != 0).collect();
                (doc, Hit { score: scores[d], terms })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(fields: &[&str]) -> Vec<Vec<String>> {
        fields.iter().map(|f| f.split_whitespace().map(str::to_string).collect()).collect()
    }

    fn index() -> Bm25 {
        Bm25::build(
            vec![FieldSpec { weight: 3.0, b: 0.5 }, FieldSpec { weight: 1.0, b: 0.75 }],
            &[
                doc(&["nurse", "care patient record"]),
                doc(&["welder", "join metal weld"]),
                doc(&["teacher", "teach student care"]),
            ],
        )
    }

    #[test]
    fn title_matches_outrank_body_matches() {
        let hits = index().search(&[("nurse".into(), 1.0), ("care".into(), 1.0)], None);
        assert!(hits[&0].score > hits[&2].score);
        assert!(!hits.contains_key(&1));
        assert_eq!(hits[&0].terms.len(), 2);
    }

    #[test]
    fn dense_search_agrees_with_sparse_search() {
        let index = index();
        let terms = [("nurse".to_string(), 1.0), ("care".to_string(), 1.0)];
        let (mut scores, mut matched, mut touched) = (vec![0.0; 3], vec![0; 3], Vec::new());
        index.search_dense(&terms, None, &mut scores, &mut matched, &mut touched);
        let sparse = index.search(&terms, None);
        for (doc, hit) in sparse {
            assert!((scores[doc as usize] - hit.score).abs() < 1e-6);
        }
        assert_eq!(matched[0], 0b11);
        assert_eq!(touched.len(), 2);
    }

    #[test]
    fn an_excluded_field_entry_no_longer_matches() {
        let index = index();
        let terms = ["nurse".to_string()];
        let exclusion = Exclusion { doc: 0, field: 0, terms: &terms };
        let hits = index.search(&[("nurse".into(), 1.0)], Some(&exclusion));
        assert!(!hits.contains_key(&0));
    }
}
