//! Serialises pages and fonts into a PDF file: numbered objects, Flate-compressed streams, the
//! cross-reference table with each object's byte offset, and the trailer.
//!
//! Each face drawn is embedded as a composite font (Type0 over CIDFontType2, `Identity-H`): the
//! content streams address glyphs by two-byte id, which is what shaped text needs (a conjunct
//! has no character code of its own). The font file is subset to the glyphs drawn, renumbered
//! from 1, so the ids in the streams are the subset's and `CIDToGIDMap` is `Identity`.

use std::io::Write as _;

use anyhow::Context as _;
use flate2::{Compression, write::ZlibEncoder};

use super::{
    PAGE_H, PAGE_W,
    draw::{FaceUse, Used, utf16_hex},
    fonts::FaceId,
};

const CATALOG: usize = 1;
const PAGES: usize = 2;
const INFO: usize = 3;
/// The first page's object; each page is followed by its content stream, then come the fonts.
const FIRST_PAGE: usize = 4;
/// Objects per embedded font: Type0, CIDFont, descriptor, font file, ToUnicode map.
const FONT_OBJECTS: usize = 5;

/// The file being written, with the byte offset of every object so far.
struct Writer {
    buf: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    fn new() -> Self {
        // The second header line holds high-bit bytes so tools treat the file as binary; 1.5 is
        // the version that knows `/ActualText` on marked content.
        Self {
            buf: b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            offsets: Vec::new(),
        }
    }

    /// Writes the next object; objects are numbered in the order written, from 1.
    fn object(&mut self, body: &[u8]) {
        self.offsets.push(self.buf.len());
        let head = format!("{} 0 obj\n", self.offsets.len());
        self.buf.extend_from_slice(head.as_bytes());
        self.buf.extend_from_slice(body);
        self.buf.extend_from_slice(b"\nendobj\n");
    }

    /// Writes a stream object, Flate-compressed; `entries` go into its dictionary.
    fn stream(&mut self, entries: &str, data: &[u8]) -> anyhow::Result<()> {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(data).context("compressing a PDF stream")?;
        let packed = z.finish().context("compressing a PDF stream")?;
        let mut body = format!(
            "<< /Length {} /Filter /FlateDecode{entries} >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        body.extend_from_slice(&packed);
        body.extend_from_slice(b"\nendstream");
        self.object(&body);
        Ok(())
    }

    fn finish(mut self) -> Vec<u8> {
        let xref_at = self.buf.len();
        let count = self.offsets.len() + 1;
        let mut xref = format!("xref\n0 {count}\n0000000000 65535 f \n");
        for off in &self.offsets {
            xref.push_str(&format!("{off:010} 00000 n \n"));
        }
        xref.push_str(&format!(
            "trailer\n<< /Size {count} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n"
        ));
        self.buf.extend_from_slice(xref.as_bytes());
        self.buf
    }
}

/// The whole document: `pages` are finished content streams drawn with the glyphs in `used`.
pub fn write(title: &str, pages: &[Vec<u8>], used: &Used) -> anyhow::Result<Vec<u8>> {
    let mut w = Writer::new();
    let page_obj = |i: usize| FIRST_PAGE + 2 * i;
    let first_font = page_obj(pages.len());
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", page_obj(i)))
        .collect();
    w.object(format!("<< /Type /Catalog /Pages {PAGES} 0 R >>").as_bytes());
    w.object(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .as_bytes(),
    );
    let info = format!(
        "<< /Title <FEFF{}> /Producer (carebridge) >>",
        utf16_hex(title)
    );
    w.object(info.as_bytes());
    let fonts: Vec<String> = used
        .faces
        .keys()
        .enumerate()
        .map(|(k, face)| format!("/F{} {} 0 R", face.index(), first_font + FONT_OBJECTS * k))
        .collect();
    for (i, content) in pages.iter().enumerate() {
        let page = format!(
            "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] \
             /Resources << /Font << {} >> >> /Contents {} 0 R >>",
            fonts.join(" "),
            page_obj(i) + 1
        );
        w.object(page.as_bytes());
        w.stream("", content)?;
    }
    for (face, usage) in &used.faces {
        font(&mut w, *face, usage)?;
    }
    Ok(w.finish())
}

/// Writes one face's five objects, numbered from the next free one.
fn font(w: &mut Writer, face: FaceId, usage: &FaceUse) -> anyhow::Result<()> {
    let first = w.offsets.len() + 1;
    let (cid, descriptor, file, to_unicode) = (first + 1, first + 2, first + 3, first + 4);
    let gids: Vec<u16> = usage.remap.remapped_gids().collect();
    let name = format!("{}+{}", subset_tag(&gids), face.file().name);
    w.object(
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H \
             /DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>"
        )
        .as_bytes(),
    );
    let widths: Vec<String> = gids
        .iter()
        .map(|&g| format!("{:.0}", face.width(g)))
        .collect();
    w.object(
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
             /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 0 /W [0 [{}]] >>",
            widths.join(" ")
        )
        .as_bytes(),
    );
    w.object(descriptor_dict(face, &name, file).as_bytes());
    let data = face.file().data;
    let subset = subsetter::subset(data, 0, &usage.remap)
        .map_err(|e| anyhow::anyhow!("subsetting {}: {e:?}", face.file().name))?;
    w.stream(&format!(" /Length1 {}", subset.len()), &subset)?;
    w.stream("", to_unicode_cmap(usage).as_bytes())
}

/// The font's metrics, in thousandths of an em. Flag 4 (symbolic): its glyphs are addressed
/// by id, outside any standard encoding.
fn descriptor_dict(face: FaceId, name: &str, file: usize) -> String {
    let f = face.face();
    let bbox = f.global_bounding_box();
    let [x0, y0, x1, y1] =
        [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max].map(|v| face.per_mille(v));
    let ascent = face.per_mille(f.ascender());
    let descent = face.per_mille(f.descender());
    let cap = face.per_mille(f.capital_height().unwrap_or(f.ascender()));
    let stem = if f.is_bold() { 140 } else { 80 };
    format!(
        "<< /Type /FontDescriptor /FontName /{name} /Flags 4 \
         /FontBBox [{x0:.0} {y0:.0} {x1:.0} {y1:.0}] /ItalicAngle 0 /Ascent {ascent:.0} \
         /Descent {descent:.0} /CapHeight {cap:.0} /StemV {stem} /FontFile2 {file} 0 R >>"
    )
}

/// The `/ToUnicode` CMap: each subset glyph id to the text it stands for (at most 100 entries
/// per `bfchar` block, as the CMap format requires).
fn to_unicode_cmap(usage: &FaceUse) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &String)> = usage.text.iter().collect();
    for block in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for (id, text) in block {
            cmap.push_str(&format!("<{id:04X}> <{}>\n", utf16_hex(text)));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

/// Six capital letters that name a subset (the PDF convention `ABCDEF+FontName`), derived from
/// its glyphs (FNV-1a) so that the same text gives the same file.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut h: u32 = 0x811C_9DC5;
    for g in glyphs {
        for b in g.to_be_bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            c
        })
        .collect()
}
