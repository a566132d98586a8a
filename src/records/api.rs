//! `/api/v1/patients/{id}/documents` and `/api/v1/documents/{id}/content`.

use poem::{Body, Request, RequestBody, web::Multipart};
use poem_openapi::{
    ApiExtractor, ApiExtractorType, ApiResponse, ExtractParamOptions, Object, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json},
    registry::{MetaMediaType, MetaRequest, MetaSchema, MetaSchemaRef, Registry},
};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    app::{AppState, paging::Listing},
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    crypto::SecretKey,
    db::stmt,
    error::{ApiError, ApiResult},
    records::{
        PatientRows,
        documents::{self, DOCUMENT_SELECT, Document, KINDS, Sealed},
        keys, list_for_patient, require_patient, text,
    },
};

pub struct RecordsApi;

/// `multipart/form-data` with `file`, `title` and `kind`, read as a stream: the file is
/// encrypted chunk by chunk on its way to storage and is never whole in memory or on disk.
/// A body that is not multipart is refused only after the caller's permission was checked.
pub struct DocumentForm(Result<Multipart, ApiError>);

impl<'a> ApiExtractor<'a> for DocumentForm {
    const TYPES: &'static [ApiExtractorType] = &[ApiExtractorType::RequestObject];
    type ParamType = ();
    type ParamRawType = ();

    fn register(_registry: &mut Registry) {}

    fn request_meta() -> Option<MetaRequest> {
        let string = |format: Option<&'static str>, description: &'static str| {
            MetaSchemaRef::Inline(Box::new(MetaSchema {
                format,
                description: Some(description),
                ..MetaSchema::new("string")
            }))
        };
        let kind = MetaSchemaRef::Inline(Box::new(MetaSchema {
            description: Some("What the document is."),
            enum_items: KINDS.iter().map(|k| serde_json::json!(k)).collect(),
            ..MetaSchema::new("string")
        }));
        Some(MetaRequest {
            description: Some("The file and its description."),
            content: vec![MetaMediaType {
                content_type: "multipart/form-data",
                schema: MetaSchemaRef::Inline(Box::new(MetaSchema {
                    required: vec!["file", "title", "kind"],
                    properties: vec![
                        (
                            "file",
                            string(Some("binary"), "The document (at most MAX_UPLOAD_BYTES)."),
                        ),
                        ("title", string(None, "A short title, 1 to 200 characters.")),
                        ("kind", kind),
                    ],
                    ..MetaSchema::new("object")
                })),
            }],
            required: true,
        })
    }

    async fn from_request(
        request: &'a Request,
        body: &mut RequestBody,
        _param_opts: ExtractParamOptions<Self::ParamType>,
    ) -> poem::Result<Self> {
        let ok = request
            .content_type()
            .is_some_and(|c| c.starts_with("multipart/form-data"));
        if !ok {
            return Ok(Self(Err(ApiError::BadRequest(
                "expected multipart/form-data with file, title and kind".into(),
            ))));
        }
        Ok(Self(
            <Multipart as poem::FromRequest>::from_request(request, body)
                .await
                .map_err(|_| ApiError::BadRequest("the multipart body is malformed".into())),
        ))
    }
}

