//! Page links for long lists.

use crate::i18n::Number;

/// Where a list is and how to reach its neighbouring pages.
pub struct Pager {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
    base: String,
    anchor: String,
}

impl Pager {
    /// `path` and `params` (without `page`) build each page's link.
    pub fn new(page: i64, per_page: i64, total: i64, path: &str, params: &[(&str, String)]) -> Self {
        let kept: Vec<(&str, &str)> =
            params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())).collect();
        let query = serde_urlencoded::to_string(&kept).unwrap_or_default();
        let base = if query.is_empty() { format!("{path}?") } else { format!("{path}?{query}&") };
        Self { page, per_page, total, base, anchor: String::new() }
    }

    /// Page links jump to the element with this id, so a list further down the page stays in view.
    pub fn with_anchor(mut self, id: &str) -> Self {
        self.anchor = format!("#{id}");
        self
    }

    /// True when the requested page lies past the end of a non-empty list.
    pub fn past_the_end(&self) -> bool {
        self.total > 0 && self.page > self.last_page()
    }

    pub fn last_page(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }

    pub fn first_shown(&self) -> i64 {
        if self.total == 0 { 0 } else { (self.page - 1) * self.per_page + 1 }
    }

    pub fn last_shown(&self) -> i64 {
        (self.page * self.per_page).min(self.total)
    }

    pub fn href(&self, page: impl Number) -> String {
        format!("{}page={}{}", self.base, page.value() as i64, self.anchor)
    }

    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.last_page()
    }

    pub fn previous(&self) -> i64 {
        self.page - 1
    }

    pub fn next(&self) -> i64 {
        self.page + 1
    }

    /// Page numbers to show: first, last, and two around the current one; 0 marks a gap.
    pub fn window(&self) -> Vec<i64> {
        let last = self.last_page();
        let mut pages = Vec::new();
        for p in 1..=last {
            if p == 1 || p == last || (p - self.page).abs() <= 2 {
                pages.push(p);
            } else if pages.last() != Some(&0) {
                pages.push(0);
            }
        }
        pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_elides_far_pages() {
        let pager = Pager::new(10, 50, 1016, "/occupations", &[("q", String::new())]);
        assert_eq!(pager.last_page(), 21);
        assert_eq!(pager.window(), vec![1, 0, 8, 9, 10, 11, 12, 0, 21]);
        assert_eq!(pager.href(11), "/occupations?page=11");
        assert_eq!((pager.first_shown(), pager.last_shown()), (451, 500));
    }

    #[test]
    fn links_keep_filters() {
        let pager = Pager::new(1, 50, 120, "/occupations", &[("q", "nurse aide".into())]);
        assert_eq!(pager.href(2), "/occupations?q=nurse+aide&page=2");
        assert!(!pager.has_previous() && pager.has_next());
        assert_eq!(pager.with_anchor("results").href(3), "/occupations?q=nurse+aide&page=3#results");
    }
}
