//! Doctors, patients and care teams inside the caller's hospital.

use chrono::{DateTime, NaiveDate, Utc};
use poem::web::Data;
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::fields,
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::permit as perm,
    auth::{BearerAuth, BearerRead},
    db::{NamedStatement, TenantTx, stmt},
    error::{ApiError, ApiResult},
    tenancy::users::{NewMember, create_member},
};

pub struct StaffApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewDoctor {
    pub email: String,
    pub full_name: String,
    #[oai(write_only)]
    pub password: String,
    pub specialization: String,
    pub license_number: String,
    #[oai(nullable)]
    pub languages: Option<Vec<String>>,
    #[oai(nullable)]
    pub bio: Option<String>,
}

#[derive(Object, FromQueryResult)]
pub struct Doctor {
    pub id: Uuid,
    pub user_id: Uuid,
    pub full_name: String,
    pub specialization: String,
    pub license_number: String,
    pub languages: Vec<String>,
    pub bio: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewPatient {
    pub email: String,
    pub full_name: String,
    #[oai(write_only)]
    pub password: String,
    #[oai(nullable)]
    pub date_of_birth: Option<NaiveDate>,
    #[oai(nullable)]
    pub phone: Option<String>,
}

#[derive(Object)]
pub struct CreatedPatient {
    pub id: Uuid,
    pub user_id: Uuid,
}

#[derive(Object, FromQueryResult)]
pub struct Patient {
    pub id: Uuid,
    pub user_id: Uuid,
    pub full_name: String,
    pub email: String,
    #[oai(nullable)]
    pub date_of_birth: Option<NaiveDate>,
    #[oai(nullable)]
    pub phone: Option<String>,
    #[oai(nullable)]
    pub sex: Option<String>,
    #[oai(nullable)]
    pub blood_type: Option<String>,
    pub allergies: String,
    pub medical_history: String,
    pub emergency_contact: String,
    pub created_at: DateTime<Utc>,
}

/// Changes to a patient's profile; absent fields stay as they are.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct PatientPatch {
    #[oai(nullable)]
    pub date_of_birth: Option<NaiveDate>,
    #[oai(nullable)]
    pub phone: Option<String>,
    /// `female`, `male`, `other` or `unknown`.
    #[oai(nullable)]
    pub sex: Option<String>,
    /// `A+`, `A-`, `B+`, `B-`, `AB+`, `AB-`, `O+` or `O-`.
    #[oai(nullable)]
    pub blood_type: Option<String>,
    #[oai(nullable)]
    pub allergies: Option<String>,
    #[oai(nullable)]
    pub medical_history: Option<String>,
    #[oai(nullable)]
    pub emergency_contact: Option<String>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CareTeamAssignment {
    pub doctor_id: Uuid,
}

#[derive(Object)]
pub struct CareTeamMember {
    pub patient_id: Uuid,
    pub doctor_id: Uuid,
}

#[derive(ApiResponse)]
pub enum DoctorCreated {
    #[oai(status = 201)]
    Created(Json<Doctor>),
}
#[derive(ApiResponse)]
pub enum DoctorList {
    #[oai(status = 200)]
    Ok(Json<Listing<Doctor>>),
}
#[derive(ApiResponse)]
pub enum DoctorAnswer {
    #[oai(status = 200)]
    Ok(Json<Doctor>),
}
#[derive(ApiResponse)]
pub enum PatientCreated {
    #[oai(status = 201)]
    Created(Json<CreatedPatient>),
}
#[derive(ApiResponse)]
pub enum PatientList {
    #[oai(status = 200)]
    Ok(Json<Listing<Patient>>),
}
#[derive(ApiResponse)]
pub enum PatientAnswer {
    #[oai(status = 200)]
    Ok(Json<Patient>),
}
#[derive(ApiResponse)]
pub enum CareTeamAnswer {
    /// Assigned.
    #[oai(status = 201)]
    Created(Json<CareTeamMember>),
}
#[derive(ApiResponse)]
pub enum CareTeamRemoved {
    /// Removed.
    #[oai(status = 204)]
    Done,
}

pub const DOCTOR: &str = "select d.id, d.user_id, u.full_name, d.specialization, d.license_number,
    d.languages, d.bio, d.created_at from doctor d join app_user u on u.id = d.user_id";

pub const PATIENT_SELECT: &str =
    "select p.id, p.user_id, u.full_name, u.email, p.date_of_birth, p.phone,
    p.sex, p.blood_type, p.allergies, p.medical_history, p.emergency_contact, p.created_at
    from patient p join app_user u on u.id = p.user_id";

/// One patient by id, for reads answered in one message.
static PATIENT_BY_ID: std::sync::LazyLock<NamedStatement> =
    std::sync::LazyLock::new(|| NamedStatement::by_id(PATIENT_SELECT, "p.id"));

fn text(field: &str, v: &str, max: usize) -> ApiResult<String> {
    let v = v.trim();
    if v.is_empty() || v.chars().count() > max {
        return Err(ApiError::unprocessable(format!(
            "{field} must have 1 to {max} characters"
        )));
    }
    Ok(v.to_string())
}

pub async fn doctor(tx: &TenantTx, id: Uuid) -> ApiResult<Doctor> {
    Doctor::find_by_statement(stmt(&format!("{DOCTOR} where d.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn patient(tx: &TenantTx, id: Uuid) -> ApiResult<Patient> {
    Patient::find_by_statement(stmt(
        &format!("{PATIENT_SELECT} where p.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Staff")]
impl StaffApi {
    /// Add a doctor to the hospital (hospital admin).
    ///
    /// Hospital admins only. Creates the doctor's account, which signs in with the given password,
    /// and profile. 422 for an invalid email, name or password, or a specialization, licence
    /// number, languages or bio out of bounds; 409 when the email already has an account (in any
    /// hospital) or the licence number is taken here; audited.
    #[oai(path = "/doctors", method = "post", operation_id = "createDoctor")]
    async fn create_doctor(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewDoctor>,
    ) -> ApiResult<DoctorCreated> {
        let tx = auth.0;
        tx.permit::<perm::Doctor, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        let specialization = text("specialization", &b.specialization, 120)?;
        let license = text("license_number", &b.license_number, 64)?;
        let languages = b.languages.unwrap_or_default();
        if languages.len() > 20
            || languages
                .iter()
                .any(|l| l.trim().is_empty() || l.len() > 40)
        {
            return Err(ApiError::unprocessable(
                "languages: at most 20 names of 1 to 40 characters",
            ));
        }
        let bio = b.bio.unwrap_or_default();
        if bio.chars().count() > 4000 {
            return Err(ApiError::unprocessable(
                "bio must have at most 4000 characters",
            ));
        }
        let (member, tx) = tx
            .outside(
                &state,
                NewMember::parse(&state, &b.email, &b.full_name, b.password),
            )
            .await?;
        let user_id = create_member(&tx, hospital, member, "doctor").await?;
        let id = Uuid::now_v7();
        let res = tx
            .conn()
            .execute_raw(stmt(
                "insert into doctor (hospital_id, id, user_id, specialization, license_number, languages, bio)
                 values ($1, $2, $3, $4, $5, array(select jsonb_array_elements_text($6::jsonb)), $7)",
                [
                    Value::from(hospital),
                    id.into(),
                    user_id.into(),
                    specialization.into(),
                    license.into(),
                    serde_json::json!(languages).into(),
                    bio.into(),
                ],
            ))
            .await;
        res?;
        tx.audit_write(hospital, AuditEntry::new("doctor.create", "doctor", id))
            .await?;
        let d = doctor(&tx, id).await?;
        tx.commit().await?;
        Ok(DoctorCreated::Created(Json(d)))
    }

    /// The hospital's doctors (any member).
    ///
    /// Hospital admins, doctors and patients of the hospital (403 for a super admin). Profiles in
    /// creation order, paged with `limit` and `cursor`.
    #[oai(path = "/doctors", method = "get", operation_id = "listDoctors")]
    async fn list_doctors(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<DoctorList> {
        let tx = auth.0;
        tx.permit::<perm::Doctor, perm::List>().await?;
        tx.caller().hospital()?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = page
            .list(&tx, DOCTOR, "d.id", "", vec![], |d: &Doctor| d.id)
            .await?;
        tx.commit().await?;
        Ok(DoctorList::Ok(Json(listing)))
    }

    /// One doctor.
    ///
    /// Hospital admins, doctors and patients of the hospital. 404 for an unknown id or another
    /// hospital's doctor.
    #[oai(path = "/doctors/:id", method = "get", operation_id = "getDoctor")]
    async fn get_doctor(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<DoctorAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Doctor, perm::Read>().await?;
        let d = doctor(&tx, id.0).await?;
        tx.commit().await?;
        Ok(DoctorAnswer::Ok(Json(d)))
    }

    /// Add a patient (hospital admin).
    ///
    /// Hospital admins only. Creates the patient's account, which signs in with the given password,
    /// and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
    /// or phone; 409 when the email already has an account (in any hospital); audited.
    #[oai(path = "/patients", method = "post", operation_id = "createPatient")]
    async fn create_patient(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewPatient>,
    ) -> ApiResult<PatientCreated> {
        let tx = auth.0;
        tx.permit::<perm::Patient, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        let (date_of_birth, phone) = (
            fields::date_of_birth(b.date_of_birth)?,
            fields::phone(b.phone)?,
        );
        let (member, tx) = tx
            .outside(
                &state,
                NewMember::parse(&state, &b.email, &b.full_name, b.password),
            )
            .await?;
        let user_id = create_member(&tx, hospital, member, "patient").await?;
        let id = Uuid::now_v7();
        tx.conn()
            .execute_raw(stmt(
                "insert into patient (hospital_id, id, user_id, date_of_birth, phone) values ($1, $2, $3, $4, $5)",
                [Value::from(hospital), id.into(), user_id.into(), date_of_birth.into(), phone.into()],
            ))
            .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("patient.create", "patient", id).patient(id),
        )
        .await?;
        tx.commit().await?;
        Ok(PatientCreated::Created(Json(CreatedPatient {
            id,
            user_id,
        })))
    }

    /// Patients the caller may see: all (admin), the care team's (doctor), oneself (patient).
    ///
    /// Doctors see the patients on their care teams and those who gave them an active consent or
    /// break-glass grant. Paged with `limit` and `cursor`; every patient on the page is recorded in
    /// the audit trail as read.
    #[oai(path = "/patients", method = "get", operation_id = "listPatients")]
    async fn list_patients(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<PatientList> {
        let mut tx = auth.0;
        tx.permit::<perm::Patient, perm::List>().await?;
        let hospital = tx.caller().hospital()?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = page
            .list(&tx, PATIENT_SELECT, "p.id", "", vec![], |p: &Patient| p.id)
            .await?;
        for p in &listing.items {
            tx.audit_read(
                hospital,
                AuditEntry::new("patient.list", "patient", p.id).patient(p.id),
            );
        }
        tx.commit().await?;
        Ok(PatientList::Ok(Json(listing)))
    }

    /// One patient's profile (audited read).
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant; 404
    /// for any other patient, including another hospital's. The read is recorded before the answer
    /// is sent and shows in the patient's access log.
    #[oai(path = "/patients/:id", method = "get", operation_id = "getPatient")]
    async fn get_patient(&self, auth: BearerRead, id: Path<Uuid>) -> ApiResult<PatientAnswer> {
        let read = auth.0.read(&PATIENT_BY_ID.with_id(id.0)).await?;
        let permit = read.permit::<perm::Patient, perm::Read>().await?;
        let hospital = read.caller().hospital()?;
        let p: Patient = read.one(&permit)?.ok_or(ApiError::NotFound)?;
        read.audit(
            hospital,
            AuditEntry::new("patient.read", "patient", p.id).patient(p.id),
        )
        .await?;
        Ok(PatientAnswer::Ok(Json(p)))
    }

    /// Update a patient's profile (hospital admin).
    ///
    /// Hospital admins only; fields left out stay as they are and the answer is the updated
    /// profile. 404 for a patient of another hospital; 422 for an invalid date of birth or phone, a
    /// `sex` or `blood_type` outside the listed values, or allergies, medical history or emergency
    /// contact over their length limits. Audited.
    #[oai(
        path = "/patients/:id",
        method = "patch",
        operation_id = "updatePatient"
    )]
    async fn update_patient(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<PatientPatch>,
    ) -> ApiResult<PatientAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Patient, perm::Update>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        if let Some(sex) = &b.sex
            && !["female", "male", "other", "unknown"].contains(&sex.as_str())
        {
            return Err(ApiError::unprocessable(
                "sex must be female, male, other or unknown",
            ));
        }
        if let Some(bt) = &b.blood_type
            && !["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"].contains(&bt.as_str())
        {
            return Err(ApiError::unprocessable(
                "blood_type must be one of A+, A-, B+, B-, AB+, AB-, O+, O-",
            ));
        }
        fields::bounded("allergies", &b.allergies, fields::ALLERGIES_MAX)?;
        fields::bounded(
            "medical_history",
            &b.medical_history,
            fields::MEDICAL_HISTORY_MAX,
        )?;
        fields::bounded(
            "emergency_contact",
            &b.emergency_contact,
            fields::EMERGENCY_CONTACT_MAX,
        )?;
        let (date_of_birth, phone) = (
            fields::date_of_birth(b.date_of_birth)?,
            fields::phone(b.phone)?,
        );
        tx.execute_one(
            "update patient set date_of_birth = coalesce($2, date_of_birth), phone = coalesce($3, phone),
               sex = coalesce($4, sex), blood_type = coalesce($5, blood_type),
               allergies = coalesce($6, allergies), medical_history = coalesce($7, medical_history),
               emergency_contact = coalesce($8, emergency_contact)
             where id = $1",
            vec![
                id.0.into(),
                date_of_birth.into(),
                phone.into(),
                b.sex.into(),
                b.blood_type.into(),
                b.allergies.into(),
                b.medical_history.into(),
                b.emergency_contact.into(),
            ],
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("patient.update", "patient", id.0).patient(id.0),
        )
        .await?;
        let p = patient(&tx, id.0).await?;
        tx.commit().await?;
        Ok(PatientAnswer::Ok(Json(p)))
    }

    /// Put a doctor on a patient's care team (hospital admin).
    ///
    /// Hospital admins only. The doctor can then read the patient's profile and records, write
    /// notes and encounters, and prescribe. 404 when the patient or doctor is not in this hospital,
    /// 409 when the doctor is already on the team; audited.
    #[oai(
        path = "/patients/:id/care-team",
        method = "post",
        operation_id = "assignCareTeam"
    )]
    async fn assign(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<CareTeamAssignment>,
    ) -> ApiResult<CareTeamAnswer> {
        let tx = auth.0;
        tx.permit::<perm::CareTeam, perm::Assign>().await?;
        let hospital = tx.caller().hospital()?;
        let (patient_id, doctor_id) = (id.0, body.0.doctor_id);
        let res = tx
            .execute_one(
                "insert into care_team (hospital_id, patient_id, doctor_id, patient_user_id, doctor_user_id)
                 select p.hospital_id, p.id, d.id, p.user_id, d.user_id
                   from patient p join doctor d on d.hospital_id = p.hospital_id
                  where p.id = $1 and d.id = $2",
                vec![patient_id.into(), doctor_id.into()],
            )
            .await;
        res?;
        tx.audit_write(
            hospital,
            AuditEntry::new("care_team.assign", "doctor", doctor_id).patient(patient_id),
        )
        .await?;
        tx.commit().await?;
        Ok(CareTeamAnswer::Created(Json(CareTeamMember {
            patient_id,
            doctor_id,
        })))
    }

    /// Take a doctor off a patient's care team (hospital admin).
    ///
    /// Hospital admins only. The doctor's access through the care team ends; a consent or
    /// break-glass grant they hold is not affected. 404 when the doctor is not on this patient's
    /// team; audited.
    #[oai(
        path = "/patients/:id/care-team/:doctor_id",
        method = "delete",
        operation_id = "removeCareTeam"
    )]
    async fn remove(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        doctor_id: Path<Uuid>,
    ) -> ApiResult<CareTeamRemoved> {
        let tx = auth.0;
        tx.permit::<perm::CareTeam, perm::Remove>().await?;
        let hospital = tx.caller().hospital()?;
        tx.execute_one(
            "delete from care_team where patient_id = $1 and doctor_id = $2",
            vec![id.0.into(), doctor_id.0.into()],
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("care_team.remove", "doctor", doctor_id.0).patient(id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(CareTeamRemoved::Done)
    }
}
