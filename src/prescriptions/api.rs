//! `/api/v1/prescriptions` and the public verification of printed codes.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json},
};
use sea_orm::{FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    prescriptions::{Item, Prescription, Row, SELECT, normalize_code, pdf, verification_code},
    records::{notes::caller_doctor, require_patient},
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

/// What anyone holding the paper can learn: whether it is genuine and still valid. No patient data.
#[derive(Object, FromQueryResult)]
pub struct Verification {
    /// `active`, `dispensed` or `cancelled`.
    pub status: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub hospital_name: String,
    pub prescriber: String,
    pub license_number: String,
    pub item_count: i32,
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

#[derive(FromQueryResult)]
struct Print {
    hospital_name: String,
    doctor_name: String,
    license_number: String,
    specialization: String,
    patient_name: String,
    patient_date_of_birth: Option<chrono::NaiveDate>,
}

pub async fn prescription(tx: &TenantTx, id: Uuid) -> ApiResult<Prescription> {
    Row::find_by_statement(stmt(&format!("{SELECT} where p.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?
        .try_into()
}

#[derive(FromQueryResult)]
struct Taken {
    taken: bool,
}

/// A code no prescription of any hospital carries yet (the public check has no hospital).
async fn unused_code(tx: &TenantTx) -> ApiResult<String> {
    for _ in 0..5 {
        let code = verification_code();
        let t = Taken::find_by_statement(stmt(
            "select prescription_code_taken($1) as taken",
            [code.clone().into()],
        ))
        .one(tx.conn())
        .await?;
        if !t.is_some_and(|t| t.taken) {
            return Ok(code);
        }
    }
    Err(ApiError::Internal(anyhow::anyhow!(
        "no unused verification code after 5 draws"
    )))
}

/// Moves an active prescription to `status`; 409 from any other state.
/// Whether the caller is the doctor who wrote `p`.
async fn prescribed_by_caller(tx: &TenantTx, p: &Prescription) -> ApiResult<bool> {
    let n = tx
        .conn_execute(
            "select 1 from doctor where id = $1 and user_id = $2",
            vec![p.doctor_id.into(), tx.caller().user_id.into()],
        )
        .await?;
    Ok(n == 1)
}

async fn transition(tx: &TenantTx, id: Uuid, sql: &str) -> ApiResult<Prescription> {
    let current = prescription(tx, id).await?;
    let n = tx
        .conn_execute(sql, vec![id.into(), tx.caller().user_id.into()])
        .await?;
    if n != 1 {
        return Err(ApiError::conflict(format!(
            "the prescription is {}, not active",
            current.status
        )));
    }
    prescription(tx, id).await
}

fn render_pdf(p: &Prescription, f: &Print, verify_url: &str) -> Vec<u8> {
    let line = |text: String, size: f32, bold: bool| pdf::Line { text, size, bold };
    let mut lines = vec![
        line(f.hospital_name.clone(), 18.0, true),
        line("Electronic prescription".into(), 11.0, false),
        line(String::new(), 8.0, false),
        line("## Prescriber".into(), 12.0, true),
        line(
            format!("{} ({})", f.doctor_name, f.specialization),
            11.0,
            false,
        ),
        line(format!("Licence: {}", f.license_number), 11.0, false),
        line("## Patient".into(), 12.0, true),
        line(f.patient_name.clone(), 11.0, false),
        line(
            format!(
                "Date of birth: {}",
                f.patient_date_of_birth
                    .map_or_else(|| "not recorded".to_string(), |d| d.to_string())
            ),
            11.0,
            false,
        ),
        line(
            format!("Issued: {}", p.issued_at.format("%Y-%m-%d %H:%M UTC")),
            11.0,
            false,
        ),
        line(format!("Status: {}", p.status), 11.0, false),
        line("## Medications".into(), 12.0, true),
    ];
    for (i, item) in p.items.iter().enumerate() {
        lines.push(line(format!("{}. {}", i + 1, item.medication), 11.0, true));
        lines.push(line(
            format!(
                "    {} {}, {}, for {} days",
                item.dose, item.route, item.frequency, item.duration_days
            ),
            10.0,
            false,
        ));
        lines.push(line(
            format!("    Quantity {}, refills {}", item.quantity, item.refills),
            10.0,
            false,
        ));
        if !item.instructions.is_empty() {
            lines.push(line(format!("    {}", item.instructions), 10.0, false));
        }
    }
    lines.push(line("## Verification".into(), 12.0, true));
    lines.push(line(
        format!("Verification code: {}", p.verification_code),
        12.0,
        true,
    ));
    lines.push(line(format!("Check at {verify_url}"), 9.0, false));
    pdf::render(&format!("Prescription {}", p.verification_code), &lines)
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
        tx.permit::<perm::Prescription, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        require_patient(&tx, b.patient_id).await?;
        let doctor = caller_doctor(&tx).await?;
        if b.items.is_empty() || b.items.len() > 30 {
            return Err(ApiError::unprocessable(
                "items must hold 1 to 30 medications",
            ));
        }
        let items = b
            .items
            .into_iter()
            .enumerate()
            .map(|(n, i)| i.parse(n))
            .collect::<ApiResult<Vec<_>>>()?;
        if let Some(a) = b.appointment_id {
            crate::records::require_appointment_of(&tx, a, b.patient_id).await?;
        }
        let id = Uuid::now_v7();
        let code = unused_code(&tx).await?;
        let items_json = serde_json::to_value(&items)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("items: {e}")))?;
        tx.conn_execute(
            "insert into prescription (hospital_id, id, patient_id, doctor_id, appointment_id, items, verification_code) \
             values ($1, $2, $3, $4, $5, $6, $7)",
            vec![
                Value::from(hospital),
                id.into(),
                b.patient_id.into(),
                doctor.into(),
                b.appointment_id.into(),
                items_json.into(),
                code.into(),
            ],
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("prescription.create", "prescription", id).patient(b.patient_id),
        )
        .await?;
        let p = prescription(&tx, id).await?;
        tx.commit().await?;
        Ok(PrescriptionCreated::Created(Json(p)))
    }

    /// Prescriptions the caller may see: a patient's, or for pharmacists all of the hospital's.
    ///
    /// Patients see their own, doctors those of patients on their care team or who gave them an
    /// active grant, and custom roles granted `prescription:list` (pharmacists) the whole
    /// hospital's; hospital admins get 403. Filter by `patient_id` and `status` (`active`,
    /// `dispensed` or `cancelled`, else 422); oldest first, paged, and every prescription listed is
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
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<PrescriptionList> {
        let mut tx = auth.0;
        tx.permit::<perm::Prescription, perm::List>().await?;
        let hospital = tx.caller().hospital()?;
        let page = Page::parse(limit.0, cursor.0)?;
        if let Some(s) = &status.0
            && !["active", "dispensed", "cancelled"].contains(&s.as_str())
        {
            return Err(ApiError::unprocessable(
                "status must be active, dispensed or cancelled",
            ));
        }
        let rows = Row::find_by_statement(stmt(
            &format!(
                "{SELECT} where p.id > $1 and ($3::uuid is null or p.patient_id = $3) \
                 and ($4::text is null or p.status = $4) order by p.id limit $2"
            ),
            [
                page.after_or_nil().into(),
                page.fetch().into(),
                patient_id.0.into(),
                status.0.clone().into(),
            ],
        ))
        .all(tx.conn())
        .await?;
        let items = rows
            .into_iter()
            .map(Prescription::try_from)
            .collect::<ApiResult<Vec<_>>>()?;
        for p in &items {
            tx.audit_read(
                hospital,
                AuditEntry::new("prescription.list", "prescription", p.id).patient(p.patient_id),
            );
        }
        let listing = page.finish(items, |p| p.id);
        tx.commit().await?;
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
        let mut tx = auth.0;
        tx.permit::<perm::Prescription, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let p = prescription(&tx, id.0).await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("prescription.read", "prescription", p.id).patient(p.patient_id),
        );
        tx.commit().await?;
        Ok(PrescriptionAnswer::Ok(Json(p)))
    }

    /// The prescription as a PDF.
    ///
    /// Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
    /// prescriber and licence, the patient's name and date of birth, items, issue date, status and
    /// the verification code with its public check address; audited as a print.
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
    ) -> ApiResult<PrescriptionPdf> {
        let mut tx = auth.0;
        tx.permit::<perm::Prescription, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let p = prescription(&tx, id.0).await?;
        let facts =
            Print::find_by_statement(stmt("select * from prescription_print($1)", [p.id.into()]))
                .one(tx.conn())
                .await?
                .ok_or(ApiError::NotFound)?;
        tx.audit_read(
            hospital,
            AuditEntry::new("prescription.print", "prescription", p.id).patient(p.patient_id),
        );
        tx.commit().await?;
        let url = format!(
            "{}/api/v1/prescription-verifications/{}",
            state.config.public_base_url.trim_end_matches('/'),
            p.verification_code
        );
        let bytes = render_pdf(&p, &facts, &url);
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
        tx.permit::<perm::Prescription, perm::Dispense>().await?;
        let hospital = tx.caller().hospital()?;
        let p = transition(
            &tx,
            id.0,
            "update prescription set status = 'dispensed', dispensed_at = now(), dispensed_by = $2 \
             where id = $1 and status = 'active'",
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("prescription.dispense", "prescription", p.id).patient(p.patient_id),
        )
        .await?;
        tx.commit().await?;
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
        tx.permit::<perm::Prescription, perm::Cancel>().await?;
        let hospital = tx.caller().hospital()?;
        let current = prescription(&tx, id.0).await?;
        if !prescribed_by_caller(&tx, &current).await? {
            return Err(ApiError::ForbiddenBecause(
                "only the prescriber may cancel a prescription",
            ));
        }
        let p = transition(
            &tx,
            id.0,
            "update prescription set status = 'cancelled', cancelled_at = now() \
             where id = $1 and status = 'active' and $2::uuid is not null",
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("prescription.cancel", "prescription", p.id).patient(p.patient_id),
        )
        .await?;
        tx.commit().await?;
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
        let code = normalize_code(&code.0).ok_or(ApiError::NotFound)?;
        let v = Verification::find_by_statement(stmt(
            "select * from prescription_verify($1)",
            [code.into()],
        ))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
        Ok(VerificationAnswer::Ok(Json(v)))
    }
}
