//! A small PDF writer for e-prescription documents, in any mix of Latin and Devanagari.
//!
//! Only what a prescription needs is supported: lines of text (regular or bold) laid out top to
//! bottom on A4 pages, word wrapping, section rules and a page footer. Text is shaped with the
//! embedded Noto fonts (`fonts`), drawn glyph by glyph (`draw`), and the fonts are embedded
//! subset to the glyphs drawn (`document`): a one-page prescription stays a few tens of KB,
//! which matters on a rural connection.

mod document;
mod draw;
mod fonts;

use draw::Used;
use fonts::shape;

/// One text line on the page.
pub struct Line {
    /// The text; an empty string produces a blank spacer line. A `"## "` prefix marks a
    /// section heading (rendered bold with a rule underneath).
    pub text: String,
    /// Font size in points.
    pub size: f32,
    /// Whether to use the bold faces.
    pub bold: bool,
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Baseline-to-baseline distance as a multiple of the font size.
const LEADING: f32 = 1.3;
const FOOTER_SIZE: f32 = 9.0;

/// Renders lines top to bottom on A4 pages (595x842 pt, 50 pt margins), starting a new page
/// when the current one is full; long lines are wrapped at word boundaries to fit the width.
/// Leading spaces are kept as a hanging indent for every wrapped piece.
/// A `Line` with empty text is a blank spacer line.
/// Also draws a thin horizontal rule under any line whose text starts with "## " (and strips
/// the "## " prefix, rendering it bold). `footer(n, total)` is the text at the foot of page `n`
/// (from 1), right-aligned, e.g. "Page 1 of 2".
pub fn render(
    title: &str,
    lines: &[Line],
    footer: impl Fn(usize, usize) -> String,
) -> anyhow::Result<Vec<u8>> {
    let mut used = Used::default();
    let mut pages = layout(lines, &mut used);
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let text = clean(&footer(i + 1, total));
        let shaped = shape(&text, false);
        let x = PAGE_W - MARGIN - shaped.width() * FOOTER_SIZE / 1000.0;
        draw::line(
            page,
            &mut used,
            (&text, &shaped),
            FOOTER_SIZE,
            (x, MARGIN / 2.0),
        );
    }
    document::write(title, &pages, &used)
}

/// Lays the lines out and returns one content stream (unfinished: no footer yet) per page.
/// The footer is added afterwards because "of M" is only known once layout is complete.
fn layout(lines: &[Line], used: &mut Used) -> Vec<Vec<u8>> {
    let mut pages = vec![Vec::new()];
    // `y` is the top of the next line box; `placed` tells whether the current page has content,
    // so that a line taller than a whole page is still placed instead of looping forever.
    let mut y = PAGE_H - MARGIN;
    let mut placed = false;
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
        let text = clean(text);
        let body = text.trim_start_matches(' ');
        let indent = width(&text[..text.len() - body.len()], size, bold).min(CONTENT_W / 2.0);
        let mut pieces = wrap(body, size, bold, CONTENT_W - indent);
        if pieces.is_empty() {
            pieces.push(String::new());
        }
        let last = pieces.len() - 1;
        for (i, piece) in pieces.iter().enumerate() {
            let ruled = rule && i == last;
            let advance = size * LEADING + if ruled { size * 0.5 } else { 0.0 };
            if placed && y - advance < MARGIN {
                pages.push(Vec::new());
                y = PAGE_H - MARGIN;
            }
            let page = pages.last_mut().expect("there is always a current page");
            let baseline = y - size;
            if !piece.is_empty() {
                let shaped = shape(piece, bold);
                draw::line(
                    page,
                    used,
                    (piece, &shaped),
                    size,
                    (MARGIN + indent, baseline),
                );
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
            placed = true;
        }
    }
    pages
}

/// Control characters (tabs, line breaks) become spaces: a line is one line, and a control
/// character has no glyph.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The drawn width of `text` in points.
fn width(text: &str, size: f32, bold: bool) -> f32 {
    shape(text, bold).width() * size / 1000.0
}

