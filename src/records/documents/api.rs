//! `/api/v1/patients/{id}/documents` and `/api/v1/documents/{id}/content`: HTTP only. Each
//! handler names the ids it was given, asks casbin for its permit and hands both to `service`.

use poem::{Body, Request, RequestBody, web::Multipart};
use poem_openapi::{
    ApiExtractor, ApiExtractorType, ApiResponse, ExtractParamOptions, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json},
    registry::{MetaMediaType, MetaRequest, MetaSchema, MetaSchemaRef, Registry},
};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    auth::{BearerAuth, permit as perm},
    error::{ApiError, ApiResult},
    ids::{DocumentId, PatientId},
    records::documents::{
        service,
        types::{Document, DocumentReceipt, KINDS, attachment_name},
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

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Records")]
impl RecordsApi {
    /// Upload a document for a patient (multipart `file`, `title`, `kind`).
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant (404
    /// for any other patient). The file is encrypted before it leaves the server; `sha256` and
    /// `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
    /// `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
    /// multipart, 410 after the hospital's key was destroyed, 409 for an upload that took longer
    /// than `ORPHAN_GRACE_MINUTES`; nothing is kept when the upload fails, and a success is
    /// audited.
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Document, perm::Create>().await?;
        let patient = PatientId::from(id.0);
        let receipt = service::upload(tx, &permit, &state, patient, form.0).await?;
        Ok(DocumentCreated::Created(Json(receipt)))
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Document, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list(tx, &permit, PatientId::from(id.0), page).await?;
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Document, perm::Read>().await?;
        let id = DocumentId::from(id.0);
        let d = service::content(tx, &permit, &state.vault, id).await?;
        Ok(DocumentContent::Ok(
            Binary(Body::from_bytes_stream(d.stream)),
            d.content_type,
            format!("attachment; filename=\"{}\"", attachment_name(&d.file_name)),
            d.size.to_string(),
        ))
    }
}
