//! One set of bounds for every field that more than one endpoint writes: registration, an
//! admin adding a patient and a profile update all go through these.

use chrono::{Datelike, NaiveDate, Utc};

use crate::error::{ApiError, ApiResult};

/// Longest phone number as written (digits, spaces and `+ - ( )`), before normalising.
pub const PHONE_MAX: usize = 32;
/// The earliest date of birth accepted.
pub const BIRTH_YEAR_MIN: i32 = 1900;
pub const ALLERGIES_MAX: usize = 4000;
pub const MEDICAL_HISTORY_MAX: usize = 20000;
pub const EMERGENCY_CONTACT_MAX: usize = 500;

/// A phone number in E.164 (`+`, the country code, the number: 7 to 15 digits, the first not
/// 0), as SMS providers want it. Spaces, dashes and brackets are dropped; a Nepali mobile
/// number written without its country code (98XXXXXXXX, 97…, 96…) gets +977. Empty means none.
pub fn phone(value: Option<String>) -> ApiResult<Option<String>> {
    let Some(p) = value
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
    else {
        return Ok(None);
    };
    let refused = || {
        ApiError::unprocessable(
            "phone must be an international number such as +9779841234567 (E.164: +, the country code, 7 to 15 digits)",
        )
    };
    if p.chars().count() > PHONE_MAX
        || !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        return Err(refused());
    }
    let compact: String = p.chars().filter(|c| !" -()".contains(*c)).collect();
    let nepali_mobile = compact.len() == 10
        && compact.starts_with('9')
        && matches!(compact.as_bytes()[1], b'6'..=b'8');
    let e164 = if nepali_mobile {
        format!("+977{compact}")
    } else {
        compact
    };
    let digits = e164.strip_prefix('+').ok_or_else(refused)?;
    if !(7..=15).contains(&digits.len())
        || digits.starts_with('0')
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(refused());
    }
    Ok(Some(e164))
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
            phone(Some(" +977 1-4412345 ".into())).unwrap().as_deref(),
            Some("+97714412345")
        );
        assert_eq!(
            phone(Some("(984) 123-4567".into())).unwrap().as_deref(),
            Some("+9779841234567"),
            "a Nepali mobile without its country code"
        );
        assert_eq!(
            phone(Some("+1 415 555 0100".into())).unwrap().as_deref(),
            Some("+14155550100")
        );
        for bad in [
            "4412345",
            "+0123456789",
            "+12345",
            "+1234567890123456",
            "+97 7+1234567",
        ] {
            assert!(phone(Some(bad.into())).is_err(), "{bad}");
        }
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
