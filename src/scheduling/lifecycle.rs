//! The appointment lifecycle as one table: who may take an action ([`may`]) and which status it
//! leads to from each status ([`next`]); anything else answers 409. Pure: no I/O. The database
//! only enforces invariants (no overlaps, statuses from the same set).

use crate::error::{ApiError, ApiResult};

/// Where an appointment is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Requested,
    AwaitingPayment,
    Confirmed,
    InProgress,
    Completed,
    Rejected,
    Cancelled,
    NoShow,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Requested,
        Status::AwaitingPayment,
        Status::Confirmed,
        Status::InProgress,
        Status::Completed,
        Status::Rejected,
        Status::Cancelled,
        Status::NoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::AwaitingPayment => "awaiting_payment",
            Status::Confirmed => "confirmed",
            Status::InProgress => "in_progress",
            Status::Completed => "completed",
            Status::Rejected => "rejected",
            Status::Cancelled => "cancelled",
            Status::NoShow => "no_show",
        }
    }

    /// The status a stored appointment has (the column's check constraint allows only these).
    pub fn parse(s: &str) -> ApiResult<Status> {
        Status::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown appointment status {s:?}")))
    }

    /// Still ahead: it may be moved, cancelled or paid.
    pub fn is_upcoming(self) -> bool {
        matches!(
            self,
            Status::Requested | Status::AwaitingPayment | Status::Confirmed
        )
    }
}

/// What the caller asks of an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Approve,
    Reject,
    Propose,
    AcceptProposal,
    Cancel,
    Start,
    Complete,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Approve,
        Action::Reject,
        Action::Propose,
        Action::AcceptProposal,
        Action::Cancel,
        Action::Start,
        Action::Complete,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Propose => "propose",
            Self::AcceptProposal => "accept_proposal",
            Self::Cancel => "cancel",
            Self::Start => "start",
            Self::Complete => "complete",
        }
    }

    /// The audit trail's name for it.
    pub fn audit_action(self) -> &'static str {
        match self {
            Self::Approve => "appointment.approve",
            Self::Reject => "appointment.reject",
            Self::Propose => "appointment.propose",
            Self::AcceptProposal => "appointment.accept_proposal",
            Self::Cancel => "appointment.cancel",
            Self::Start => "appointment.start",
            Self::Complete => "appointment.complete",
        }
    }
}

/// How the caller stands to one appointment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Party {
    pub patient: bool,
    pub doctor: bool,
    pub admin: bool,
}

impl Party {
    /// The appointment's doctor or a hospital admin.
    pub fn doctor_side(self) -> bool {
        self.doctor || self.admin
    }
}

/// Whether `party` may take `action` at all (403, or 404 for a stranger asking to cancel).
pub fn may(action: Action, party: Party) -> ApiResult<()> {
    let allowed = match action {
        Action::Approve | Action::Reject | Action::Propose => party.doctor_side(),
        Action::AcceptProposal => party.patient,
        Action::Cancel => party.doctor_side() || party.patient,
        Action::Start | Action::Complete => party.doctor,
    };
    if allowed {
        return Ok(());
    }
    Err(match action {
        Action::Approve | Action::Reject | Action::Propose => {
            ApiError::ForbiddenBecause("only the appointment's doctor or an admin may do this")
        }
        Action::AcceptProposal => {
            ApiError::ForbiddenBecause("only the patient may accept a proposed time")
        }
        Action::Cancel => ApiError::NotFound,
        Action::Start => ApiError::ForbiddenBecause("only the appointment's doctor may start it"),
        Action::Complete => {
            ApiError::ForbiddenBecause("only the appointment's doctor may complete it")
        }
    })
}

