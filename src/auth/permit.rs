//! Permissions as typed values. A casbin check answers a [`Permit<O, A>`]: proof that the
//! caller's role may take action `A` on object `O`. The functions that read or write take one as
//! an argument, so that a forgotten check does not compile, and a check for the wrong object or
//! action does not either.
//!
//! `permissions!` below is the one list of (object, action) pairs the code can ask for; a test
//! holds it equal to the pairs of `policies/matrix.csv`, which stays the reviewed truth of who
//! may do what (casbin decides; `tests/api/matrix.rs` checks the enforcer and the API against it).

use std::marker::PhantomData;

/// What a permission is about: casbin's object.
pub trait Object {
    fn name(&self) -> &'static str;
}

/// What is done to it: casbin's action.
pub trait Action {
    fn name(&self) -> &'static str;
}

/// `O` may be asked for action `A`: only the pairs that `policies/matrix.csv` lists.
pub trait Allows<A: Action>: Object {}

/// Proof that casbin allowed the caller's role `action` on `object`. Made only by
/// [`Authz::permit`](super::authz::Authz::permit); it carries the object and action it was
/// checked for (zero-sized for the unit types declared here).
#[derive(Debug)]
pub struct Permit<O, A> {
    object: O,
    action: A,
    _made_by_authz: PhantomData<()>,
}

impl<O: Allows<A>, A: Action> Permit<O, A> {
    /// Only `authz` makes these, after casbin allowed the pair.
    pub(super) fn new(object: O, action: A) -> Self {
        Self {
            object,
            action,
            _made_by_authz: PhantomData,
        }
    }

    pub fn object(&self) -> &O {
        &self.object
    }

    pub fn action(&self) -> &A {
        &self.action
    }
}

/// Declares an action's unit type.
macro_rules! actions {
    ($($action:ident = $name:literal),* $(,)?) => {
        $(
            #[doc = concat!("The `", $name, "` action.")]
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
            pub struct $action;
            impl Action for $action {
                fn name(&self) -> &'static str {
                    $name
                }
            }
        )*
    };
}

/// Declares each object's unit type and the actions it may be asked for, and [`pairs`].
macro_rules! permissions {
    ($($object:ident = $name:literal: [$($action:ident),* $(,)?];)*) => {
        $(
            #[doc = concat!("The `", $name, "` object.")]
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
            pub struct $object;
            impl Object for $object {
                fn name(&self) -> &'static str {
                    $name
                }
            }
            $(impl Allows<$action> for $object {})*
        )*
        /// Every (object, action) pair of unit types that the code can ask for.
        pub fn pairs() -> Vec<(&'static str, &'static str)> {
            vec![$($(($name, Action::name(&$action)),)*)*]
        }
    };
}

actions! {
    Create = "create",
    List = "list",
    Read = "read",
    Update = "update",
    Suspend = "suspend",
    Delete = "delete",
    Assign = "assign",
    Remove = "remove",
    Deactivate = "deactivate",
    ResetPassword = "reset_password",
    ResetTotp = "reset_totp",
    UpdateContact = "update_contact",
    Dispense = "dispense",
    Cancel = "cancel",
    Revoke = "revoke",
    Correct = "correct",
    Refund = "refund",
    Acknowledge = "acknowledge",
}

permissions! {
    AccessLog = "access_log": [Read];
    Alert = "alert": [Acknowledge, List];
    Appointment = "appointment": [Create, List, Read];
    AuditEvent = "audit_event": [List];
    Availability = "availability": [Update];
    BreakGlass = "break_glass": [Create];
    Call = "call": [Read];
    CareTeam = "care_team": [Assign, List, Remove];
    Conversation = "conversation": [Create, List];
    Consent = "consent": [Create, List, Read, Revoke];
    Doctor = "doctor": [Create, List, Read];
    Document = "document": [Create, List, Read];
    Encounter = "encounter": [Create, List, Read];
    Hospital = "hospital": [Create, List, Read, Suspend, Update];
    HospitalAnalytics = "hospital_analytics": [Read];
    Inference = "inference": [Cancel, Correct, Create, List, Read];
    Member = "member": [Create, Deactivate, List, ResetPassword, ResetTotp];
    Message = "message": [Create, List];
    Model = "model": [Create, List, Update];
    Note = "note": [Create, List, Read];
    Notification = "notification": [List];
    Outbox = "outbox": [List];
    Patient = "patient": [Create, List, Read, Update, UpdateContact];
    Payment = "payment": [Create, Read, Refund];
    PlatformAnalytics = "platform_analytics": [Read];
    Prescription = "prescription": [Cancel, Create, Dispense, List, Read];
    Rating = "rating": [Create, List, Read];
    Role = "role": [Create, Delete, List];
    Slot = "slot": [List];
    Vitals = "vitals": [Create, List, Read];
    SpecialtySuggestion = "specialty_suggestion": [Create];
}

/// An appointment's lifecycle actions (approve, reject, …) are casbin actions on `appointment`.
impl Action for crate::scheduling::lifecycle::Action {
    fn name(&self) -> &'static str {
        crate::scheduling::lifecycle::Action::name(*self)
    }
}
impl Allows<crate::scheduling::lifecycle::Action> for Appointment {}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The pairs the types allow are exactly the pairs the reviewed matrix lists.
    #[test]
    fn the_types_allow_exactly_the_matrix_pairs() {
        let matrix: BTreeSet<(String, String)> = include_str!("../../policies/matrix.csv")
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split(',').map(str::trim).collect();
                (f[1].to_string(), f[2].to_string())
            })
            .collect();
        let mut typed: BTreeSet<(String, String)> = pairs()
            .iter()
            .map(|(o, a)| (o.to_string(), a.to_string()))
            .collect();
        for a in crate::scheduling::lifecycle::Action::ALL {
            typed.insert(("appointment".into(), Action::name(&a).into()));
        }
        assert_eq!(
            typed.difference(&matrix).collect::<Vec<_>>(),
            Vec::<&(String, String)>::new(),
            "typed pairs the matrix does not list"
        );
        assert_eq!(
            matrix.difference(&typed).collect::<Vec<_>>(),
            Vec::<&(String, String)>::new(),
            "matrix pairs no type allows"
        );
    }

    #[test]
    fn a_permit_names_what_it_was_checked_for() {
        let p = Permit::new(Prescription, Dispense);
        assert_eq!(
            (p.object().name(), p.action().name()),
            ("prescription", "dispense")
        );
        assert_eq!(std::mem::size_of::<Permit<Prescription, Dispense>>(), 0);
        let t = Permit::new(Appointment, crate::scheduling::lifecycle::Action::Propose);
        assert_eq!(t.action().name(), "propose");
    }
}
