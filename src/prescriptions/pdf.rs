//! A tiny, dependency-free PDF 1.4 writer for e-prescription documents.
//!
//! Only what a prescription needs is supported: lines of Helvetica text (regular or bold) laid
//! out top to bottom on A4 pages, word wrapping, section rules and a "Page N of M" footer.
//! The standard Type1 fonts are referenced but not embedded, which keeps the output small and
//! the writer simple; the price is that only WinAnsi (roughly Latin-1) text can be drawn.

/// One text line on the page.
pub struct Line {
    /// The text; an empty string produces a blank spacer line. A `"## "` prefix marks a
    /// section heading (rendered bold with a rule underneath).
    pub text: String,
    /// Font size in points.
    pub size: f32,
    /// Whether to use Helvetica-Bold instead of Helvetica.
    pub bold: bool,
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Baseline-to-baseline distance as a multiple of the font size.
const LEADING: f32 = 1.3;
const FOOTER_SIZE: f32 = 9.0;
/// Object numbers of the fixed objects; pages and their content streams follow from 6 on.
const CATALOG: usize = 1;
const PAGES: usize = 2;
const FONT_REGULAR: usize = 3;
const FONT_BOLD: usize = 4;
const INFO: usize = 5;

/// Renders lines top to bottom on A4 pages (595x842 pt, 50 pt margins), starting a new page
/// when the current one is full; long lines are wrapped at word boundaries to fit the width.
/// Leading spaces are kept as a hanging indent for every wrapped piece.
/// A `Line` with empty text is a blank spacer line.
/// Also draws a thin horizontal rule under any line whose text starts with "## " (and strips
/// the "## " prefix, rendering it bold).
pub fn render(title: &str, lines: &[Line]) -> Vec<u8> {
    let mut pages = layout(lines);
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let footer = encode(&format!("Page {} of {}", i + 1, total));
        let x = PAGE_W - MARGIN - text_width(&footer, FOOTER_SIZE, false);
        draw_text(page, &footer, FOOTER_SIZE, false, x, MARGIN / 2.0);
    }
    write_document(title, &pages)
}

/// Lays the lines out and returns one content stream (unfinished: no footer yet) per page.
/// The footer is added afterwards because "of M" is only known once layout is complete.
fn layout(lines: &[Line]) -> Vec<Vec<u8>> {
    let mut pages = vec![Vec::new()];
    // `y` is the top of the next line box; `used` tells whether the current page has content,
    // so that a line taller than a whole page is still placed instead of looping forever.
    let mut y = PAGE_H - MARGIN;
    let mut used = false;
    for line in lines {
        let (text, bold, rule) = match line.text.strip_prefix("## ") {
            Some(rest) => (rest, true, true),
            None => (line.text.as_str(), line.bold, false),
        };
        // Guard against NaN/negative sizes from callers: they would produce an invalid PDF.
        let size = if line.size.is_finite() && line.size > 0.0 {
            line.size
        } else {
            10.0
        };
        let encoded = encode(text);
        let indent_len = encoded.iter().take_while(|&&b| b == b' ').count();
        let indent = text_width(&encoded[..indent_len], size, bold).min(CONTENT_W / 2.0);
        let mut pieces = wrap(&encoded[indent_len..], size, bold, CONTENT_W - indent);
        if pieces.is_empty() {
            pieces.push(Vec::new());
        }
        let last = pieces.len() - 1;
        for (i, piece) in pieces.iter().enumerate() {
            let ruled = rule && i == last;
            let advance = size * LEADING + if ruled { size * 0.5 } else { 0.0 };
            if used && y - advance < MARGIN {
                pages.push(Vec::new());
                y = PAGE_H - MARGIN;
            }
            let page = pages.last_mut().expect("there is always a current page");
            let baseline = y - size;
            if !piece.is_empty() {
                draw_text(page, piece, size, bold, MARGIN + indent, baseline);
            }
            if ruled {
                let ry = baseline - size * 0.45;
                let ops = format!(
                    "q 0.5 w 0.55 G {MARGIN:.2} {ry:.2} m {:.2} {ry:.2} l S Q\n",
                    PAGE_W - MARGIN
                );
                page.extend_from_slice(ops.as_bytes());
            }
            y -= advance;
            used = true;
        }
    }
    pages
}

/// Appends a text-showing operation for already encoded WinAnsi bytes.
fn draw_text(page: &mut Vec<u8>, text: &[u8], size: f32, bold: bool, x: f32, y: f32) {
    let font = if bold { "F2" } else { "F1" };
    page.extend_from_slice(format!("BT /{font} {size:.2} Tf {x:.2} {y:.2} Td (").as_bytes());
    page.extend_from_slice(&escape(text));
    page.extend_from_slice(b") Tj ET\n");
}