/// What a download needs of its row: the description and the sealed object, in one read.
#[derive(FromQueryResult)]
struct Content {
    id: Uuid,
    patient_id: Uuid,
    content_type: String,
    file_name: String,
    size: i64,
    object_key: String,
    kek_version: i32,
    wrapped_dek: Vec<u8>,
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

#[derive(ApiResponse)]
pub enum DocumentCreated {
    #[oai(status = 201)]
    Created(Json<DocumentReceipt>),
}

#[derive(ApiResponse)]
pub enum DocumentList {
    #[oai(status = 200)]
    Ok(Json<Listing<Document>>),
}

#[derive(ApiResponse)]
pub enum DocumentContent {
    /// The decrypted bytes, served only after the whole object passed its integrity check.
    #[oai(status = 200)]
    Ok(
        Binary<Body>,
        #[oai(header = "content-type")] String,
        #[oai(header = "content-disposition")] String,
        #[oai(header = "content-length")] String,
    ),
}

fn clean_file_name(name: Option<&str>) -> String {
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

fn clean_content_type(ct: Option<&str>) -> String {
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

fn bad_form(_: poem::error::ParseMultipartError) -> ApiError {
    ApiError::BadRequest("the multipart body is malformed".into())
}

/// What the multipart body carried.
#[derive(Default)]
struct Parts {
    title: Option<String>,
    kind: Option<String>,
    file: Option<(String, String)>,
    stored: Option<documents::Stored>,
}

impl Parts {
    fn validated(&self) -> ApiResult<(String, String, &documents::Stored, String, String)> {
        let title = text("title", self.title.as_deref().unwrap_or(""), 200)?;
        let kind = self
            .kind
            .clone()
            .filter(|k| KINDS.contains(&k.as_str()))
            .ok_or_else(|| {
                ApiError::unprocessable(format!("kind must be one of {}", KINDS.join(", ")))
            })?;
        match (&self.stored, &self.file) {
            (Some(s), Some((name, ct))) => Ok((title, kind, s, name.clone(), ct.clone())),
            _ => Err(ApiError::unprocessable("file is required")),
        }
    }
}

/// A short text field, read through a bound: a huge `title` is refused, not buffered.
async fn small_text(field: poem::web::Field, name: &str) -> ApiResult<String> {
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

async fn read_form(
    form: &mut Multipart,
    vault: &crate::records::Vault,
    hospital: Uuid,
    doc: Uuid,
    version: i32,
    dek: &SecretKey,
    parts: &mut Parts,
) -> ApiResult<()> {
    while let Some(field) = form.next_field().await.map_err(bad_form)? {
        match field.name() {
            Some("file") if parts.file.is_none() => {
                parts.file = Some((
                    clean_file_name(field.file_name()),
                    clean_content_type(field.content_type()),
                ));
                let reader = field.into_async_read();
                parts.stored =
                    Some(documents::store(vault, hospital, doc, version, dek, reader).await?);
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

/// The second transaction: the caller's session is checked again, RLS re-checks access on
/// insert, and the row and its audit event commit together.
#[expect(
    clippy::too_many_arguments,
    reason = "the upload's parts; a typed command is issue 16's service layer"
)]
async fn record(
    state: &AppState,
    again: crate::db::Reopen,
    hospital: Uuid,
    doc: Uuid,
    patient: Uuid,
    dek: &SecretKey,
    stored: &documents::Stored,
    meta: (&str, &str, &str, &str),
) -> ApiResult<()> {
    let tx = again.begin(state).await?;
    documents::insert(&tx, &state.vault, hospital, doc, patient, dek, stored, meta).await?;
    tx.audit_write(
        hospital,
        AuditEntry::new("document.create", "document", doc).patient(patient),
    )
    .await?;
    tx.commit().await
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Records")]
impl RecordsApi {
    /// Upload a document for a patient (multipart `file`, `title`, `kind`).
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant (404
    /// for any other patient). The file is encrypted before it leaves the server; `sha256` and
    /// `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
    /// `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
    /// multipart, 410 after the hospital's key was destroyed; nothing is kept when the upload
    /// fails, and a success is audited.
    #[oai(
        path = "/patients/:id/documents",
        method = "post",
        operation_id = "uploadDocument"
    )]
    async fn upload(
        &self,
        state: poem::web::Data<&AppState>,
        auth: BearerAuth,
        id: Path<Uuid>,
        form: DocumentForm,
    ) -> ApiResult<DocumentCreated> {
        // A short transaction checks access and makes sure the hospital has a key; the transfer
        // itself holds no transaction (nor a pooled connection); a second one records the row.
        let tx = auth.0;
        tx.permit::<perm::Document, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        require_patient(&tx, id.0).await?;
        let vault = &state.vault;
        let (version, _) = keys::active(tx.conn(), &vault.master, hospital).await?;
        let mut form = form.0?;
        let again = tx.reopen_later();
        tx.commit().await?;
        let doc = Uuid::now_v7();
        let dek = SecretKey::generate();
        let mut parts = Parts::default();
        let read = read_form(&mut form, vault, hospital, doc, version, &dek, &mut parts).await;
        let outcome = match read.and_then(|()| parts.validated()) {
            Ok((title, kind, stored, name, ct)) => {
                record(
                    &state,
                    again,
                    hospital,
                    doc,
                    id.0,
                    &dek,
                    stored,
                    (&title, &kind, &name, &ct),
                )
                .await
            }
            Err(e) => Err(e),
        };
        match (outcome, parts.stored) {
            (Ok(()), Some(s)) => Ok(DocumentCreated::Created(Json(DocumentReceipt {
                id: doc,
                sha256: hex::encode(s.sha256),
                size: s.size as i64,
            }))),
            (Err(e), Some(s)) => {
                // Nothing half-done: the object goes when its row did not commit.
                let _ = vault.store.delete(&s.object_key).await;
                Err(e)
            }
            (Err(e), None) => Err(e),
            (Ok(()), None) => Err(ApiError::unprocessable("file is required")),
        }
    }

    /// A patient's documents, newest last (descriptions only).
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant (404
    /// for any other patient). Title, kind, file name, content type, size and SHA-256, never the
    /// bytes (see `GET /api/v1/documents/{id}/content`); paged with `limit` and `cursor`, and the
    /// read is audited.
    #[oai(
        path = "/patients/:id/documents",
        method = "get",
        operation_id = "listDocuments"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<DocumentList> {
        let rows = PatientRows {
            object: perm::Document,
            action: "document.list",
            select: DOCUMENT_SELECT,
            alias: "d",
        };
        let listing =
            list_for_patient(auth.0, rows, id.0, limit.0, cursor.0, |d: &Document| d.id).await?;
        Ok(DocumentList::Ok(Json(listing)))
    }

    /// A document's bytes, decrypted.
    ///
    /// Whoever may see the patient's documents (404 otherwise). The whole object is authenticated
    /// before the first byte is sent, so a damaged or truncated object answers 500 and serves
    /// nothing; after the hospital's key was destroyed, 410. Served as an attachment with its
    /// original content type; the read is audited.
    #[oai(
        path = "/documents/:id/content",
        method = "get",
        operation_id = "getDocumentContent"
    )]
    async fn content(
        &self,
        state: poem::web::Data<&AppState>,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<DocumentContent> {
        let mut tx = auth.0;
        tx.permit::<perm::Document, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        // Not while a rotation re-wraps keys: it would look like a destroyed key.
        tx.conn_execute(keys::lock_sql(false), vec![hospital.into()])
            .await?;
        let doc = Content::find_by_statement(stmt(
            "select id, patient_id, content_type, file_name, size, object_key, kek_version, wrapped_dek \
             from document where id = $1",
            [id.0.into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        let sealed = Sealed {
            object_key: doc.object_key.clone(),
            kek_version: doc.kek_version,
            wrapped_dek: doc.wrapped_dek.clone(),
            size: doc.size,
        };
        let dek = documents::data_key(&tx, &state.vault, hospital, doc.id, &sealed).await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("document.read", "document", doc.id).patient(doc.patient_id),
        );
        tx.commit().await?;
        let stream = documents::open_verified(&state.vault, hospital, doc.id, &sealed, dek).await?;
        Ok(DocumentContent::Ok(
            Binary(Body::from_bytes_stream(stream)),
            doc.content_type,
            format!(
                "attachment; filename=\"{}\"",
                doc.file_name
                    .replace(|c: char| !c.is_ascii() || c == '\\', "_")
            ),
            doc.size.to_string(),
        ))
    }
}
