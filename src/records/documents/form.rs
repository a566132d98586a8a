//! An upload's `multipart/form-data` body, read as it streams: the `file` part goes through a
//! [`Seal`] into storage as it arrives, `title` and `kind` are read through a bound.

use poem::web::{Field, Multipart};

use crate::{
    error::{ApiError, ApiResult},
    records::{
        documents::{
            objects::{Seal, Stored},
            types::{Described, Kind, clean_content_type, clean_file_name},
        },
        text,
    },
};

fn bad_form(_: poem::error::ParseMultipartError) -> ApiError {
    ApiError::BadRequest("the multipart body is malformed".into())
}

/// What the multipart body carried.
#[derive(Default)]
pub struct Parts {
    title: Option<String>,
    kind: Option<String>,
    file: Option<(String, String)>,
    /// The object written for the `file` part, if one was.
    pub stored: Option<Stored>,
}

impl Parts {
    /// The upload's description (422 for a `title` not 1 to 200 characters, an unknown `kind`
    /// or no file, in that order) and its object.
    pub fn validated(&self) -> ApiResult<(Described, &Stored)> {
        let title = text("title", self.title.as_deref().unwrap_or(""), 200)?;
        let kind = Kind::parse(self.kind.as_deref().unwrap_or(""))?;
        match (&self.stored, &self.file) {
            (Some(s), Some((name, ct))) => Ok((
                Described {
                    title,
                    kind,
                    file_name: name.clone(),
                    content_type: ct.clone(),
                },
                s,
            )),
            _ => Err(ApiError::unprocessable("file is required")),
        }
    }
}

/// A short text field, read through a bound: a huge `title` is refused, not buffered.
async fn small_text(field: Field, name: &str) -> ApiResult<String> {
    use tokio::io::AsyncReadExt;
    let mut buf = Vec::new();
    field
        .into_async_read()
        .take(4097)
        .read_to_end(&mut buf)
        .await
        .map_err(|_| ApiError::BadRequest(format!("{name} could not be read")))?;
    if buf.len() > 4096 {
        return Err(ApiError::unprocessable(format!("{name} is too long")));
    }
    let text = String::from_utf8(buf)
        .map_err(|_| ApiError::BadRequest(format!("{name} is not valid UTF-8")))?;
    crate::app::edge::check_text(name, &text)?;
    Ok(text)
}

/// Reads every field of `form` into `parts`, sealing the file into storage on the way; a field
/// that is unknown, repeated or unnamed answers 400.
pub async fn read(form: &mut Multipart, seal: &Seal<'_>, parts: &mut Parts) -> ApiResult<()> {
    while let Some(field) = form.next_field().await.map_err(bad_form)? {
        match field.name() {
            Some("file") if parts.file.is_none() => {
                parts.file = Some((
                    clean_file_name(field.file_name()),
                    clean_content_type(field.content_type()),
                ));
                let reader = field.into_async_read();
                parts.stored = Some(seal.store(reader).await?);
            }
            Some("title") if parts.title.is_none() => {
                parts.title = Some(small_text(field, "title").await?);
            }
            Some("kind") if parts.kind.is_none() => {
                parts.kind = Some(small_text(field, "kind").await?);
            }
            Some(other) => {
                return Err(ApiError::BadRequest(format!(
                    "unexpected or repeated form field {:?}",
                    other.chars().take(40).collect::<String>()
                )));
            }
            None => return Err(ApiError::BadRequest("a form field has no name".into())),
        }
    }
    Ok(())
}