/// The status `action` leads to from `status`, where `approved` is the status an approval
/// leads to at this hospital (awaiting payment, or confirmed); 409 where it is not allowed.
pub fn next(status: Status, action: Action, approved: Status) -> ApiResult<Status> {
    use Status::*;
    let to = match (action, status) {
        (Action::Approve, Requested) => approved,
        (Action::Reject, Requested) => Rejected,
        (Action::Propose, s) if s.is_upcoming() => s,
        // The doctor proposing the time is the doctor's approval.
        (Action::AcceptProposal, Requested) => approved,
        (Action::AcceptProposal, s) if s.is_upcoming() => s,
        (Action::Cancel, s) if s.is_upcoming() => Cancelled,
        (Action::Start, Confirmed) => InProgress,
        (Action::Complete, InProgress) => Completed,
        _ => {
            return Err(ApiError::conflict(format!(
                "cannot {} an appointment that is {}",
                action.name().replace('_', " "),
                status.as_str()
            )));
        }
    };
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every legal move, written out; every other (status, action) pair must be refused.
    const LEGAL: &[(Status, Action, Status)] = {
        use Action::*;
        use Status::*;
        &[
            (Requested, Approve, AwaitingPayment),
            (Requested, Reject, Rejected),
            (Requested, Propose, Requested),
            (AwaitingPayment, Propose, AwaitingPayment),
            (Confirmed, Propose, Confirmed),
            (Requested, AcceptProposal, AwaitingPayment),
            (AwaitingPayment, AcceptProposal, AwaitingPayment),
            (Confirmed, AcceptProposal, Confirmed),
            (Requested, Cancel, Cancelled),
            (AwaitingPayment, Cancel, Cancelled),
            (Confirmed, Cancel, Cancelled),
            (Confirmed, Start, InProgress),
            (InProgress, Complete, Completed),
        ]
    };

    #[test]
    fn every_status_and_action_leads_where_the_table_says_or_is_a_409() {
        let mut legal = 0;
        for status in Status::ALL {
            for action in Action::ALL {
                let expected = LEGAL
                    .iter()
                    .find(|(s, a, _)| *s == status && *a == action)
                    .map(|(_, _, to)| *to);
                match (next(status, action, Status::AwaitingPayment), expected) {
                    (Ok(to), Some(want)) => {
                        assert_eq!(to, want, "{status:?} {action:?}");
                        legal += 1;
                    }
                    (Err(e), None) => assert_eq!(e.status().as_u16(), 409, "{status:?} {action:?}"),
                    (got, want) => panic!("{status:?} {action:?}: got {got:?}, want {want:?}"),
                }
            }
        }
        assert_eq!(legal, LEGAL.len());
    }

    #[test]
    fn an_approval_leads_to_the_hospitals_status_after_approval() {
        for approved in [Status::AwaitingPayment, Status::Confirmed] {
            assert_eq!(
                next(Status::Requested, Action::Approve, approved).unwrap(),
                approved
            );
            assert_eq!(
                next(Status::Requested, Action::AcceptProposal, approved).unwrap(),
                approved
            );
        }
    }

    #[test]
    fn statuses_read_back_from_their_names() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()).unwrap(), s);
        }
        assert!(Status::parse("archived").is_err());
    }

    #[test]
    fn who_may_act_on_an_appointment() {
        let patient = Party {
            patient: true,
            ..Party::default()
        };
        let doctor = Party {
            doctor: true,
            ..Party::default()
        };
        let admin = Party {
            admin: true,
            ..Party::default()
        };
        let stranger = Party::default();
        for action in Action::ALL {
            let allowed: Vec<bool> = [patient, doctor, admin, stranger]
                .iter()
                .map(|p| may(action, *p).is_ok())
                .collect();
            let want = match action {
                Action::Approve | Action::Reject | Action::Propose => [false, true, true, false],
                Action::AcceptProposal => [true, false, false, false],
                Action::Cancel => [true, true, true, false],
                Action::Start | Action::Complete => [false, true, false, false],
            };
            assert_eq!(allowed, want, "{action:?}");
        }
        assert_eq!(
            may(Action::Cancel, stranger).unwrap_err().status().as_u16(),
            404
        );
        assert_eq!(
            may(Action::Start, admin).unwrap_err().status().as_u16(),
            403
        );
    }
}
