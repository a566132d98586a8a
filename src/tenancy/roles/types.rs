//! The roles domain's values: a custom role's name (checked here) and permissions, and what is
//! answered.

use poem_openapi::Object;

use crate::error::{ApiError, ApiResult};

pub const BASE_ROLES: [&str; 4] = ["super_admin", "hospital_admin", "doctor", "patient"];

/// Holds, in policy.csv, the permissions that only custom roles receive (never a role name).
pub const DELEGABLE: &str = "delegable";

/// Objects whose actions stay with hospital admins: the database lets only an admin create,
/// deactivate or reset a member, or define roles, so a custom role granted them could never
/// use them (and would be one step from making itself an admin).
pub const ADMIN_ONLY_OBJECTS: [&str; 2] = ["member", "role"];

#[derive(Object, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[oai(deny_unknown_fields)]
pub struct Permission {
    /// e.g. `patient`, `prescription`.
    pub object: String,
    /// e.g. `read`, `dispense`.
    pub action: String,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct RoleDefinition {
    /// Lowercase letters, digits and underscores, e.g. `pharmacist`.
    pub name: String,
    /// Only what a hospital admin may do can be granted.
    pub permissions: Vec<Permission>,
}

#[derive(Object)]
pub struct Role {
    pub name: String,
    pub permissions: Vec<Permission>,
}

pub fn check_role_name(name: &str) -> ApiResult<String> {
    let n = name.trim().to_lowercase();
    let ok = (2..=41).contains(&n.len())
        && n.starts_with(|c: char| c.is_ascii_lowercase())
        && n.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        return Err(ApiError::unprocessable(
            "role name must be 2 to 41 lowercase letters, digits or _",
        ));
    }
    if BASE_ROLES.contains(&n.as_str()) || n == DELEGABLE {
        return Err(ApiError::conflict("base roles cannot be redefined"));
    }
    Ok(n)
}

/// A custom role's name, checked: 2 to 41 lowercase letters, digits or `_` (422), never a base
/// role's (409).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleName(String);

impl RoleName {
    pub fn parse(name: &str) -> ApiResult<Self> {
        check_role_name(name).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_are_normalised_and_never_a_base_role() {
        assert_eq!(
            RoleName::parse(" Pharmacist ").unwrap().as_str(),
            "pharmacist"
        );
        assert!(RoleName::parse("9lives").is_err());
        assert!(RoleName::parse("x").is_err());
        for base in BASE_ROLES.into_iter().chain([DELEGABLE]) {
            let Err(ApiError::Conflict(_)) = RoleName::parse(base) else {
                panic!("{base} may be redefined");
            };
        }
    }
}