/// Greedy word wrap. Runs of spaces collapse to one; a single word wider than `max` is split
/// at the longest prefix that fits. Widths are those of the shaped pieces, as they are drawn.
fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for mut word in text.split(' ').filter(|w| !w.is_empty()) {
        loop {
            let candidate = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            if width(&candidate, size, bold) <= max {
                cur = candidate;
                break;
            }
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            let n = fitting_prefix(word, size, bold, max);
            out.push(word[..n].to_string());
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

/// The byte length of the longest prefix of `word` that fits in `max` points and ends between
/// two of the shaper's clusters, so that a syllable (a consonant with its vowel sign, a
/// conjunct) is never cut; at least one cluster, so wrapping always progresses.
fn fitting_prefix(word: &str, size: f32, bold: bool, max: f32) -> usize {
    let shaped = shape(word, bold);
    let mut advance = 0.0;
    let mut prev = 0;
    let mut best = None;
    for g in &shaped.glyphs {
        if g.cluster > prev {
            if best.is_some() && advance * size / 1000.0 > max {
                break;
            }
            best = Some(g.cluster);
            prev = g.cluster;
        }
        advance += g.advance;
    }
    best.unwrap_or(word.len())
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn line(text: &str) -> Line {
        Line {
            text: text.to_string(),
            size: 11.0,
            bold: false,
        }
    }

    fn pdf(lines: &[Line]) -> Vec<u8> {
        render("Rx", lines, |n, m| format!("Page {n} of {m}")).unwrap()
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        hay[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    }

    fn parse_num(bytes: &[u8]) -> usize {
        std::str::from_utf8(bytes).unwrap().trim().parse().unwrap()
    }

    /// Every stream's dictionary and inflated data, checking on the way that `/Length` is the
    /// exact number of bytes between `stream` and `endstream`.
    fn streams(pdf: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(dict) = find(pdf, b"<< /Length ", at) {
            let start = find(pdf, b">>\nstream\n", dict).unwrap() + b">>\nstream\n".len();
            let head = String::from_utf8(pdf[dict..start].to_vec()).unwrap();
            let len = parse_num(head[11..].split(' ').next().unwrap().as_bytes());
            assert!(pdf[start + len..].starts_with(b"\nendstream"), "{head}");
            assert!(head.contains("/Filter /FlateDecode"), "{head}");
            let mut data = Vec::new();
            flate2::read::ZlibDecoder::new(&pdf[start..start + len])
                .read_to_end(&mut data)
                .unwrap();
            out.push((head, data));
            at = start + len;
        }
        out
    }

    /// The page content streams, inflated, as text.
    fn content(pdf: &[u8]) -> String {
        streams(pdf)
            .into_iter()
            .filter(|(_, data)| data.starts_with(b"/Span") || data.starts_with(b"q "))
            .map(|(_, data)| String::from_utf8(data).unwrap())
            .collect()
    }

    fn actual_text(text: &str) -> String {
        format!("/ActualText <FEFF{}>", draw::utf16_hex(text))
    }

    #[test]
    fn header_and_trailer() {
        let pdf = pdf(&[line("hello")]);
        assert!(pdf.starts_with(b"%PDF-1.5"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        assert!(contains(&pdf, b"/Producer (carebridge)"));
        assert!(contains(&pdf, b"/Title <FEFF00520078>"));
    }

    #[test]
    fn xref_offsets_point_at_objects() {
        let lines: Vec<Line> = (0..120)
            .map(|i| line(&format!("line {i} (x) é सीता")))
            .collect();
        let pdf = pdf(&lines);
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
    fn stream_lengths_are_exact_and_every_stream_inflates() {
        let pdf = pdf(&[line("a"), line("## Section"), line("राम")]);
        // One page, and three faces (regular and bold Latin, regular Devanagari) with a font
        // file and a ToUnicode map each.
        let found = streams(&pdf);
        assert_eq!(
            found.len(),
            1 + 3 * 2,
            "{:?}",
            found.iter().map(|s| &s.0).collect::<Vec<_>>()
        );
        let files: Vec<&(String, Vec<u8>)> = found
            .iter()
            .filter(|(h, _)| h.contains("/Length1 "))
            .collect();
        assert_eq!(files.len(), 3);
        for (head, data) in files {
            let length1 = head.split("/Length1 ").nth(1).unwrap();
            assert_eq!(
                parse_num(length1.split(' ').next().unwrap().as_bytes()),
                data.len()
            );
            assert!(data.starts_with(&[0, 1, 0, 0]), "a TrueType font file");
        }
    }

    #[test]
    fn any_text_is_written_in_hex_so_nothing_needs_escaping() {
        let pdf = pdf(&[line(r"a(b)c\d")]);
        let ops = content(&pdf);
        assert!(ops.contains(&actual_text(r"a(b)c\d")), "{ops}");
        assert!(!ops.contains('('), "no literal strings: {ops}");
    }

    #[test]
    fn devanagari_is_drawn_with_an_embedded_font_and_extracts_as_written() {
        let pdf = pdf(&[line("Name: सीता राई"), line("Café Müller")]);
        assert!(contains(
            &pdf,
            b"+NotoSansDevanagari-Regular /Encoding /Identity-H"
        ));
        assert!(contains(&pdf, b"+NotoSans-Regular /Encoding /Identity-H"));
        assert!(contains(&pdf, b"/CIDToGIDMap /Identity"));
        let ops = content(&pdf);
        assert!(ops.contains(&actual_text("Name: सीता राई")), "{ops}");
        assert!(ops.contains(&actual_text("Café Müller")), "{ops}");
        assert!(
            ops.contains("/F2 11.00 Tf"),
            "the Devanagari face draws: {ops}"
        );
        assert!(!ops.contains("<0000>"), "no glyph is missing: {ops}");
        let maps: String = streams(&pdf)
            .into_iter()
            .map(|(_, d)| String::from_utf8_lossy(&d).into_owned())
            .filter(|d| d.contains("beginbfchar"))
            .collect();
        // SA, the sign II, RA, the letter II and Latin é map back to their characters.
        for code in ["<0938>", "<0940>", "<0930>", "<0908>", "<00E9>"] {
            assert!(maps.contains(code), "{code} in {maps}");
        }
    }

    #[test]
    fn only_the_faces_drawn_are_embedded_and_subset() {
        let english = pdf(&[line("Metformin 500 mg, twice daily")]);
        assert!(!contains(&english, b"NotoSansDevanagari"));
        assert!(!contains(&english, b"NotoSans-Bold"));
        assert!(english.len() < 20_000, "{} bytes", english.len());
    }

    #[test]
    fn many_lines_produce_multiple_pages() {
        let lines: Vec<Line> = (0..200).map(|i| line(&format!("line {i}"))).collect();
        let pdf = pdf(&lines);
        let pages = pdf
            .windows(12)
            .filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's')
            .count();
        assert!(pages > 1, "got {pages} pages");
        let ops = content(&pdf);
        assert!(ops.contains(&actual_text(&format!("Page 1 of {pages}"))));
        assert!(ops.contains(&actual_text(&format!("Page {pages} of {pages}"))));
    }

    #[test]
    fn wraps_long_lines_and_draws_rules() {
        let long = "word ".repeat(200);
        let pieces = wrap(&long, 11.0, false, CONTENT_W);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| width(p, 11.0, false) <= CONTENT_W));
        let unbroken = wrap(&"x".repeat(500), 11.0, false, CONTENT_W);
        assert_eq!(unbroken.concat().len(), 500);
        let pdf = pdf(&[line("## Medications")]);
        let ops = content(&pdf);
        assert!(ops.contains("/F1 11.00 Tf"), "bold: {ops}");
        assert!(ops.contains(&actual_text("Medications")));
        assert!(ops.contains(" l S Q"));
    }

    #[test]
    fn a_long_devanagari_word_is_split_between_syllables() {
        let word = "क्षकिस्था".repeat(40);
        let pieces = wrap(&word, 11.0, false, CONTENT_W);
        assert!(pieces.len() > 1);
        assert_eq!(pieces.concat(), word);
        for p in &pieces {
            let first = p.chars().next().unwrap();
            assert!(
                !matches!(first, '\u{093E}'..='\u{094D}'),
                "{p} starts inside a syllable"
            );
            assert!(width(p, 11.0, false) <= CONTENT_W);
        }
    }
}
