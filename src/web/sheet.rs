//! CSV downloads meant for spreadsheets: RFC 4180 quoting, and cells that never run as formulas.

/// A spreadsheet cell that cannot run as a formula (a name starting with `=` stays text).
pub fn cell(text: &str) -> String {
    match text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{text}"),
        false => text.to_string(),
    }
}

/// Appends one CSV record (RFC 4180: fields with commas, quotes or line breaks quoted).
pub fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (n, field) in fields.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        match field.contains([',', '"', '\n', '\r']) {
            true => {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            }
            false => out.push_str(&field),
        }
    }
    out.push_str("\r\n");
}

/// A new CSV document: a byte order mark first, so spreadsheets read accents as UTF-8.
pub fn document() -> String {
    String::from("\u{feff}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_it_and_defuses_formulas() {
        let mut out = String::new();
        line(&mut out, [cell("=SUM(A1)"), cell("a, b"), cell("say \"hi\""), cell("-3"), "plain".to_string()]);
        assert_eq!(out, "'=SUM(A1),\"a, b\",\"say \"\"hi\"\"\",'-3,plain\r\n");
    }
}
