//! One set of bounds for every field that more than one endpoint writes: registration, an
//! admin adding a patient and a profile update all go through these.

use chrono::{Datelike, NaiveDate, Utc};

use crate::error::{ApiError, ApiResult};

/// Longest phone number, as written (digits, spaces and `+ - ( )`).
pub const PHONE_MAX: usize = 32;
/// The earliest date of birth accepted.
pub const BIRTH_YEAR_MIN: i32 = 1900;
pub const ALLERGIES_MAX: usize = 4000;
pub const MEDICAL_HISTORY_MAX: usize = 20000;
pub const EMERGENCY_CONTACT_MAX: usize = 500;

/// A phone number: trimmed, empty means none.
pub fn phone(value: Option<String>) -> ApiResult<Option<String>> {
    let Some(p) = value
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
    else {
        return Ok(None);
    };
    if p.chars().count() > PHONE_MAX
        || !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        return Err(ApiError::unprocessable(format!(
            "phone may hold at most {PHONE_MAX} digits, spaces and + - ( )"
        )));
    }
    Ok(Some(p))
}

/// A date of birth: from 1900-01-01 to today (FHIR's `birthDate` needs a four-digit year).
pub fn date_of_birth(value: Option<NaiveDate>) -> ApiResult<Option<NaiveDate>> {
    match value {
        Some(d) if d.year() < BIRTH_YEAR_MIN || d > Utc::now().date_naive() => {
            Err(ApiError::unprocessable(format!(
                "date_of_birth must be between {BIRTH_YEAR_MIN}-01-01 and today"
            )))
        }
        d => Ok(d),
    }
}

/// Optional free text of at most `max` characters.
pub fn bounded(field: &str, value: &Option<String>, max: usize) -> ApiResult<()> {
    if value.as_ref().is_some_and(|v| v.chars().count() > max) {
        return Err(ApiError::unprocessable(format!(
            "{field} must have at most {max} characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_birth_dates_outside_the_bounds_are_refused() {
        assert_eq!(
            phone(Some(" +977 1-4412 ".into())).unwrap().as_deref(),
            Some("+977 1-4412")
        );
        assert_eq!(phone(Some("  ".into())).unwrap(), None);
        assert!(phone(Some("1".repeat(PHONE_MAX + 1))).is_err());
        assert!(phone(Some("call me".into())).is_err());
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert!(date_of_birth(d(1900, 1, 1)).is_ok());
        assert!(date_of_birth(d(1899, 12, 31)).is_err());
        assert!(date_of_birth(d(0, 1, 1)).is_err());
        assert!(date_of_birth(d(-1, 1, 1)).is_err());
        assert!(date_of_birth(d(10000, 1, 1)).is_err());
        assert!(date_of_birth(Some(Utc::now().date_naive() + chrono::Duration::days(1))).is_err());
    }
}
