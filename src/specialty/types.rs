//! The specialty suggestion's values: the reason as checked, what is answered, and which
//! `specialization` values of doctors stand for each of the model's specialties.

use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// Said with every answer.
pub const NOTICE: &str = "suggested, not a diagnosis";
/// How many specialties are suggested.
pub const TOP: usize = 3;
/// Doctors named per suggested specialty, at most.
pub const DOCTORS_PER_SPECIALTY: usize = 20;

/// A reason for a visit as typed: 1 to 500 characters once trimmed, with at least one letter
/// or digit (the model reads words).
pub struct Reason(String);

impl Reason {
    pub const MAX_CHARS: usize = 500;

    pub fn parse(s: &str) -> ApiResult<Self> {
        let t = s.trim();
        let n = t.chars().count();
        if n == 0 || n > Self::MAX_CHARS {
            return Err(ApiError::unprocessable(
                "reason must have 1 to 500 characters",
            ));
        }
        if carebridge_ml::specialty::words(t).is_empty() {
            return Err(ApiError::unprocessable(
                "reason must name the complaint in words",
            ));
        }
        Ok(Self(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The lower-case `specialization` values that stand for one of the model's specialties: its
/// own name and the usual other spellings (doctors' specializations are free text).
pub fn synonyms(specialty: &str) -> &'static [&'static str] {
    match specialty {
        "Cardiology" => &["cardiology", "cardiologist", "cardiac medicine"],
        "Dermatology" => &[
            "dermatology",
            "dermatologist",
            "dermatology and venereology",
        ],
        "Pulmonology" => &[
            "pulmonology",
            "pulmonologist",
            "pulmonary medicine",
            "respiratory medicine",
            "chest medicine",
        ],
        "Pediatrics" => &["pediatrics", "paediatrics", "pediatrician", "paediatrician"],
        "Obstetrics and gynecology" => &[
            "obstetrics and gynecology",
            "obstetrics and gynaecology",
            "obstetrics & gynecology",
            "obstetrics & gynaecology",
            "gynecology",
            "gynaecology",
            "obstetrics",
            "ob/gyn",
            "obgyn",
        ],
        "Orthopedics" => &[
            "orthopedics",
            "orthopaedics",
            "orthopedic surgery",
            "orthopaedic surgery",
        ],
        "Neurology" => &["neurology", "neurologist"],
        "Psychiatry" => &["psychiatry", "psychiatrist"],
        "Gastroenterology" => &["gastroenterology", "gastroenterologist", "hepatology"],
        "Urology" => &["urology", "urologist"],
        "Nephrology" => &["nephrology", "nephrologist"],
        "Ophthalmology" => &["ophthalmology", "ophthalmologist", "eye"],
        "ENT" => &[
            "ent",
            "otorhinolaryngology",
            "otolaryngology",
            "ear, nose and throat",
            "ear nose and throat",
        ],
        "Endocrinology" => &["endocrinology", "endocrinologist", "diabetology"],
        "General medicine" => &[
            "general medicine",
            "internal medicine",
            "general practice",
            "family medicine",
            "general physician",
        ],
        _ => &[],
    }
}

/// A doctor of the caller's hospital, with the specialization as matched (trimmed, lower case).
#[derive(FromQueryResult)]
pub struct DoctorRow {
    pub id: Uuid,
    pub full_name: String,
    pub specialization: String,
}

#[derive(Object)]
pub struct SuggestedDoctor {
    /// The doctor's id (as in `/doctors/{id}`, for booking).
    pub id: Uuid,
    pub name: String,
}

#[derive(Object)]
pub struct Suggestion {
    /// A specialty as doctors' specializations name it, e.g. `Cardiology`.
    pub specialty: String,
    /// The model's probability, 0 to 1.
    pub probability: f32,
    /// This hospital's active doctors with that specialization, by name (at most 20).
    pub doctors: Vec<SuggestedDoctor>,
}

/// The three most probable specialties, most probable first.
#[derive(Object)]
// (Named apart from its `suggestions` field: the Python SDK generator cannot give a model and
// its own field one name.)
#[oai(rename = "SpecialtySuggestions")]
pub struct Suggestions {
    pub suggestions: Vec<Suggestion>,
    /// The registry's version of the model that answered.
    pub model_version: String,
    /// Always "suggested, not a diagnosis": shown with the suggestions.
    pub notice: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_one_to_500_characters_with_words() {
        assert_eq!(
            Reason::parse("  chest pain ").unwrap().as_str(),
            "chest pain"
        );
        assert!(Reason::parse("छाती दुख्छ").is_ok());
        assert!(Reason::parse(&"क".repeat(500)).is_ok());
        for bad in ["", "   ", "?!.", &"a".repeat(501)] {
            assert!(Reason::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_specialty_of_the_model_has_its_own_name_among_its_synonyms() {
        for s in carebridge_ml::specialty::SPECIALTIES {
            let names = synonyms(s);
            assert!(names.contains(&s.to_lowercase().as_str()), "{s}");
            assert!(names.iter().all(|n| *n == n.trim().to_lowercase()), "{s}");
        }
        // No specialization stands for two specialties.
        let all: Vec<&str> = carebridge_ml::specialty::SPECIALTIES
            .iter()
            .flat_map(|s| synonyms(s).iter().copied())
            .collect();
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len());
    }
}
