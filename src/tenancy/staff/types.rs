//! The staff domain's values: new doctors and patients, a profile patch (checked here), care
//! team assignments, and what readers are answered.

use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    app::fields,
    error::{ApiError, ApiResult},
    tenancy::users::Account,
};

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
    /// How appointment and payment notices reach the patient besides the app: `email`, `sms`
    /// or both.
    pub notification_channels: Vec<String>,
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
    /// `["email"]`, `["sms"]` or both: how appointment and payment notices reach the patient
    /// (in the app always). SMS needs a `phone` (409 without one).
    #[oai(nullable)]
    pub notification_channels: Option<Vec<String>>,
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

/// A doctor on a patient's care team, as the patient and the hospital's admin see them.
#[derive(Object, FromQueryResult)]
pub struct TeamDoctor {
    pub doctor_id: Uuid,
    pub full_name: String,
    pub specialization: String,
    /// When they joined the team.
    pub since: chrono::DateTime<chrono::Utc>,
}

fn text(field: &str, v: &str, max: usize) -> ApiResult<String> {
    let v = v.trim();
    if v.is_empty() || v.chars().count() > max {
        return Err(ApiError::unprocessable(format!(
            "{field} must have 1 to {max} characters"
        )));
    }
    Ok(v.to_string())
}

/// A doctor's profile, checked.
pub struct DoctorProfile {
    pub specialization: String,
    pub license_number: String,
    pub languages: Vec<String>,
    pub bio: String,
}

impl DoctorProfile {
    /// 422 for the first field out of bounds: specialization, licence number, languages, bio.
    /// The account's fields go apart, checked later with no transaction open.
    pub fn parse(b: NewDoctor) -> ApiResult<(Self, Account)> {
        let specialization = text("specialization", &b.specialization, 120)?;
        let license_number = text("license_number", &b.license_number, 64)?;
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
        let profile = Self {
            specialization,
            license_number,
            languages,
            bio,
        };
        let account = Account {
            email: b.email,
            full_name: b.full_name,
            password: b.password,
        };
        Ok((profile, account))
    }
}

/// A new patient's profile, checked.
pub struct PatientProfile {
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
}

impl PatientProfile {
    /// 422 for an invalid date of birth, then phone. The account's fields go apart, checked
    /// later with no transaction open.
    pub fn parse(b: NewPatient) -> ApiResult<(Self, Account)> {
        let (date_of_birth, phone) = (
            fields::date_of_birth(b.date_of_birth)?,
            fields::phone(b.phone)?,
        );
        let account = Account {
            email: b.email,
            full_name: b.full_name,
            password: b.password,
        };
        Ok((
            Self {
                date_of_birth,
                phone,
            },
            account,
        ))
    }
}

/// A patient's recorded sex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

impl Sex {
    pub const ALL: [Self; 4] = [Self::Female, Self::Male, Self::Other, Self::Unknown];

    /// 422 for anything but the four names.
    pub fn parse(s: &str) -> ApiResult<Self> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| ApiError::unprocessable("sex must be female, male, other or unknown"))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
            Self::Other => "other",
            Self::Unknown => "unknown",
        }
    }
}

/// An ABO/Rh blood type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BloodType {
    APos,
    ANeg,
    BPos,
    BNeg,
    AbPos,
    AbNeg,
    OPos,
    ONeg,
}

impl BloodType {
    pub const ALL: [Self; 8] = [
        Self::APos,
        Self::ANeg,
        Self::BPos,
        Self::BNeg,
        Self::AbPos,
        Self::AbNeg,
        Self::OPos,
        Self::ONeg,
    ];

    /// 422 for anything but the eight names.
    pub fn parse(s: &str) -> ApiResult<Self> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| {
                ApiError::unprocessable(
                    "blood_type must be one of A+, A-, B+, B-, AB+, AB-, O+, O-",
                )
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::APos => "A+",
            Self::ANeg => "A-",
            Self::BPos => "B+",
            Self::BNeg => "B-",
            Self::AbPos => "AB+",
            Self::AbNeg => "AB-",
            Self::OPos => "O+",
            Self::ONeg => "O-",
        }
    }
}

/// A patient profile patch, checked; None leaves a field as it is.
pub struct ProfilePatch {
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
    pub sex: Option<Sex>,
    pub blood_type: Option<BloodType>,
    pub allergies: Option<String>,
    pub medical_history: Option<String>,
    pub emergency_contact: Option<String>,
    pub notification_channels: Option<Vec<String>>,
    /// It changes contact details only (see [`PatientPatch::contact_only`]).
    pub contact_only: bool,
}

