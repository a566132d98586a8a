//! Reading single-frame grayscale DICOM images (own code, after DICOM PS3.5 and PS3.10): the
//! Part 10 preamble and file meta, explicit or implicit VR little endian, undefined-length
//! sequences skipped, 8- or 16-bit pixels (signed or not), rescale slope and intercept,
//! MONOCHROME1 (inverted) and MONOCHROME2. Compressed transfer syntaxes are refused clearly.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DicomError(pub String);

impl fmt::Display for DicomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DICOM: {}", self.0)
    }
}

impl std::error::Error for DicomError {}

fn err<T>(msg: impl Into<String>) -> Result<T, DicomError> {
    Err(DicomError(msg.into()))
}

/// A grayscale image in display convention: larger values are brighter (MONOCHROME1 is
/// inverted on reading), in modality units after rescale.
#[derive(Debug, Clone)]
pub struct Image {
    pub rows: usize,
    pub columns: usize,
    pub photometric: String,
    pub bits_stored: u16,
    /// Row-major, `rows * columns` values.
    pub pixels: Vec<f32>,
}

const EXPLICIT_LE: &str = "1.2.840.10008.1.2.1";
const IMPLICIT_LE: &str = "1.2.840.10008.1.2";

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    explicit: bool,
}

#[derive(Debug)]
struct Element<'a> {
    tag: (u16, u16),
    value: Option<&'a [u8]>,
}

impl<'a> Reader<'a> {
    fn u16(&mut self) -> Result<u16, DicomError> {
        let v = self
            .b
            .get(self.pos..self.pos + 2)
            .ok_or_else(|| DicomError("truncated".into()))?;
        self.pos += 2;
        Ok(u16::from_le_bytes([v[0], v[1]]))
    }

    fn u32(&mut self) -> Result<u32, DicomError> {
        let v = self
            .b
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| DicomError("truncated".into()))?;
        self.pos += 4;
        Ok(u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
    }

    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    /// VR (when explicit) and length of the element whose tag was just read.
    fn header(&mut self, group: u16) -> Result<u32, DicomError> {
        if self.explicit || group == 0x0002 {
            let vr = self
                .b
                .get(self.pos..self.pos + 2)
                .ok_or_else(|| DicomError("truncated".into()))?;
            let long = matches!(
                [vr[0], vr[1]],
                [b'O', b'B' | b'W' | b'F' | b'D' | b'L' | b'V']
                    | [b'S', b'Q']
                    | [b'U', b'T' | b'N' | b'C' | b'R']
                    | [b'S', b'V']
                    | [b'U', b'V']
            );
            self.pos += 2;
            if long {
                self.pos += 2;
                self.u32()
            } else {
                Ok(u32::from(self.u16()?))
            }
        } else {
            self.u32()
        }
    }

    /// The next element; undefined-length sequences are skipped whole (value None).
    fn next(&mut self) -> Result<Element<'a>, DicomError> {
        let tag = (self.u16()?, self.u16()?);
        let len = self.header(tag.0)?;
        if len == u32::MAX {
            if tag == (0x7FE0, 0x0010) {
                return err("encapsulated (compressed) pixel data is not supported");
            }
            self.skip_undefined()?;
            return Ok(Element { tag, value: None });
        }
        let end = self.pos + len as usize;
        let value = self.b.get(self.pos..end).ok_or_else(|| {
            DicomError(format!(
                "element ({:04X},{:04X}) runs past the end",
                tag.0, tag.1
            ))
        })?;
        self.pos = end;
        Ok(Element {
            tag,
            value: Some(value),
        })
    }

    /// After an undefined-length sequence header: skips to its delimiter. Each undefined-length
    /// sequence or item opens a level; sequence and item delimiters close one.
    fn skip_undefined(&mut self) -> Result<(), DicomError> {
        let mut depth = 1usize;
        while depth > 0 {
            if self.at_end() {
                return err("an undefined-length sequence is not closed");
            }
            let tag = (self.u16()?, self.u16()?);
            if tag.0 == 0xFFFE {
                let len = self.u32()?;
                match (tag.1, len) {
                    (0xE000, u32::MAX) => depth += 1,
                    (0xE000, n) => self.pos += n as usize,
                    (0xE00D | 0xE0DD, _) => depth -= 1,
                    _ => return err("unexpected delimiter"),
                }
                continue;
            }
            match self.header(tag.0)? {
                u32::MAX => depth += 1,
                n => self.pos += n as usize,
            }
        }
        Ok(())
    }
}

