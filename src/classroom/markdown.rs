//! Lesson bodies are Markdown written by staff and read by other staff: rendered to HTML
//! with every piece of raw HTML dropped (so a `<script>` never reaches a page), links
//! kept only when they go to the web, mail or this site, and images shown as links (an
//! image from elsewhere would be a third-party request). Headings move one level down: the
//! body sits under the page's own section heading.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};

/// Renders `markdown` to HTML that is safe to put in a page as is.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options).filter_map(safe_event);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn safe_event(event: Event<'_>) -> Option<Event<'_>> {
    match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Some(Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id }))
        }
        Event::Start(Tag::Image { dest_url, title, id, .. }) => {
            Some(Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url: safe_url(dest_url), title, id }))
        }
        Event::End(TagEnd::Image) => Some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Some(Event::Start(Tag::Heading { level: below(level), id, classes, attrs }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(below(level)))),
        other => Some(other),
    }
}

/// The heading level under `level` (level 6 stays 6).
fn below(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// `url` when it is http(s), mailto or a path on this site; else a link to nowhere.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    let on_this_site = trimmed.starts_with('/') && !trimmed.starts_with("//") || trimmed.starts_with('#');
    let allowed = ["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme));
    if allowed || on_this_site { url } else { CowStr::Borrowed("#") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_raw_html_are_removed() {
        let html = render(
            "Hello <script>alert(1)</script> world\n\n<script>\nalert(2)\n</script>\n\n<img src=x onerror=alert(3)>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert(2)"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("Hello") && html.contains("world"), "{html}");
    }

    #[test]
    fn dangerous_links_lead_nowhere() {
        let html = render(
            "[click](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org/a) [here](/clusters)",
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains(r#"href="https://example.org/a""#), "{html}");
        assert!(html.contains(r#"href="/clusters""#), "{html}");
        assert!(html.contains(r##"href="#""##), "{html}");
    }

    #[test]
    fn images_become_links() {
        let html = render("![a chart](https://example.org/chart.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(r#"<a href="https://example.org/chart.png">a chart</a>"#), "{html}");
    }

    #[test]
    fn markdown_structure_is_kept() {
        let html = render("## Steps\n\n1. Read **Act 3**\n2. Argue\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(html.contains("<h3>Steps</h3>") && html.contains("<ol>") && html.contains("<strong>Act 3</strong>"));
        assert!(html.contains("<table>"), "{html}");
    }
}
