//! Shaped lines into content-stream operators, and the record of every glyph drawn: the fonts
//! are subset to exactly those glyphs, and each glyph is mapped back to the text it shows.

use std::collections::BTreeMap;

use subsetter::GlyphRemapper;

use super::fonts::{FaceId, Glyph, Shaped};

/// The glyphs a document draws, per face.
#[derive(Default)]
pub struct Used {
    pub faces: BTreeMap<FaceId, FaceUse>,
}

/// The glyphs drawn in one face, numbered anew for its subset.
pub struct FaceUse {
    /// Old glyph id to the subset's; the subset's ids are the CIDs written in content streams.
    pub remap: GlyphRemapper,
    /// The text each of the subset's glyphs stands for, for the font's `/ToUnicode` map.
    pub text: BTreeMap<u16, String>,
}

impl Used {
    /// The glyph's id in its face's subset, recording what it stands for (the first meaning seen
    /// wins: a `/ToUnicode` map gives each glyph one).
    fn take(&mut self, g: &Glyph, text: Option<String>) -> u16 {
        let face = self.faces.entry(g.face).or_insert_with(|| FaceUse {
            remap: GlyphRemapper::new(),
            text: BTreeMap::new(),
        });
        let id = face.remap.remap(g.id);
        if let Some(t) = text.filter(|t| !t.is_empty()) {
            face.text.entry(id).or_insert(t);
        }
        id
    }
}

/// Appends `shaped` (the shaping of `text`) with its left end of baseline at (`x`, `y`).
///
/// Glyphs are placed where the shaper put them: a `TJ` array corrects each viewer-applied
/// advance (`/W`) to the shaper's, and a glyph raised or lowered by the shaper (a stacked mark)
/// starts a new positioned run. The line is one marked-content span whose `/ActualText` is the
/// line itself, so copying or extracting it gives the characters, not the reordered glyphs.
pub fn line(
    page: &mut Vec<u8>,
    used: &mut Used,
    (text, shaped): (&str, &Shaped),
    size: f32,
    (x, y): (f32, f32),
) {
    let meanings = meanings(text, shaped);
    let mut ops = format!("/Span << /ActualText <FEFF{}> >> BDC BT\n", utf16_hex(text));
    // The open run: its face and rise, and where the viewer's pen stands after its last glyph.
    let mut run: Option<(FaceId, f32, f32)> = None;
    let mut pen = 0.0;
    for (g, meaning) in shaped.glyphs.iter().zip(meanings) {
        let origin = pen + g.dx;
        match run {
            Some((face, dy, at)) if face == g.face && dy == g.dy => {
                if (at - origin).abs() > 0.005 {
                    ops.push_str(&format!("{:.2}", at - origin));
                }
            }
            _ => {
                if run.is_some() {
                    ops.push_str("] TJ\n");
                }
                let (gx, gy) = (x + origin * size / 1000.0, y + g.dy * size / 1000.0);
                let font = g.face.index();
                ops.push_str(&format!(
                    "/F{font} {size:.2} Tf 1 0 0 1 {gx:.2} {gy:.2} Tm ["
                ));
            }
        }
        ops.push_str(&format!("<{:04X}>", used.take(g, meaning)));
        run = Some((g.face, g.dy, origin + g.face.width(g.id)));
        pen += g.advance;
    }
    if run.is_some() {
        ops.push_str("] TJ\n");
    }
    ops.push_str("ET EMC\n");
    page.extend_from_slice(ops.as_bytes());
}

/// What each glyph stands for. A glyph alone in its cluster stands for the cluster's text (a
/// conjunct such as क्ष is one glyph for three characters); in a cluster of several glyphs, a
/// glyph the character map gives a character stands for that character, and any other (a
/// reordered or contextual vowel sign, a reph) for what the others leave over.
fn meanings(text: &str, shaped: &Shaped) -> Vec<Option<String>> {
    let starts: Vec<usize> = shaped.glyphs.iter().map(|g| g.cluster).collect();
    let cluster_text = |start: usize| {
        let end = starts
            .iter()
            .copied()
            .filter(|&s| s > start)
            .min()
            .unwrap_or(text.len());
        text.get(start..end).unwrap_or("")
    };
    shaped
        .glyphs
        .iter()
        .map(|g| {
            let siblings: Vec<&Glyph> = shaped
                .glyphs
                .iter()
                .filter(|o| o.cluster == g.cluster)
                .collect();
            let t = cluster_text(g.cluster);
            if siblings.len() == 1 {
                return Some(t.to_string());
            }
            if let Some(c) = t.chars().find(|&c| g.face.glyph_of(c) == Some(g.id)) {
                return Some(c.to_string());
            }
            let mapped = |c: char| siblings.iter().any(|s| s.face.glyph_of(c) == Some(s.id));
            Some(t.chars().filter(|&c| !mapped(c)).collect())
        })
        .collect()
}

/// UTF-16BE in hexadecimal: how a PDF text string (with a `FEFF` mark) or a `/ToUnicode`
/// destination holds any Unicode text, with nothing to escape.
pub fn utf16_hex(text: &str) -> String {
    text.encode_utf16().map(|u| format!("{u:04X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::super::fonts::shape;
    use super::*;

    #[test]
    fn glyphs_are_renumbered_for_the_subset_and_keep_their_meaning() {
        let mut used = Used::default();
        let mut page = Vec::new();
        let text = "कि क्ष";
        line(
            &mut page,
            &mut used,
            (text, &shape(text, false)),
            10.0,
            (0.0, 0.0),
        );
        let ops = String::from_utf8(page).unwrap();
        assert!(ops.starts_with("/Span << /ActualText <FEFF0915093F00200915094D0937> >> BDC BT\n"));
        let face = &used.faces.values().next().unwrap();
        // .notdef, the sign I, KA, space and KSSA.
        assert_eq!(face.remap.num_gids(), 5);
        let meanings: Vec<&str> = face.text.values().map(String::as_str).collect();
        assert_eq!(meanings, ["ि", "क", " ", "क्ष"]);
        assert!(ops.contains("<0001><0002>"), "{ops}");
    }
}
