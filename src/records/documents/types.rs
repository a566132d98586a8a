//! The document domain's values: what an upload describes (checked here), what readers are
//! answered, and what a download serves.

use bytes::Bytes;
use futures_util::stream::BoxStream;
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// The kinds a document may be, as the spec lists them.
pub const KINDS: [&str; 4] = ["lab_report", "imaging", "eeg", "other"];

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    LabReport,
    Imaging,
    Eeg,
    Other,
}

impl Kind {
    pub const ALL: [Self; 4] = [Self::LabReport, Self::Imaging, Self::Eeg, Self::Other];

    /// 422 for anything but the names of [`KINDS`].
    pub fn parse(s: &str) -> ApiResult<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                ApiError::unprocessable(format!("kind must be one of {}", KINDS.join(", ")))
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::LabReport => "lab_report",
            Self::Imaging => "imaging",
            Self::Eeg => "eeg",
            Self::Other => "other",
        }
    }
}

/// A stored document's description (never its content).
#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Document {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub title: String,
    /// `lab_report`, `imaging`, `eeg` or `other`.
    pub kind: String,
    pub file_name: String,
    pub content_type: String,
    /// Plaintext size in bytes.
    pub size: i64,
    /// SHA-256 of the plaintext, hex.
    pub sha256: String,
    pub uploaded_by: Uuid,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The answer to an upload: the plaintext's size and SHA-256.
#[derive(Object)]
pub struct DocumentReceipt {
    pub id: Uuid,
    /// SHA-256 of the uploaded bytes, hex.
    pub sha256: String,
    /// Bytes uploaded.
    pub size: i64,
}

/// An upload's description, checked: title, kind, and the file's name and content type.
pub struct Described {
    pub title: String,
    pub kind: Kind,
    pub file_name: String,
    pub content_type: String,
}

/// What a download serves: the verified plaintext as a stream, and how to describe it.
pub struct Download {
    pub content_type: String,
    pub file_name: String,
    /// Plaintext size in bytes.
    pub size: i64,
    pub stream: BoxStream<'static, Result<Bytes, std::io::Error>>,
}

/// The base name of an uploaded file, without control characters or quotes, at most 200
/// characters; `document` when nothing is left.
pub fn clean_file_name(name: Option<&str>) -> String {
    let base = name
        .unwrap_or("document")
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("document");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if cleaned.trim().is_empty() {
        "document".into()
    } else {
        cleaned
    }
}

/// An uploaded part's content type when it looks like one, else `application/octet-stream`.
pub fn clean_content_type(ct: Option<&str>) -> String {
    match ct {
        Some(c)
            if c.len() <= 100
                && c.contains('/')
                && c.chars().all(|ch| ch.is_ascii_graphic() || ch == ' ') =>
        {
            c.to_string()
        }
        _ => "application/octet-stream".into(),
    }
}

/// The file name as a `content-disposition` header may carry it (ASCII, no backslash).
pub fn attachment_name(file_name: &str) -> String {
    file_name.replace(|c: char| !c.is_ascii() || c == '\\', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_their_names_only() {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names, KINDS);
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()).unwrap(), k);
        }
        assert!(Kind::parse("").is_err());
        assert!(Kind::parse("Imaging").is_err());
    }

    #[test]
    fn file_names_keep_their_base_without_quotes_or_controls() {
        assert_eq!(clean_file_name(Some("C:\\scans\\a\"b.png")), "ab.png");
        assert_eq!(clean_file_name(Some("/tmp/x/report.pdf")), "report.pdf");
        assert_eq!(clean_file_name(Some("dir/")), "document");
        assert_eq!(clean_file_name(None), "document");
        assert_eq!(clean_file_name(Some(&"a".repeat(300))).len(), 200);
    }

    #[test]
    fn content_types_fall_back_to_octet_stream() {
        assert_eq!(clean_content_type(Some("image/png")), "image/png");
        assert_eq!(clean_content_type(Some("png")), "application/octet-stream");
        assert_eq!(
            clean_content_type(Some("a/b\n")),
            "application/octet-stream"
        );
        assert_eq!(clean_content_type(None), "application/octet-stream");
    }

    #[test]
    fn attachment_names_are_ascii_without_backslashes() {
        assert_eq!(attachment_name("résumé\\x.pdf"), "r_sum__x.pdf");
    }
}
