//! The embedded fonts and text shaping: a string in, positioned glyphs out.
//!
//! Devanagari cannot be drawn a character at a time: the vowel sign ि is drawn before the
//! consonant it follows, a virama joins consonants into conjuncts (क्ष) or half forms, and marks
//! stack. `rustybuzz` (HarfBuzz's shaping in Rust) does that with the fonts' own OpenType tables.
//! Every string, Latin included, goes through the same path, so widths for wrapping are the
//! widths that are drawn.

use std::{ops::Range, sync::LazyLock};

use rustybuzz::{Direction, Face, UnicodeBuffer, ttf_parser::GlyphId};

/// One of the embedded faces: an index into [`FACES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FaceId(usize);

/// An embedded font file and the PostScript name the PDF gives it.
pub struct Embedded {
    pub name: &'static str,
    pub data: &'static [u8],
}

/// Noto Sans Devanagari (Debian's version has no Latin letters) and Noto Sans for everything
/// else, regular and bold; `assets/fonts/README.md` says where they come from.
const FILES: [Embedded; 4] = [
    Embedded {
        name: "NotoSans-Regular",
        data: include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    },
    Embedded {
        name: "NotoSans-Bold",
        data: include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    },
    Embedded {
        name: "NotoSansDevanagari-Regular",
        data: include_bytes!("../../../assets/fonts/NotoSansDevanagari-Regular.ttf"),
    },
    Embedded {
        name: "NotoSansDevanagari-Bold",
        data: include_bytes!("../../../assets/fonts/NotoSansDevanagari-Bold.ttf"),
    },
];

/// The faces, parsed once: parsing only reads the table directory, but there is no reason to
/// repeat it for every document.
static FACES: LazyLock<Vec<Face<'static>>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|f| Face::from_slice(f.data, 0).expect("the embedded fonts are valid"))
        .collect()
});

impl FaceId {
    fn of(devanagari: bool, bold: bool) -> Self {
        Self(usize::from(devanagari) * 2 + usize::from(bold))
    }

    /// The number of the font resource (`/F0` … `/F3`) that draws this face.
    pub fn index(self) -> usize {
        self.0
    }

    pub fn file(self) -> &'static Embedded {
        &FILES[self.0]
    }

    pub fn face(self) -> &'static Face<'static> {
        &FACES[self.0]
    }

    /// Scales font units to thousandths of an em, the unit of PDF glyph widths.
    pub fn per_mille(self, units: impl Into<f32>) -> f32 {
        units.into() * 1000.0 / self.face().units_per_em() as f32
    }

    /// The advance the PDF viewer applies after the glyph (the `/W` entry), in thousandths of an
    /// em; the shaper's advance may differ (kerning), and the drawing corrects for it.
    pub fn width(self, glyph: u16) -> f32 {
        let units = self.face().glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        self.per_mille(units)
    }

    /// The glyph the font's character map gives `c`, if any.
    pub fn glyph_of(self, c: char) -> Option<u16> {
        self.face().glyph_index(c).map(|g| g.0)
    }
}

/// One shaped glyph. Lengths are in thousandths of an em.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub face: FaceId,
    pub id: u16,
    /// Byte offset, in the shaped string, of the first character of the glyph's cluster (the
    /// characters the shaper drew together, e.g. a consonant and its vowel sign).
    pub cluster: usize,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
}

/// A shaped string: its glyphs in drawing order, left to right.
pub struct Shaped {
    pub glyphs: Vec<Glyph>,
}

impl Shaped {
    /// The advance of the whole string, in thousandths of an em.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// Shapes `text` in the regular or bold faces, each run of characters in the face that has them.
pub fn shape(text: &str, bold: bool) -> Shaped {
    let glyphs = runs(text)
        .into_iter()
        .flat_map(|(range, devanagari)| shape_run(text, range, FaceId::of(devanagari, bold)))
        .collect();
    Shaped { glyphs }
}

fn shape_run(text: &str, range: Range<usize>, face: FaceId) -> Vec<Glyph> {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(&text[range.clone()]);
    buffer.guess_segment_properties();
    // The prescription's scripts all run left to right; fixing it keeps clusters ascending,
    // which wrapping relies on.
    buffer.set_direction(Direction::LeftToRight);
    let out = rustybuzz::shape(face.face(), &[], buffer);
    out.glyph_infos()
        .iter()
        .zip(out.glyph_positions())
        .map(|(info, pos)| Glyph {
            face,
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            cluster: range.start + info.cluster as usize,
            advance: face.per_mille(pos.x_advance as f32),
            dx: face.per_mille(pos.x_offset as f32),
            dy: face.per_mille(pos.y_offset as f32),
        })
        .collect()
}

/// Splits text into runs for one face each: `true` for Noto Sans Devanagari. Spaces, digits and
/// ASCII punctuation, which both fonts have, stay in the run they occur in, so a Nepali sentence
/// is shaped as one run; a string of nothing else is drawn in Noto Sans.
fn runs(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut runs: Vec<(Range<usize>, Option<bool>)> = vec![(0..0, None)];
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let last = runs.last_mut().expect("there is always a current run");
        match (is_neutral(c), last.1) {
            (true, _) => last.0.end = end,
            (false, None) => *last = (last.0.start..end, Some(is_devanagari(c))),
            (false, Some(d)) if d == is_devanagari(c) => last.0.end = end,
            (false, Some(_)) => runs.push((at..end, Some(is_devanagari(c)))),
        }
    }
    runs.into_iter()
        .filter(|(range, _)| !range.is_empty())
        .map(|(range, d)| (range, d.unwrap_or(false)))
        .collect()
}

/// Characters of the Devanagari script (the block and its extensions).
fn is_devanagari(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' | '\u{1CD0}'..='\u{1CFF}')
}

/// Characters either font draws the same way, and the joiners that steer Devanagari conjuncts.
fn is_neutral(c: char) -> bool {
    let shared = matches!(c, ' ' | '\u{200C}' | '\u{200D}')
        || c.is_ascii_digit()
        || c.is_ascii_punctuation();
    shared && FaceId::of(true, false).glyph_of(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devanagari_and_latin_are_shaped_in_their_own_fonts() {
        let text = "Name: सीता राई (42)";
        let found = runs(text);
        assert_eq!(found, vec![(0..6, false), (6..text.len(), true)]);
        let s = shape(text, true);
        assert!(s.glyphs.iter().all(|g| g.id != 0), "no missing glyphs");
        assert_eq!(s.glyphs[0].face, FaceId::of(false, true));
        assert_eq!(s.glyphs.last().unwrap().face, FaceId::of(true, true));
    }

    #[test]
    fn the_short_i_sign_is_drawn_before_its_consonant() {
        // कि: KA then the vowel sign I, which the shaper must move in front of KA.
        let s = shape("कि", false);
        let ka = FaceId::of(true, false).glyph_of('क').unwrap();
        assert_eq!(s.glyphs.len(), 2);
        assert_eq!(s.glyphs[1].id, ka, "KA comes second");
        assert!(s.glyphs.iter().all(|g| g.cluster == 0), "one cluster");
    }

    #[test]
    fn a_conjunct_is_one_glyph() {
        // क्ष: KA, VIRAMA, SSA become the single conjunct glyph KSSA.
        let s = shape("क्ष", false);
        assert_eq!(s.glyphs.len(), 1);
        let ka = FaceId::of(true, false).glyph_of('क').unwrap();
        assert_ne!(s.glyphs[0].id, ka);
        assert!(s.width() > 0.0);
    }
}
