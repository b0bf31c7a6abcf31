//! A small PDF writer for printable records: US Letter pages of headings, wrapped paragraphs
//! and bullets in the standard Helvetica fonts (no font files to embed or ship). Text is
//! encoded in WinAnsi, which covers English and Spanish (accents, ñ, ¿ ¡, « », dashes and
//! curly quotes); a character outside it prints as "?". The document carries its title and
//! language for assistive technology.

use std::fmt::Write as _;

const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 54.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }
}

/// Advance widths (thousandths of the font size) of ASCII 32-126 in Helvetica and
/// Helvetica-Bold, from the fonts' published metrics.
const REGULAR_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];
const BOLD_WIDTHS: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584,
];

/// The WinAnsi byte of `c`, or `?` when the encoding lacks it.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        _ => b'?',
    }
}

/// The width of `c` at size 1. Letters beyond ASCII take the width of a wide lowercase
/// letter or capital: wrapping errs toward shorter lines.
fn char_width(c: char, font: Font) -> f32 {
    let widths = if font == Font::Bold { &BOLD_WIDTHS } else { &REGULAR_WIDTHS };
    let units = match c {
        ' '..='~' => widths[c as usize - 32],
        '—' | '…' => 1000,
        c if c.is_uppercase() => 778,
        _ => 611,
    };
    f32::from(units) / 1000.0
}

fn text_width(text: &str, font: Font, size: f32) -> f32 {
    text.chars().map(|c| char_width(c, font)).sum::<f32>() * size
}

/// The lines `text` wraps to within `width`, breaking at spaces (a word longer than a line
/// is broken where it must).
fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if text_width(&candidate, font, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                if !line.is_empty() && text_width(&format!("{line}{c}"), font, size) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

/// A document being laid out, page by page.
pub struct Document {
    title: String,
    lang: String,
    pages: Vec<String>,
    /// Where the next line's baseline goes on the current page.
    y: f32,
}

impl Document {
    /// A document titled `title` in language `lang` (a BCP 47 tag such as `es`).
    pub fn new(title: &str, lang: &str) -> Self {
        Document {
            title: title.to_string(),
            lang: lang.to_string(),
            pages: vec![String::new()],
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    /// Room for `height` more points on this page, or a new page.
    fn room(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.pages.push(String::new());
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    /// Writes `text` wrapped, `indent` points in; `marker` (a bullet) goes before its first line.
    fn write_lines(&mut self, text: &str, font: Font, size: f32, indent: f32, marker: Option<&str>) {
        let leading = size * 1.35;
        for (n, line) in wrap(text, font, size, TEXT_WIDTH - indent).into_iter().enumerate() {
            self.room(leading);
            self.y -= leading;
            let (x, y, font) = (MARGIN + indent, self.y, font.resource());
            let page = self.pages.last_mut().expect("a page");
            if let Some(marker) = marker.filter(|_| n == 0) {
                let _ = writeln!(page, "BT /{font} {size} Tf {MARGIN:.1} {y:.1} Td ({}) Tj ET", pdf_text(marker));
            }
            let _ = writeln!(page, "BT /{font} {size} Tf {x:.1} {y:.1} Td ({}) Tj ET", pdf_text(&line));
        }
    }

    /// The document's title line.
    pub fn title(&mut self, text: &str) {
        self.write_lines(text, Font::Bold, 18.0, 0.0, None);
        self.space(4.0);
    }

    /// A section heading, kept on a page with at least a few lines after it.
    pub fn heading(&mut self, text: &str) {
        self.space(10.0);
        self.room(60.0);
        self.write_lines(text, Font::Bold, 13.0, 0.0, None);
        self.space(2.0);
    }

    /// A heading within a section.
    pub fn subheading(&mut self, text: &str) {
        self.space(4.0);
        self.room(40.0);
        self.write_lines(text, Font::Bold, 10.5, 0.0, None);
    }

    pub fn paragraph(&mut self, text: &str) {
        self.write_lines(text, Font::Regular, 10.5, 0.0, None);
    }

    /// A quieter line (dates, kinds, tags).
    pub fn detail(&mut self, text: &str) {
        self.write_lines(text, Font::Regular, 9.0, 0.0, None);
    }

    pub fn bullet(&mut self, text: &str) {
        self.write_lines(text, Font::Regular, 10.5, 14.0, Some("•"));
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
    }

    /// The finished file.
    pub fn finish(self) -> Vec<u8> {
        let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        let mut object = |out: &mut Vec<u8>, body: &str| {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", offsets.len()).as_bytes());
        };
        let pages = self.pages.len();
        // Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content per page.
        let kids: Vec<String> = (0..pages).map(|n| format!("{} 0 R", 6 + 2 * n)).collect();
        object(&mut out, &format!("<< /Type /Catalog /Pages 2 0 R /Lang ({}) >>", pdf_text(&self.lang)));
        object(&mut out, &format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", kids.join(" ")));
        for base in ["Helvetica", "Helvetica-Bold"] {
            object(
                &mut out,
                &format!("<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"),
            );
        }
        object(&mut out, &format!("<< /Title ({}) /Producer (Pathways) >>", pdf_text(&self.title)));
        for (n, content) in self.pages.iter().enumerate() {
            object(
                &mut out,
                &format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
                     /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                    7 + 2 * n
                ),
            );
            object(&mut out, &format!("<< /Length {} >>\nstream\n{content}endstream", content.len()));
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for offset in &offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        );
        out.extend_from_slice(table.as_bytes());
        out
    }
}

/// A PDF string's contents for `text` (in the document's WinAnsi text encoding).
fn pdf_text(text: &str) -> String {
    let mut out = String::new();
    for byte in text.chars().map(win_ansi) {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            32..=126 => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_margins_and_long_words_break() {
        let text = "Quiero estudiar enfermería pediátrica en la universidad estatal ".repeat(8);
        let lines = wrap(&text, Font::Regular, 10.5, TEXT_WIDTH);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| text_width(l, Font::Regular, 10.5) <= TEXT_WIDTH));
        let word = "x".repeat(300);
        assert!(wrap(&word, Font::Bold, 12.0, 100.0).len() > 5);
    }

    #[test]
    fn spanish_text_is_encoded_in_win_ansi() {
        assert_eq!(pdf_text("¿Qué? (sí) — ñ"), "\\277Qu\\351? \\(s\\355\\) \\227 \\361");
        assert_eq!(pdf_text("日本"), "??");
    }

    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let mut doc = Document::new("Plan", "es");
        doc.title("Plan de Ana");
        for n in 0..200 {
            doc.bullet(&format!("Punto {n}"));
        }
        let bytes = doc.finish();
        let text = String::from_utf8_lossy(&bytes);
        let xref: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(bytes[xref..].starts_with(b"xref"));
        let table = String::from_utf8_lossy(&bytes[xref..]).into_owned();
        for (n, line) in table.lines().skip(3).take_while(|l| l.ends_with(" n ")).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(bytes[offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()), "object {}", n + 1);
        }
        let pages: usize = text.split("/Count ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
        assert!(pages >= 4, "200 bullets of 14 points run over four pages of 684 points: {pages}");
    }
}
