//! `/api/v1/prescriptions` and the public verification of printed codes: HTTP only. Each
//! handler names the ids it was given, asks casbin for its permit and hands both to `service`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json},
};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    auth::{BearerAuth, permit as perm},
    error::{ApiError, ApiResult},
    ids::{PatientId, PrescriptionId},
    prescriptions::{
        service,
        types::{Filter, Issue, Item, Lang, Prescription, Status, Verification, normalize_code},
    },
};

pub struct PrescriptionsApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewPrescription {
    pub patient_id: Uuid,
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    /// 1 to 30 medications.
    pub items: Vec<Item>,
}

#[derive(ApiResponse)]
pub enum PrescriptionCreated {
    #[oai(status = 201)]
    Created(Json<Prescription>),
}
#[derive(ApiResponse)]
pub enum PrescriptionAnswer {
    #[oai(status = 200)]
    Ok(Json<Prescription>),
}
#[derive(ApiResponse)]
pub enum PrescriptionList {
    #[oai(status = 200)]
    Ok(Json<Listing<Prescription>>),
}
#[derive(ApiResponse)]
pub enum PrescriptionPdf {
    /// The printable prescription.
    #[oai(status = 200, content_type = "application/pdf")]
    Ok(
        Binary<Vec<u8>>,
        #[oai(header = "content-disposition")] String,
    ),
}
#[derive(ApiResponse)]
pub enum VerificationAnswer {
    #[oai(status = 200)]
    Ok(Json<Verification>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Records")]
impl PrescriptionsApi {
    /// Issue a prescription (a doctor of the patient's care team).
    ///
    /// Doctors with a profile here, for a patient on their care team or who gave them an active
    /// grant (404 for any other patient). 1 to 30 `items` with medication, dose, route and
    /// frequency, `duration_days` 1 to 365, `quantity` 1 to 10000 and `refills` 0 to 12 (422
    /// otherwise); `appointment_id`, when given, must be one of this patient's appointments (422).
    /// It starts `active` with a verification code for the printed copy; audited.
    #[oai(
        path = "/prescriptions",
        method = "post",
        operation_id = "createPrescription"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        body: Json<NewPrescription>,
    ) -> ApiResult<PrescriptionCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Prescription, perm::Create>().await?;
        let b = body.0;
        let issue = Issue::parse(
            b.patient_id.into(),
            b.appointment_id.map(Into::into),
            b.items,
        )?;
        let p = service::issue(tx, &permit, issue).await?;
        Ok(PrescriptionCreated::Created(Json(p)))
    }

