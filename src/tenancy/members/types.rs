//! The members domain's values: new staff with their role, password changes (checked here),
//! and what is answered.

use poem_openapi::Object;
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use crate::{
    auth::types::{Email, new_password},
    error::{ApiError, ApiResult},
    tenancy::users::Account,
};

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewStaff {
    pub email: String,
    pub full_name: String,
    #[oai(write_only)]
    pub password: String,
    /// `hospital_admin` or one of this hospital's custom roles (doctors: POST /doctors).
    pub role: String,
}

impl NewStaff {
    /// The role asked for, and the account's fields (checked later, with no transaction open,
    /// once the role is known to exist).
    pub fn parse(self) -> (StaffRole, Account) {
        let role = StaffRole::parse(&self.role);
        let account = Account {
            email: self.email,
            full_name: self.full_name,
            password: self.password,
        };
        (role, account)
    }
}

/// A member of the hospital's staff as its admin sees them.
#[derive(Object, sea_orm::FromQueryResult)]
pub struct Member {
    pub user_id: Uuid,
    pub full_name: String,
    pub email: String,
    /// `hospital_admin`, `doctor` or a custom role such as `pharmacist`.
    pub role: String,
    /// False while deactivated: they cannot sign in to this hospital.
    pub active: bool,
    pub joined_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Object)]
pub struct StaffMember {
    pub user_id: Uuid,
    pub role: String,
}

#[derive(Object)]
pub struct TemporaryPassword {
    /// Give it to the person; they must change it at their next sign-in.
    pub temporary_password: String,
}

/// The new password and the current one that proves it is the owner.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct PasswordChange {
    #[oai(write_only)]
    pub current_password: String,
    #[oai(write_only)]
    pub new_password: String,
}

/// The role a new staff member is given: the hospital's administrator role or, when the
/// hospital defines it, a custom one. Doctors and patients have their own endpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffRole {
    HospitalAdmin,
    /// A name, trimmed and lowercased, that must be one of the hospital's custom roles.
    Custom(String),
}

impl StaffRole {
    /// Any name parses (trimmed, lowercased); whether a custom one exists is the service's to
    /// check (422 otherwise).
    pub fn parse(s: &str) -> Self {
        let role = s.trim().to_lowercase();
        if role == "hospital_admin" {
            Self::HospitalAdmin
        } else {
            Self::Custom(role)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Self::HospitalAdmin => "hospital_admin",
            Self::Custom(name) => name,
        }
    }
}

/// A password change, checked: the new password meets the policy for the caller's email and
/// differs from the current one.
pub struct NewPassword {
    pub current: SecretString,
    pub new: SecretString,
}

impl NewPassword {
    /// 422 for the caller's email (it cannot fail for a stored one), a new password against the
    /// policy, or one equal to the current password.
    pub fn parse(email: &str, b: PasswordChange) -> ApiResult<Self> {
        let email = Email::parse(email)?;
        let new = new_password(b.new_password, &email)?;
        if new.expose_secret() == b.current_password {
            return Err(ApiError::unprocessable(
                "the new password must differ from the current one",
            ));
        }
        Ok(Self {
            current: SecretString::from(b.current_password),
            new,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_roles_are_normalised_names() {
        assert_eq!(
            StaffRole::parse(" Hospital_Admin "),
            StaffRole::HospitalAdmin
        );
        let p = StaffRole::parse(" Pharmacist");
        assert_eq!(p, StaffRole::Custom("pharmacist".into()));
        assert_eq!(p.as_str(), "pharmacist");
        assert_eq!(StaffRole::HospitalAdmin.as_str(), "hospital_admin");
    }

    #[test]
    fn a_new_password_must_differ_from_the_current_one() {
        let change = |current: &str, new: &str| PasswordChange {
            current_password: current.into(),
            new_password: new.into(),
        };
        let same = change("correct horse battery", "correct horse battery");
        assert!(NewPassword::parse("a@example.org", same).is_err());
        let short = change("correct horse battery", "short");
        assert!(NewPassword::parse("a@example.org", short).is_err());
        let ok = change("correct horse battery", "staple battery horse");
        let p = NewPassword::parse("a@example.org", ok).unwrap();
        assert_eq!(p.current.expose_secret(), "correct horse battery");
    }
}
