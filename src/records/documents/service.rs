//! The document domain's rules and transactions. Each function takes the request's transaction
//! and the permit casbin gave for what it does. Uploads and downloads hold no transaction while
//! bytes travel: the transaction checks and commits first, and an upload records its row in a
//! second one ([`TenantTx::reopen_later`]). The SQL is in `store`.

use poem::web::Multipart;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    crypto::{SecretKey, dek_aad},
    db::{Reopen, TenantTx},
    error::{ApiError, ApiResult},
    ids::{DocumentId, HospitalId, PatientId, UserId},
    records::{
        RowKind, Vault,
        documents::{
            form::{self, Parts},
            objects::{self, Seal, Stored},
            store::{self, DOCUMENT_SELECT, NewRow},
            types::{Described, Document, DocumentReceipt, Download},
        },
        list_patient_rows, require_patient,
    },
};

/// Uploads a document for a patient the caller may see (404 otherwise). A short transaction
/// checks access and makes sure the hospital has a key (410 after it was destroyed); the
/// transfer itself holds no transaction (nor a pooled connection), and a second one records
/// the row and its audit event. The first transaction also commits the upload's intent, so an
/// object whose row never commits (the process died in between) is found by the orphan sweep
/// (`sweep`). A body that is not multipart is refused (400) only after that check; nothing is
/// kept when the upload fails.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn upload(
    tx: TenantTx,
    _: &Permit<perm::Document, perm::Create>,
    state: &AppState,
    patient: PatientId,
    form: ApiResult<Multipart>,
) -> ApiResult<DocumentReceipt> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, patient).await?;
    let vault = &state.vault;
    let (version, _) = store::active_key(&tx, vault, hospital).await?;
    let mut form = form?;
    let document = DocumentId::new();
    store::intend(&tx, hospital, document).await?;
    let again = tx.reopen_later();
    tx.commit().await?;
    let seal = Seal {
        vault,
        hospital,
        document,
        kek_version: version,
        dek: SecretKey::generate(),
    };
    let mut parts = Parts::default();
    let read = form::read(&mut form, &seal, &mut parts).await;
    let outcome = match read.and_then(|()| parts.validated()) {
        Ok((described, stored)) => record(state, again, &seal, patient, &described, stored).await,
        Err(e) => Err(e),
    };
    match (outcome, parts.stored) {
        (Ok(()), Some(s)) => Ok(DocumentReceipt {
            id: seal.document.uuid(),
            sha256: hex::encode(s.sha256),
            size: s.size as i64,
        }),
        (Err(e), Some(s)) => {
            // Nothing half-done: the object goes when its row did not commit (its intent stays
            // for the orphan sweep, which also covers a delete that fails here).
            let _ = vault.store.delete(&s.object_key).await;
            Err(e)
        }
        (Err(e), None) => Err(e),
        (Ok(()), None) => Err(ApiError::unprocessable("file is required")),
    }
}

/// The second transaction: the caller's session is checked again, RLS re-checks access on
/// insert, and the row and its audit event commit together. The data key is wrapped under the
/// hospital key that is active now (rotation may have happened during a long upload).
async fn record(
    state: &AppState,
    again: Reopen,
    seal: &Seal<'_>,
    patient: PatientId,
    described: &Described,
    stored: &Stored,
) -> ApiResult<()> {
    let tx = again.begin(state).await?;
    let (hospital, id) = (seal.hospital, seal.document);
    store::fulfil(&tx, hospital, id).await?;
    store::hold_keys(&tx, hospital).await?;
    let (version, kek) = store::active_key(&tx, seal.vault, hospital).await?;
    let wrapped_dek = kek.wrap(&seal.dek, &dek_aad(hospital.uuid(), id.uuid(), version));
    let row = NewRow {
        hospital,
        id,
        patient,
        uploaded_by: UserId::from(tx.caller().user_id),
        described,
        stored,
        kek_version: version,
        wrapped_dek,
    };
    store::insert(&tx, row).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("document.create", "document", id).patient(patient.uuid()),
    )
    .await?;
    tx.commit().await
}

/// A page of a patient's document descriptions (404 for a patient the caller may not see);
/// the read is audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list(
    tx: TenantTx,
    permit: &Permit<perm::Document, perm::List>,
    patient: PatientId,
    page: Page,
) -> ApiResult<Listing<Document>> {
    let kind = RowKind {
        action: "document.list",
        select: DOCUMENT_SELECT,
        alias: "d",
    };
    list_patient_rows(tx, permit, kind, patient, page, |d: &Document| d.id).await
}

/// A document's bytes: its row (404), its data key (410 after the hospital's key was destroyed)
/// and the audited read commit first; then the whole object is verified (500 when damaged)
/// before a stream of its plaintext is answered.
#[tracing::instrument(skip_all, fields(document = %id))]
pub async fn content(
    mut tx: TenantTx,
    _: &Permit<perm::Document, perm::Read>,
    vault: &Vault,
    id: DocumentId,
) -> ApiResult<Download> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    // Not while a rotation re-wraps keys: it would look like a destroyed key.
    store::hold_keys(&tx, hospital).await?;
    let doc = store::content(&tx, id).await?;
    let sealed = doc.sealed();
    let id = DocumentId::from(doc.id);
    let kek = store::key_at(&tx, vault, hospital, sealed.kek_version).await?;
    let dek = objects::data_key(&kek, hospital, id, &sealed)?;
    tx.audit_read(
        hospital.uuid(),
        AuditEntry::new("document.read", "document", doc.id).patient(doc.patient_id),
    );
    tx.commit().await?;
    let stream = objects::open_verified(vault, hospital.uuid(), doc.id, &sealed, dek).await?;
    Ok(Download {
        content_type: doc.content_type,
        file_name: doc.file_name,
        size: doc.size,
        stream,
    })
}