impl PatientPatch {
    /// Whether the patch changes contact details only (phone, notification channels, emergency
    /// contact): what a patient may change of their own profile.
    pub fn contact_only(&self) -> bool {
        self.date_of_birth.is_none()
            && self.sex.is_none()
            && self.blood_type.is_none()
            && self.allergies.is_none()
            && self.medical_history.is_none()
    }
}

/// The channels a patient may choose, in the order they are stored.
pub const CHANNELS: [&str; 2] = ["email", "sms"];

/// A choice of channels: one or both of [`CHANNELS`], each once; stored in that order.
pub fn channels(asked: Vec<String>) -> ApiResult<Vec<String>> {
    if asked.is_empty() || asked.iter().any(|c| !CHANNELS.contains(&c.as_str())) {
        return Err(ApiError::unprocessable(
            "notification_channels must be [\"email\"], [\"sms\"] or both",
        ));
    }
    let chosen: Vec<String> = CHANNELS
        .iter()
        .filter(|c| asked.iter().any(|a| a == *c))
        .map(|c| (*c).to_string())
        .collect();
    if chosen.len() != asked.len() {
        return Err(ApiError::unprocessable(
            "notification_channels names each channel once",
        ));
    }
    Ok(chosen)
}

impl ProfilePatch {
    /// 422 for the first invalid field: sex, blood type, allergies, medical history, emergency
    /// contact, date of birth, phone, notification channels.
    pub fn parse(b: PatientPatch) -> ApiResult<Self> {
        let contact_only = b.contact_only();
        let sex = b.sex.as_deref().map(Sex::parse).transpose()?;
        let blood_type = b.blood_type.as_deref().map(BloodType::parse).transpose()?;
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
        let notification_channels = b.notification_channels.map(channels).transpose()?;
        Ok(Self {
            date_of_birth,
            phone,
            sex,
            blood_type,
            allergies: b.allergies,
            medical_history: b.medical_history,
            emergency_contact: b.emergency_contact,
            notification_channels,
            contact_only,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sexes_and_blood_types_parse_from_their_names_only() {
        for s in Sex::ALL {
            assert_eq!(Sex::parse(s.as_str()).unwrap(), s);
        }
        assert!(Sex::parse("Female").is_err());
        for b in BloodType::ALL {
            assert_eq!(BloodType::parse(b.as_str()).unwrap(), b);
        }
        assert!(BloodType::parse("ab+").is_err());
        assert!(BloodType::parse("O").is_err());
    }

    fn doctor() -> NewDoctor {
        NewDoctor {
            email: "d@example.org".into(),
            full_name: "D".into(),
            password: "long enough password".into(),
            specialization: " Cardiology ".into(),
            license_number: "L-1".into(),
            languages: None,
            bio: None,
        }
    }

    #[test]
    fn a_doctor_profile_is_trimmed_and_bounded() {
        let (p, a) = DoctorProfile::parse(doctor()).unwrap();
        assert_eq!(p.specialization, "Cardiology");
        assert_eq!(a.email, "d@example.org");
        let many = NewDoctor {
            languages: Some(vec!["en".into(); 21]),
            ..doctor()
        };
        assert!(DoctorProfile::parse(many).is_err());
        let blank = NewDoctor {
            license_number: "  ".into(),
            ..doctor()
        };
        assert!(DoctorProfile::parse(blank).is_err());
    }

    #[test]
    fn a_profile_patch_checks_sex_before_blood_type() {
        let patch = |sex: Option<&str>, bt: Option<&str>| PatientPatch {
            date_of_birth: None,
            phone: None,
            sex: sex.map(Into::into),
            blood_type: bt.map(Into::into),
            allergies: None,
            medical_history: None,
            emergency_contact: None,
            notification_channels: None,
        };
        let ok = ProfilePatch::parse(patch(Some("other"), Some("AB-"))).unwrap();
        assert_eq!(
            (ok.sex, ok.blood_type),
            (Some(Sex::Other), Some(BloodType::AbNeg))
        );
        let Err(e) = ProfilePatch::parse(patch(Some("x"), Some("y"))) else {
            panic!("an invalid sex and blood type pass");
        };
        assert!(e.to_string().contains("sex"), "{e}");
    }

    #[test]
    fn channels_are_email_sms_or_both_each_once() {
        let c = |v: &[&str]| channels(v.iter().map(|s| (*s).to_string()).collect());
        assert_eq!(c(&["sms", "email"]).unwrap(), ["email", "sms"]);
        assert_eq!(c(&["sms"]).unwrap(), ["sms"]);
        assert_eq!(c(&["email"]).unwrap(), ["email"]);
        for bad in [
            &[][..],
            &["fax"],
            &["sms", "sms"],
            &["email", "sms", "email"],
        ] {
            assert!(c(bad).is_err(), "{bad:?}");
        }
    }
}
