//! EDF, EDF+ and BDF reading (own code, after the published EDF/EDF+ specifications).
//!
//! A file is a 256-byte header, 256 bytes per signal, then data records. Each record holds, per
//! signal, `samples_per_record` little-endian integers (16-bit in EDF, 24-bit in BDF). Physical
//! values are a linear map of digital ones; the physical range may be inverted (min > max), which
//! the map handles as is. EDF+ "EDF Annotations" signals carry time-stamped annotation lists
//! (TALs) whose text is UTF-8.

use std::fmt;

/// Why a file could not be read. Messages name the field, never the contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdfError(pub String);

impl fmt::Display for EdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EDF: {}", self.0)
    }
}

impl std::error::Error for EdfError {}

fn err<T>(msg: impl Into<String>) -> Result<T, EdfError> {
    Err(EdfError(msg.into()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Edf,
    EdfPlus,
    Bdf,
}

/// One ordinary (non-annotation) signal with its samples in physical units.
#[derive(Debug, Clone)]
pub struct Signal {
    pub label: String,
    pub physical_dimension: String,
    pub physical_min: f64,
    pub physical_max: f64,
    pub digital_min: i32,
    pub digital_max: i32,
    pub samples_per_record: usize,
    /// Samples per second.
    pub sample_rate: f64,
    pub samples: Vec<f32>,
}

/// An EDF+ annotation: onset in seconds from the start, optional duration, text.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub onset: f64,
    pub duration: Option<f64>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Recording {
    pub format: Format,
    pub start_date: String,
    pub start_time: String,
    pub record_duration: f64,
    pub records: usize,
    pub signals: Vec<Signal>,
    pub annotations: Vec<Annotation>,
}

impl Recording {
    /// Seconds covered by the data records.
    pub fn duration(&self) -> f64 {
        self.record_duration * self.records as f64
    }
}

fn field(bytes: &[u8], what: &str) -> Result<String, EdfError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.trim_matches(|c: char| c == ' ' || c == '\0').to_string()),
        // Latin-1 headers exist in the wild: keep ASCII, replace the rest.
        Err(_) if !bytes.is_empty() => Ok(bytes
            .iter()
            .map(|&b| if b.is_ascii() { b as char } else { '?' })
            .collect::<String>()
            .trim()
            .to_string()),
        Err(_) => err(format!("{what} is not text")),
    }
}

fn number<T: std::str::FromStr>(bytes: &[u8], what: &str) -> Result<T, EdfError> {
    let text = field(bytes, what)?;
    text.parse()
        .or_else(|_| err(format!("{what} is not a number: {text:?}")))
}

/// Parses a whole file.
pub fn parse(bytes: &[u8]) -> Result<Recording, EdfError> {
    if bytes.len() < 256 {
        return err("shorter than a header");
    }
    let bdf = bytes[0] == 0xFF && &bytes[1..8] == b"BIOSEMI";
    if !bdf && &bytes[0..8] != b"0       " {
        return err("not an EDF or BDF file (version field)");
    }
    let header_bytes: usize = number(&bytes[184..192], "header size")?;
    let reserved = field(&bytes[192..236], "reserved")?;
    let declared_records: i64 = number(&bytes[236..244], "number of records")?;
    let record_duration: f64 = number(&bytes[244..252], "record duration")?;
    let ns: usize = number(&bytes[252..256], "number of signals")?;
    if ns == 0 || ns > 4096 || header_bytes != 256 * (ns + 1) || bytes.len() < header_bytes {
        return err("header size does not match the number of signals");
    }
    let format = if bdf {
        Format::Bdf
    } else if reserved.starts_with("EDF+") {
        Format::EdfPlus
    } else {
        Format::Edf
    };
    let width = if bdf { 3 } else { 2 };
    let h = &bytes[256..header_bytes];
    let at = |offset: usize, size: usize, i: usize| {
        &h[offset * ns + i * size..offset * ns + (i + 1) * size]
    };
    struct Spec {
        label: String,
        dim: String,
        pmin: f64,
        pmax: f64,
        dmin: i32,
        dmax: i32,
        n: usize,
    }
    let mut specs = Vec::with_capacity(ns);
    for i in 0..ns {
        specs.push(Spec {
            label: field(at(0, 16, i), "label")?,
            dim: field(at(16 + 80, 8, i), "physical dimension")?,
            pmin: number(at(16 + 80 + 8, 8, i), "physical minimum")?,
            pmax: number(at(16 + 80 + 16, 8, i), "physical maximum")?,
            dmin: number(at(16 + 80 + 24, 8, i), "digital minimum")?,
            dmax: number(at(16 + 80 + 32, 8, i), "digital maximum")?,
            n: number(at(16 + 80 + 40 + 80, 8, i), "samples per record")?,
        });
    }
    let record_size: usize = specs.iter().map(|s| s.n * width).sum();
    if record_size == 0 {
        return err("records hold no samples");
    }
    let available = (bytes.len() - header_bytes) / record_size;
    // -1 means "unknown" (a recording still being written); trust what is there.
    let records = if declared_records < 0 {
        available
    } else {
        (declared_records as usize).min(available)
    };
    if records == 0 {
        return err("no complete data record");
    }
    // Annotation signals exist in EDF+ and BDF+ only; in a plain EDF the label is just a label.
    let annotation_label = match format {
        Format::EdfPlus => Some("EDF Annotations"),
        Format::Bdf if reserved.starts_with("BDF+") || reserved.starts_with("EDF+") => {
            Some("BDF Annotations")
        }
        _ => None,
    };
    let mut signals = Vec::new();
    let mut annotations = Vec::new();
    let data = &bytes[header_bytes..];
    let mut offset_in_record = 0;
    for s in &specs {
        let is_annotation = annotation_label.is_some_and(|l| s.label == l);
        let span = s.n * width;
        if is_annotation {
            let mut start_offset = 0.0;
            for r in 0..records {
                let start = r * record_size + offset_in_record;
                parse_tals(
                    &data[start..start + span],
                    r == 0,
                    &mut start_offset,
                    &mut annotations,
                );
            }
        } else {
            if s.dmax == s.dmin {
                return err(format!("signal {:?} has an empty digital range", s.label));
            }
            let gain = (s.pmax - s.pmin) / f64::from(s.dmax - s.dmin);
            let mut samples = Vec::with_capacity(records * s.n);
            for r in 0..records {
                let start = r * record_size + offset_in_record;
                for chunk in data[start..start + span].chunks_exact(width) {
                    let digital = if bdf {
                        // Sign-extend 24 bits.
                        i32::from(chunk[0])
                            | i32::from(chunk[1]) << 8
                            | i32::from(chunk[2] as i8) << 16
                    } else {
                        i32::from(i16::from_le_bytes([chunk[0], chunk[1]]))
                    };
                    samples.push((f64::from(digital - s.dmin) * gain + s.pmin) as f32);
                }
            }
            signals.push(Signal {
                label: s.label.clone(),
                physical_dimension: s.dim.clone(),
                physical_min: s.pmin,
                physical_max: s.pmax,
                digital_min: s.dmin,
                digital_max: s.dmax,
                samples_per_record: s.n,
                sample_rate: s.n as f64 / record_duration,
                samples,
            });
        }
        offset_in_record += span;
    }
    annotations.sort_by(|a, b| a.onset.total_cmp(&b.onset));
    Ok(Recording {
        format,
        start_date: field(&bytes[168..176], "start date")?,
        start_time: field(&bytes[176..184], "start time")?,
        record_duration,
        records,
        signals,
        annotations,
    })
}