    /// Prescriptions the caller may see: a patient's, or for pharmacists all of the hospital's.
    ///
    /// Patients see their own, doctors those of patients on their care team or who gave them an
    /// active grant, and custom roles granted `prescription:list` (pharmacists) the whole
    /// hospital's; hospital admins get 403. Filter by `patient_id`, `status` (`active`,
    /// `dispensed` or `cancelled`, else 422) and the printed `code` (a pharmacist's look-up: 422
    /// for one that cannot be a code); oldest first, paged, and every prescription listed is
    /// recorded as read.
    #[oai(
        path = "/prescriptions",
        method = "get",
        operation_id = "listPrescriptions"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        patient_id: Query<Option<Uuid>>,
        status: Query<Option<String>>,
        /// The printed verification code (case and dashes do not matter): the one prescription
        /// of this hospital that carries it, so a pharmacist's look-up reads only that one.
        code: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<PrescriptionList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Prescription, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let code = code
            .0
            .map(|c| {
                normalize_code(&c).ok_or_else(|| {
                    ApiError::unprocessable(
                        "code must be the 12 letters and digits printed on the prescription",
                    )
                })
            })
            .transpose()?;
        let filter = Filter {
            patient: patient_id.0.map(PatientId::from),
            status: status.0.as_deref().map(Status::parse).transpose()?,
            code,
        };
        let listing = service::list(tx, &permit, filter, page).await?;
        Ok(PrescriptionList::Ok(Json(listing)))
    }

    /// One prescription.
    ///
    /// The patient, doctors on the care team or holding an active grant, and custom roles granted
    /// `prescription:read` (pharmacists); hospital admins get 403, any other prescription 404. The
    /// read is audited.
    #[oai(
        path = "/prescriptions/:id",
        method = "get",
        operation_id = "getPrescription"
    )]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<PrescriptionAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Prescription, perm::Read>().await?;
        let p = service::read(tx, &permit, PrescriptionId::from(id.0)).await?;
        Ok(PrescriptionAnswer::Ok(Json(p)))
    }

    /// The prescription as a PDF, labelled in English or Nepali.
    ///
    /// Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
    /// prescriber and licence, the patient's name and date of birth, items, issue date, status and
    /// the verification code with its public check address; audited as a print. `lang` is the
    /// language of the labels, `en` (the default) or `ne` (422 otherwise); names and what the
    /// doctor wrote are printed as written, Devanagari included (the fonts are embedded).
    #[oai(
        path = "/prescriptions/:id/pdf",
        method = "get",
        operation_id = "getPrescriptionPdf"
    )]
    async fn pdf(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        id: Path<Uuid>,
        lang: Query<Option<String>>,
    ) -> ApiResult<PrescriptionPdf> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Prescription, perm::Read>().await?;
        let lang = Lang::parse(lang.0.as_deref())?;
        let id = PrescriptionId::from(id.0);
        let url = &state.config.public_base_url;
        let (p, bytes) = service::print(tx, &permit, id, lang, url).await?;
        Ok(PrescriptionPdf::Ok(
            Binary(bytes),
            format!(
                "inline; filename=\"prescription-{}.pdf\"",
                p.verification_code
            ),
        ))
    }

    /// Mark a prescription dispensed (pharmacists: a custom role granted `prescription:dispense`).
    ///
    /// Any other role gets 403. 409 unless the prescription is `active`; it becomes `dispensed`,
    /// with the time and the dispensing member recorded, and the change is audited.
    #[oai(
        path = "/prescriptions/:id/dispense",
        method = "post",
        operation_id = "dispensePrescription"
    )]
    async fn dispense(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<PrescriptionAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Prescription, perm::Dispense>().await?;
        let p = service::dispense(tx, &permit, PrescriptionId::from(id.0)).await?;
        Ok(PrescriptionAnswer::Ok(Json(p)))
    }

    /// Cancel an active prescription (its prescriber only).
    ///
    /// 403 for everyone else, including any other doctor who may read it through the care team or a
    /// consent; 409 unless it is `active`. It becomes `cancelled`, which the public verification
    /// then shows; audited.
    #[oai(
        path = "/prescriptions/:id/cancel",
        method = "post",
        operation_id = "cancelPrescription"
    )]
    async fn cancel(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<PrescriptionAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Prescription, perm::Cancel>().await?;
        let p = service::cancel(tx, &permit, PrescriptionId::from(id.0)).await?;
        Ok(PrescriptionAnswer::Ok(Json(p)))
    }

    /// Check a printed prescription's code (public, no sign-in).
    ///
    /// Answers whether the code is genuine: status, issue date, hospital, prescriber and licence
    /// number, and how many items; never any patient data. Case and dashes do not matter; an
    /// unknown or malformed code answers 404. Limited per client address
    /// (`VERIFICATIONS_PER_IP_PER_MINUTE`, then 429 with Retry-After).
    #[oai(
        path = "/prescription-verifications/:code",
        method = "get",
        operation_id = "verifyPrescription"
    )]
    async fn verify(
        &self,
        state: Data<&AppState>,
        meta: Data<&crate::db::RequestMeta>,
        code: Path<String>,
    ) -> ApiResult<VerificationAnswer> {
        // Codes carry about 58 bits and cannot be guessed; the limit keeps anyone from trying.
        if let Some(ip) = meta.ip {
            crate::auth::throttle::rate_limit(
                &mut state.redis.clone(),
                &format!("{}:verify:ip:{ip}", state.config.redis_namespace),
                state.config.verifications_per_ip_per_minute,
                std::time::Duration::from_secs(60),
            )
            .await?;
        }
        let v = service::verify(&state.db, &code.0).await?;
        Ok(VerificationAnswer::Ok(Json(v)))
    }
}
