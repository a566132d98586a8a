//! The FHIR view's values: the resource types it serves (each read as the casbin object of its
//! API counterpart) and what a read asks for, parsed from `{Type}/{id}`.

use crate::{
    auth::permit as perm,
    error::{ApiError, ApiResult},
    fhir::observation::Member,
    ids::{
        AppointmentId, DoctorId, DocumentId, EncounterId, GrantId, PatientId, PrescriptionId,
        VitalsId,
    },
};

/// A FHIR resource type this view serves; as a casbin object it is its API counterpart, so
/// reading one needs what reading the counterpart needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceType {
    Patient,
    Practitioner,
    Appointment,
    Encounter,
    MedicationRequest,
    DocumentReference,
    Consent,
    Observation,
}

impl ResourceType {
    pub const ALL: [Self; 8] = [
        Self::Patient,
        Self::Practitioner,
        Self::Appointment,
        Self::Encounter,
        Self::MedicationRequest,
        Self::DocumentReference,
        Self::Consent,
        Self::Observation,
    ];

    /// What `$everything` gathers, in this order (Practitioners follow from what they name).
    pub const EVERYTHING: [Self; 7] = [
        Self::Patient,
        Self::Appointment,
        Self::Encounter,
        Self::MedicationRequest,
        Self::DocumentReference,
        Self::Consent,
        Self::Observation,
    ];

    /// 404 for a type this view does not serve.
    pub fn parse(s: &str) -> ApiResult<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or(ApiError::NotFound)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Patient => "Patient",
            Self::Practitioner => "Practitioner",
            Self::Appointment => "Appointment",
            Self::Encounter => "Encounter",
            Self::MedicationRequest => "MedicationRequest",
            Self::DocumentReference => "DocumentReference",
            Self::Consent => "Consent",
            Self::Observation => "Observation",
        }
    }
}

impl perm::Object for ResourceType {
    fn name(&self) -> &'static str {
        match self {
            Self::Patient => "patient",
            Self::Practitioner => "doctor",
            Self::Appointment => "appointment",
            Self::Encounter => "encounter",
            Self::MedicationRequest => "prescription",
            Self::DocumentReference => "document",
            Self::Consent => "consent",
            Self::Observation => "vitals",
        }
    }
}
impl perm::Allows<perm::Read> for ResourceType {}

/// One resource to read, by its typed id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Patient(PatientId),
    Practitioner(DoctorId),
    Appointment(AppointmentId),
    Encounter(EncounterId),
    /// A prescription's item, counted from 0 (the id says `{prescription}-{n}`, from 1).
    MedicationRequest(PrescriptionId, usize),
    DocumentReference(DocumentId),
    Consent(GrantId),
    /// A set of vital signs: its panel (`None`, id `{set}`) or one measurement (`{set}-{member}`).
    Observation(VitalsId, Option<Member>),
}

/// A read: the resource, and its id as the caller wrote it (for the audit trail).
pub struct Wanted {
    pub target: Target,
    pub id: String,
}

impl Wanted {
    /// 404 for an id that names no resource of this type.
    pub fn parse(kind: ResourceType, id: &str) -> ApiResult<Self> {
        let uuid = |s: &str| uuid::Uuid::parse_str(s).map_err(|_| ApiError::NotFound);
        let target = match kind {
            ResourceType::Patient => Target::Patient(uuid(id)?.into()),
            ResourceType::Practitioner => Target::Practitioner(uuid(id)?.into()),
            ResourceType::Appointment => Target::Appointment(uuid(id)?.into()),
            ResourceType::Encounter => Target::Encounter(uuid(id)?.into()),
            ResourceType::MedicationRequest => {
                let (pid, n) = id.rsplit_once('-').ok_or(ApiError::NotFound)?;
                let n: usize = n.parse().map_err(|_| ApiError::NotFound)?;
                let item = n.checked_sub(1).ok_or(ApiError::NotFound)?;
                Target::MedicationRequest(uuid(pid)?.into(), item)
            }
            ResourceType::DocumentReference => Target::DocumentReference(uuid(id)?.into()),
            ResourceType::Consent => Target::Consent(uuid(id)?.into()),
            ResourceType::Observation => match uuid(id) {
                Ok(set) => Target::Observation(set.into(), None),
                Err(_) => {
                    let (set, member) = id.split_at_checked(36).ok_or(ApiError::NotFound)?;
                    let member = member.strip_prefix('-').and_then(Member::parse);
                    Target::Observation(uuid(set)?.into(), Some(member.ok_or(ApiError::NotFound)?))
                }
            },
        };
        Ok(Self {
            target,
            id: id.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::permit::Object;

    /// Every resource type asks casbin for a pair the matrix lists.
    #[test]
    fn every_resource_type_reads_as_a_matrix_pair() {
        let pairs = perm::pairs();
        for kind in [
            "Patient",
            "Practitioner",
            "Appointment",
            "Encounter",
            "MedicationRequest",
            "DocumentReference",
            "Consent",
            "Observation",
        ] {
            let object = ResourceType::parse(kind).unwrap().name();
            assert!(pairs.contains(&(object, "read")), "{kind} → {object}");
        }
        assert!(ResourceType::parse("Condition").is_err());
    }

    #[test]
    fn resource_types_parse_from_their_names_only() {
        for t in ResourceType::ALL {
            assert_eq!(ResourceType::parse(t.as_str()).unwrap(), t);
        }
        assert!(ResourceType::parse("patient").is_err());
    }

    #[test]
    fn medication_requests_are_a_prescription_and_an_item_from_one() {
        let p = uuid::Uuid::now_v7();
        let w = Wanted::parse(ResourceType::MedicationRequest, &format!("{p}-2")).unwrap();
        assert_eq!(w.target, Target::MedicationRequest(p.into(), 1));
        assert_eq!(w.id, format!("{p}-2"));
        for bad in [
            format!("{p}-0"),
            format!("{p}-x"),
            "nodash".into(),
            "x-1".into(),
        ] {
            assert!(
                Wanted::parse(ResourceType::MedicationRequest, &bad).is_err(),
                "{bad}"
            );
        }
        assert!(Wanted::parse(ResourceType::Patient, "not-a-uuid").is_err());
        let d = Wanted::parse(ResourceType::Consent, &p.to_string()).unwrap();
        assert_eq!(d.target, Target::Consent(p.into()));
    }

    #[test]
    fn observations_are_a_set_or_one_of_its_members() {
        let p = uuid::Uuid::now_v7();
        let o = |id: &str| Wanted::parse(ResourceType::Observation, id).map(|w| w.target);
        assert_eq!(
            o(&p.to_string()).unwrap(),
            Target::Observation(p.into(), None)
        );
        assert_eq!(
            o(&format!("{p}-heart-rate")).unwrap(),
            Target::Observation(p.into(), Some(Member::HeartRate))
        );
        for bad in [
            format!("{p}-weight"),
            format!("{p}heart-rate"),
            format!("{p}-"),
            "short".into(),
            "ééééééééééééééééééééééééééééééééééééé".into(),
        ] {
            assert!(o(&bad).is_err(), "{bad}");
        }
    }
}