/// Converts text to WinAnsi bytes. Helvetica without embedding can only show WinAnsi glyphs,
/// so anything outside printable Latin-1 (e.g. Devanagari) becomes `?` rather than garbage.
/// Latin-1 0x80..=0x9F are C1 controls whose WinAnsi meaning differs, so they are replaced too.
fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => b' ',
            _ => u8::try_from(c)
                .ok()
                .filter(|b| matches!(b, 0x20..=0x7E | 0xA0..=0xFF))
                .unwrap_or(b'?'),
        })
        .collect()
}

/// Escapes bytes for a PDF literal string; only `\`, `(` and `)` are special there
/// (control characters never reach this point because `encode` removed them).
fn escape(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 8);
    for &b in bytes {
        if matches!(b, b'\\' | b'(' | b')') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

/// Approximate Helvetica advance widths in 1/1000 em, grouped from the standard metrics.
/// Exactness is unnecessary: the value is only used to decide where to wrap.
fn glyph_width(b: u8) -> u16 {
    match b {
        b'i' | b'j' | b'l' | b'\'' => 222,
        b' ' | b'!' | b',' | b'.' | b'/' | b':' | b';' | b'f' | b't' | b'I' => 278,
        b'(' | b')' | b'-' | b'r' | b'"' => 333,
        b'c' | b'k' | b's' | b'v' | b'x' | b'y' | b'z' | b'J' | b'*' => 500,
        b'L' => 556,
        b'F' | b'T' | b'Z' => 611,
        b'C' | b'D' | b'H' | b'N' | b'R' | b'U' | b'w' | 0xC0..=0xDE => 722,
        b'G' | b'O' | b'Q' => 778,
        b'm' | b'M' => 833,
        b'%' => 889,
        b'W' => 944,
        b'@' => 1015,
        b'A'..=b'Z' => 667,
        _ => 556,
    }
}

/// Width of encoded text in points. Bold glyphs are somewhat wider, hence the fudge factor.
fn text_width(text: &[u8], size: f32, bold: bool) -> f32 {
    let units: u32 = text.iter().map(|&b| u32::from(glyph_width(b))).sum();
    let factor = if bold { 1.08 } else { 1.0 };
    units as f32 / 1000.0 * size * factor
}

/// Greedy word wrap. Runs of spaces collapse to one; a single word wider than `max` is split
/// at the longest prefix that fits (at least one character, so progress is guaranteed).
fn wrap(text: &[u8], size: f32, bold: bool, max: f32) -> Vec<Vec<u8>> {
    let width = |t: &[u8]| text_width(t, size, bold);
    let mut out = Vec::new();
    let mut cur: Vec<u8> = Vec::new();
    for mut word in text.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
        loop {
            let needed = if cur.is_empty() {
                width(word)
            } else {
                width(&cur) + width(b" ") + width(word)
            };
            if needed <= max {
                if !cur.is_empty() {
                    cur.push(b' ');
                }
                cur.extend_from_slice(word);
                break;
            }
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            let mut n = 1;
            while n < word.len() && width(&word[..=n]) <= max {
                n += 1;
            }
            out.push(word[..n].to_vec());
            word = &word[n..];
            if word.is_empty() {
                break;
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Serialises the document, recording each object's byte offset for the xref table.
fn write_document(title: &str, pages: &[Vec<u8>]) -> Vec<u8> {
    // The second header line holds high-bit bytes so tools treat the file as binary.
    let mut buf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |buf: &mut Vec<u8>, body: &[u8]| {
        offsets.push(buf.len());
        buf.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        buf.extend_from_slice(body);
        buf.extend_from_slice(b"\nendobj\n");
    };
    let page_obj = |i: usize| INFO + 1 + 2 * i;
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", page_obj(i)))
        .collect();
    object(
        &mut buf,
        format!("<< /Type /Catalog /Pages {PAGES} 0 R >>").as_bytes(),
    );
    let pages_dict = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    );
    object(&mut buf, pages_dict.as_bytes());
    // Written in the order FONT_REGULAR, FONT_BOLD.
    for name in ["Helvetica", "Helvetica-Bold"] {
        let font = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
        );
        object(&mut buf, font.as_bytes());
    }
    // The title is a text string: UTF-16BE with a BOM represents any Unicode title faithfully.
    let title_hex: String = title.encode_utf16().map(|u| format!("{u:04X}")).collect();
    let info = format!("<< /Title <FEFF{title_hex}> /Producer (carebridge) >>");
    object(&mut buf, info.as_bytes());
    for (i, content) in pages.iter().enumerate() {
        let page = format!(
            "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] \
             /Resources << /Font << /F1 {FONT_REGULAR} 0 R /F2 {FONT_BOLD} 0 R >> >> \
             /Contents {} 0 R >>",
            page_obj(i) + 1
        );
        object(&mut buf, page.as_bytes());
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        object(&mut buf, &stream);
    }
    let xref_at = buf.len();
    let count = offsets.len() + 1;
    buf.extend_from_slice(format!("xref\n0 {count}\n0000000000 65535 f \n").as_bytes());
    for off in &offsets {
        buf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    let trailer = format!(
        "trailer\n<< /Size {count} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n"
    );
    buf.extend_from_slice(trailer.as_bytes());
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            text: text.to_string(),
            size: 11.0,
            bold: false,
        }
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    fn parse_num(bytes: &[u8]) -> usize {
        std::str::from_utf8(bytes).unwrap().trim().parse().unwrap()
    }

    #[test]
    fn header_and_trailer() {
        let pdf = render("Rx", &[line("hello")]);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        assert!(contains(&pdf, b"/Producer (carebridge)"));
        assert!(contains(&pdf, b"/Title <FEFF00520078>"));
    }

    #[test]
    fn xref_offsets_point_at_objects() {
        let lines: Vec<Line> = (0..120).map(|i| line(&format!("line {i} (x) é"))).collect();
        let pdf = render("Rx", &lines);
        let tail = pdf.len() - b"%%EOF\n".len();
        let sx = pdf.windows(10).rposition(|w| w == b"startxref\n").unwrap() + 10;
        let xref_at = parse_num(&pdf[sx..tail]);
        assert!(pdf[xref_at..].starts_with(b"xref\n0 "));
        let header_end = xref_at + pdf[xref_at..].iter().position(|&b| b == b'\n').unwrap();
        let sub_end = header_end
            + 1
            + pdf[header_end + 1..]
                .iter()
                .position(|&b| b == b'\n')
                .unwrap();
        let size = parse_num(&pdf[xref_at + 7..sub_end]);
        assert!(contains(&pdf, format!("/Size {size} ").as_bytes()));
        let entries = &pdf[sub_end + 1..];
        assert_eq!(&entries[..20], b"0000000000 65535 f \n");
        for n in 1..size {
            let entry = &entries[n * 20..(n + 1) * 20];
            assert_eq!(&entry[10..], b" 00000 n \n");
            let off = parse_num(&entry[..10]);
            assert!(
                pdf[off..].starts_with(format!("{n} 0 obj\n").as_bytes()),
                "object {n}"
            );
        }
        assert!(entries[size * 20..].starts_with(b"trailer\n"));
    }

    #[test]
    fn stream_lengths_are_exact() {
        let pdf = render("Rx", &[line("a"), line("## Section")]);
        let at = pdf.windows(8).position(|w| w == b"/Length ").unwrap() + 8;
        let end = at + pdf[at..].iter().position(|&b| b == b' ').unwrap();
        let len = parse_num(&pdf[at..end]);
        let start = end + b" >>\nstream\n".len();
        assert!(pdf[start + len..].starts_with(b"\nendstream"));
    }

    #[test]
    fn escapes_special_characters() {
        let pdf = render("Rx", &[line(r"a(b)c\d")]);
        assert!(contains(&pdf, br"(a\(b\)c\\d) Tj"));
    }

    #[test]
    fn non_latin1_becomes_question_mark() {
        let pdf = render("Rx", &[line("Name: राम")]);
        assert!(contains(&pdf, b"(Name: ???) Tj"));
        let pdf = render("Rx", &[line("Café Müller")]);
        assert!(contains(&pdf, b"(Caf\xE9 M\xFCller) Tj"));
    }

    #[test]
    fn many_lines_produce_multiple_pages() {
        let lines: Vec<Line> = (0..200).map(|i| line(&format!("line {i}"))).collect();
        let pdf = render("Rx", &lines);
        let pages = pdf
            .windows(12)
            .filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's')
            .count();
        assert!(pages > 1, "got {pages} pages");
        assert!(contains(&pdf, format!("(Page 1 of {pages}) Tj").as_bytes()));
        assert!(contains(
            &pdf,
            format!("(Page {pages} of {pages}) Tj").as_bytes()
        ));
    }

    #[test]
    fn wraps_long_lines_and_draws_rules() {
        let long = "word ".repeat(200);
        let pieces = wrap(&encode(&long), 11.0, false, CONTENT_W);
        assert!(pieces.len() > 1);
        assert!(
            pieces
                .iter()
                .all(|p| text_width(p, 11.0, false) <= CONTENT_W)
        );
        let unbroken = wrap(&encode(&"x".repeat(500)), 11.0, false, CONTENT_W);
        assert_eq!(unbroken.concat().len(), 500);
        let pdf = render("Rx", &[line("## Medications")]);
        assert!(contains(&pdf, b"/F2 11.00 Tf"));
        assert!(contains(&pdf, b"(Medications) Tj"));
        assert!(contains(&pdf, b" l S Q"));
    }
}