fn text(v: &[u8]) -> String {
    String::from_utf8_lossy(v)
        .trim_matches(|c: char| c == ' ' || c == '\0')
        .to_string()
}

fn us(v: &[u8]) -> Result<u16, DicomError> {
    v.get(..2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or_else(|| DicomError("short US value".into()))
}

fn ds(v: &[u8]) -> Option<f64> {
    text(v)
        .split('\\')
        .next()
        .and_then(|s| s.trim().parse().ok())
}

pub fn parse(bytes: &[u8]) -> Result<Image, DicomError> {
    if bytes.len() < 132 || &bytes[128..132] != b"DICM" {
        return err("not a DICOM Part 10 file (no DICM prefix)");
    }
    let mut r = Reader {
        b: bytes,
        pos: 132,
        explicit: true,
    };
    let mut syntax = String::new();
    // File meta: group 0002, always explicit VR little endian.
    while !r.at_end() {
        let save = r.pos;
        let group = r.u16()?;
        r.pos = save;
        if group != 0x0002 {
            break;
        }
        let e = r.next()?;
        if e.tag == (0x0002, 0x0010) {
            syntax = text(e.value.unwrap_or_default());
        }
    }
    r.explicit = match syntax.as_str() {
        EXPLICIT_LE => true,
        IMPLICIT_LE => false,
        "" => return err("no transfer syntax in the file meta"),
        other => {
            return err(format!(
                "transfer syntax {other} is not supported (uncompressed little endian only)"
            ));
        }
    };
    let (mut rows, mut cols, mut bits_alloc, mut bits_stored, mut signed, mut spp) =
        (0u16, 0u16, 16u16, 16u16, 0u16, 1u16);
    let (mut slope, mut intercept) = (1.0f64, 0.0f64);
    let mut photometric = String::from("MONOCHROME2");
    let mut pixel = None;
    while !r.at_end() {
        let e = r.next()?;
        let Some(v) = e.value else { continue };
        match e.tag {
            (0x0028, 0x0002) => spp = us(v)?,
            (0x0028, 0x0004) => photometric = text(v),
            (0x0028, 0x0010) => rows = us(v)?,
            (0x0028, 0x0011) => cols = us(v)?,
            (0x0028, 0x0100) => bits_alloc = us(v)?,
            (0x0028, 0x0101) => bits_stored = us(v)?,
            (0x0028, 0x0103) => signed = us(v)?,
            (0x0028, 0x1052) => intercept = ds(v).unwrap_or(0.0),
            (0x0028, 0x1053) => slope = ds(v).unwrap_or(1.0),
            (0x7FE0, 0x0010) => {
                pixel = Some(v);
                break;
            }
            _ => {}
        }
    }
    if spp != 1 || !photometric.starts_with("MONOCHROME") {
        return err(format!(
            "{photometric} with {spp} samples per pixel: grayscale images only"
        ));
    }
    let (rows, cols) = (rows as usize, cols as usize);
    let data = pixel.ok_or_else(|| DicomError("no pixel data".into()))?;
    let n = rows * cols;
    if n == 0 {
        return err("the image has no rows or columns");
    }
    let raw: Vec<f64> = match bits_alloc {
        16 if data.len() >= n * 2 => data[..n * 2]
            .chunks_exact(2)
            .map(|c| {
                let u = u16::from_le_bytes([c[0], c[1]]);
                // Only the stored bits count; sign-extend when the pixels are signed.
                let shift = 16 - bits_stored.clamp(1, 16);
                if signed == 1 {
                    f64::from(((u << shift) as i16) >> shift)
                } else {
                    f64::from((u << shift) >> shift)
                }
            })
            .collect(),
        8 if data.len() >= n => data[..n]
            .iter()
            .map(|b| {
                if signed == 1 {
                    f64::from(*b as i8)
                } else {
                    f64::from(*b)
                }
            })
            .collect(),
        _ => {
            return err(format!(
                "{bits_alloc}-bit pixels ({} bytes for {rows}x{cols}) are not supported",
                data.len()
            ));
        }
    };
    let mut pixels: Vec<f32> = raw.iter().map(|v| (v * slope + intercept) as f32).collect();
    if photometric == "MONOCHROME1" {
        // Minimum is white: invert so that larger is brighter, as for MONOCHROME2.
        let max = pixels.iter().copied().fold(f32::MIN, f32::max);
        let min = pixels.iter().copied().fold(f32::MAX, f32::min);
        for p in &mut pixels {
            *p = max + min - *p;
        }
    }
    Ok(Image {
        rows,
        columns: cols,
        photometric,
        bits_stored,
        pixels,
    })
}