/// One record's annotation lists: `+onset[\x15duration]\x14text\x14...\x14\0`. The first TAL of
/// each record keeps time only (no text); in the first record it holds the recording's
/// sub-second start, which onsets are then counted from.
fn parse_tals(bytes: &[u8], first_record: bool, start: &mut f64, out: &mut Vec<Annotation>) {
    for (k, tal) in bytes
        .split(|&b| b == 0)
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        let mut parts = tal.split(|&b| b == 0x14);
        let Some(time) = parts.next() else { continue };
        let time = String::from_utf8_lossy(time);
        let (onset, duration) = match time.split_once('\u{15}') {
            Some((o, d)) => (o.to_string(), d.parse::<f64>().ok()),
            None => (time.to_string(), None),
        };
        let Ok(onset) = onset.trim().parse::<f64>() else {
            continue;
        };
        if k == 0 && first_record {
            *start = onset;
        }
        for text in parts.filter(|t| !t.is_empty()) {
            out.push(Annotation {
                onset: onset - *start,
                duration,
                text: String::from_utf8_lossy(text).into_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal EDF+ file built by hand: one signal, two records, one annotation signal.
    fn tiny() -> Vec<u8> {
        let ns = 2;
        let mut h = Vec::new();
        let pad = |s: &str, n: usize| format!("{s:<n$}").into_bytes();
        h.extend(pad("0", 8));
        h.extend(pad("X X X X", 80));
        h.extend(pad("Startdate X X X X", 80));
        h.extend(pad("01.02.03", 8));
        h.extend(pad("04.05.06", 8));
        h.extend(pad(&(256 * (ns + 1)).to_string(), 8));
        h.extend(pad("EDF+C", 44));
        h.extend(pad("2", 8));
        h.extend(pad("1", 8));
        h.extend(pad(&ns.to_string(), 4));
        let fields: [[&str; 2]; 10] = [
            ["EEG Fpz-Cz", "EDF Annotations"],
            ["", ""],
            ["uV", ""],
            ["100", "-1"],
            ["-100", "1"],
            ["-32768", "-32768"],
            ["32767", "32767"],
            ["", ""],
            ["4", "16"],
            ["", ""],
        ];
        let widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32];
        for (f, w) in fields.iter().zip(widths) {
            for v in f {
                h.extend(pad(v, w));
            }
        }
        for r in 0..2 {
            for d in [-32768i16, 0, 32767, 100] {
                h.extend(d.to_le_bytes());
            }
            let mut tal = format!("+{r}\x14\x14\0").into_bytes();
            if r == 1 {
                tal.extend("+1.5\x150.5\x14Lights off ✓\x14\0".as_bytes());
            }
            tal.resize(32, 0);
            h.extend(tal);
        }
        h
    }

    #[test]
    fn reads_samples_with_an_inverted_physical_range_and_utf8_annotations() {
        let rec = parse(&tiny()).unwrap();
        assert_eq!(rec.format, Format::EdfPlus);
        assert_eq!(rec.signals.len(), 1);
        let s = &rec.signals[0];
        assert_eq!(s.label, "EEG Fpz-Cz");
        assert_eq!(s.sample_rate, 4.0);
        assert_eq!(s.samples.len(), 8);
        // digital min maps to physical min (100), max to max (-100): inverted.
        assert!((s.samples[0] - 100.0).abs() < 1e-3);
        assert!((s.samples[2] + 100.0).abs() < 1e-3);
        assert_eq!(
            rec.annotations,
            vec![Annotation {
                onset: 1.5,
                duration: Some(0.5),
                text: "Lights off ✓".into()
            }]
        );
    }

    #[test]
    fn refuses_what_is_not_edf() {
        assert!(parse(b"hello").is_err());
        let mut t = tiny();
        t[0] = b'9';
        assert!(parse(&t).is_err());
        let t = tiny();
        assert!(parse(&t[..600]).is_err(), "no complete record");
    }
}
