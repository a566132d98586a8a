//! Ids as types. A path or body gives a bare `Uuid`; the API layer names what it is
//! (`PrescriptionId::from(id.0)`), and from there on a service or store function cannot be
//! handed a patient's id where a prescription's belongs.

use uuid::Uuid;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct $name(Uuid);

            impl $name {
                /// A new, time-ordered id (UUIDv7).
                pub fn new() -> Self {
                    Self(Uuid::now_v7())
                }

                pub fn uuid(self) -> Uuid {
                    self.0
                }
            }

            impl Default for $name {
                fn default() -> Self {
                    Self::new()
                }
            }

            impl From<Uuid> for $name {
                fn from(id: Uuid) -> Self {
                    Self(id)
                }
            }

            impl From<$name> for sea_orm::Value {
                fn from(id: $name) -> Self {
                    id.0.into()
                }
            }

            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    self.0.fmt(f)
                }
            }
        )*
    };
}

ids! {
    /// A hospital (the tenant).
    HospitalId;
    /// A user account (one person, across hospitals).
    UserId;
    /// A patient record in one hospital.
    PatientId;
    /// A doctor's profile in one hospital.
    DoctorId;
    /// An appointment.
    AppointmentId;
    /// An e-prescription.
    PrescriptionId;
    /// A stored (encrypted) document.
    DocumentId;
    /// An encounter (a visit's clinical record).
    EncounterId;
    /// A consultation note.
    NoteId;
    /// A grant of access to a patient's records (consent or break-glass).
    GrantId;
    /// An inference job.
    JobId;
    /// A payment for an appointment.
    PaymentId;
    /// An in-app notification.
    NotificationId;
    /// A doctor's and a patient's chat.
    ConversationId;
    /// A chat message.
    MessageId;
    /// A set of vital signs (scored with NEWS2).
    VitalsId;
    /// A deterioration alert raised by a vitals set.
    AlertId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_keeps_its_uuid_and_new_ids_are_time_ordered() {
        let u = Uuid::now_v7();
        assert_eq!(PrescriptionId::from(u).uuid(), u);
        assert_eq!(PatientId::from(u).to_string(), u.to_string());
        let (a, b) = (AppointmentId::new(), AppointmentId::new());
        assert!(a < b, "{a} then {b}");
    }
}
