"""Contains all the data models used in inputs/outputs"""

from .access_log_entry import AccessLogEntry
from .alert import Alert
from .appointment import Appointment
from .audit_event import AuditEvent
from .availability_body import AvailabilityBody
from .availability_view import AvailabilityView
from .break_glass import BreakGlass
from .call_event import CallEvent
from .call_info import CallInfo
from .call_record import CallRecord
from .care_team_assignment import CareTeamAssignment
from .care_team_member import CareTeamMember
from .conversation import Conversation
from .corrected import Corrected
from .correction import Correction
from .correction_set import CorrectionSet
from .created_hospital import CreatedHospital
from .created_patient import CreatedPatient
from .day import Day
from .day_appointments import DayAppointments
from .day_inference_jobs import DayInferenceJobs
from .day_inference_jobs_additional_property import DayInferenceJobsAdditionalProperty
from .doctor import Doctor
from .doctor_ratings_view import DoctorRatingsView
from .document import Document
from .document_receipt import DocumentReceipt
from .encounter import Encounter
from .exception import Exception_
from .figures import Figures
from .figures_appointments import FiguresAppointments
from .figures_inference_jobs import FiguresInferenceJobs
from .figures_inference_jobs_additional_property import FiguresInferenceJobsAdditionalProperty
from .grant import Grant
from .hospital import Hospital
from .hospital_analytics import HospitalAnalytics
from .hospital_figures import HospitalFigures
from .hospital_figures_appointments import HospitalFiguresAppointments
from .hospital_patch import HospitalPatch
from .ice_server import IceServer
from .item import Item
from .job import Job
from .job_accepted import JobAccepted
from .job_detail import JobDetail
from .job_row import JobRow
from .latency import Latency
from .listing_access_log_entry import ListingAccessLogEntry
from .listing_alert import ListingAlert
from .listing_appointment import ListingAppointment
from .listing_audit_event import ListingAuditEvent
from .listing_conversation import ListingConversation
from .listing_doctor import ListingDoctor
from .listing_document import ListingDocument
from .listing_encounter import ListingEncounter
from .listing_hospital import ListingHospital
from .listing_job_row import ListingJobRow
from .listing_member import ListingMember
from .listing_note import ListingNote
from .listing_notification import ListingNotification
from .listing_outbox_message import ListingOutboxMessage
from .listing_patient import ListingPatient
from .listing_prescription import ListingPrescription
from .listing_vitals import ListingVitals
from .login_request import LoginRequest
from .login_response import LoginResponse
from .me import Me
from .member import Member
from .message import Message
from .message_page import MessagePage
from .model_version import ModelVersion
from .new_admin import NewAdmin
from .new_appointment import NewAppointment
from .new_consent import NewConsent
from .new_doctor import NewDoctor
from .new_encounter import NewEncounter
from .new_hospital import NewHospital
from .new_job import NewJob
from .new_note import NewNote
from .new_patient import NewPatient
from .new_prescription import NewPrescription
from .new_rating import NewRating
from .new_staff import NewStaff
from .new_vitals import NewVitals
from .news_2 import News2
from .note import Note
from .notification import Notification
from .open_conversation import OpenConversation
from .operation_outcome import OperationOutcome
from .outbox_message import OutboxMessage
from .outcome_issue import OutcomeIssue
from .password_change import PasswordChange
from .patient import Patient
from .patient_patch import PatientPatch
from .payment import Payment
from .payment_provider import PaymentProvider
from .permission import Permission
from .platform_analytics import PlatformAnalytics
from .platform_revenue import PlatformRevenue
from .post_message import PostMessage
from .prescription import Prescription
from .problem import Problem
from .profile_patch import ProfilePatch
from .rating import Rating
from .read_up_to import ReadUpTo
from .recent_comment import RecentComment
from .register_request import RegisterRequest
from .registered import Registered
from .reset_completion import ResetCompletion
from .reset_request import ResetRequest
from .revenue import Revenue
from .role import Role
from .role_definition import RoleDefinition
from .rule import Rule
from .slot import Slot
from .slots import Slots
from .specialty_suggestions import SpecialtySuggestions
from .staff_member import StaffMember
from .stage_correction import StageCorrection
from .status_change import StatusChange
from .suggested_doctor import SuggestedDoctor
from .suggestion import Suggestion
from .suggestion_request import SuggestionRequest
from .team_doctor import TeamDoctor
from .temporary_password import TemporaryPassword
from .ticket import Ticket
from .totp_code import TotpCode
from .totp_confirmation import TotpConfirmation
from .totp_login import TotpLogin
from .totp_secret import TotpSecret
from .transition_body import TransitionBody
from .upload_document_body import UploadDocumentBody
from .upload_document_body_kind import UploadDocumentBodyKind
from .verification import Verification
from .vitals import Vitals

__all__ = (
    "AccessLogEntry",
    "Alert",
    "Appointment",
    "AuditEvent",
    "AvailabilityBody",
    "AvailabilityView",
    "BreakGlass",
    "CallEvent",
    "CallInfo",
    "CallRecord",
    "CareTeamAssignment",
    "CareTeamMember",
    "Conversation",
    "Corrected",
    "Correction",
    "CorrectionSet",
    "CreatedHospital",
    "CreatedPatient",
    "Day",
    "DayAppointments",
    "DayInferenceJobs",
    "DayInferenceJobsAdditionalProperty",
    "Doctor",
    "DoctorRatingsView",
    "Document",
    "DocumentReceipt",
    "Encounter",
    "Exception_",
    "Figures",
    "FiguresAppointments",
    "FiguresInferenceJobs",
    "FiguresInferenceJobsAdditionalProperty",
    "Grant",
    "Hospital",
    "HospitalAnalytics",
    "HospitalFigures",
    "HospitalFiguresAppointments",
    "HospitalPatch",
    "IceServer",
    "Item",
    "Job",
    "JobAccepted",
    "JobDetail",
    "JobRow",
    "Latency",
    "ListingAccessLogEntry",
    "ListingAlert",
    "ListingAppointment",
    "ListingAuditEvent",
    "ListingConversation",
    "ListingDoctor",
    "ListingDocument",
    "ListingEncounter",
    "ListingHospital",
    "ListingJobRow",
    "ListingMember",
    "ListingNote",
    "ListingNotification",
    "ListingOutboxMessage",
    "ListingPatient",
    "ListingPrescription",
    "ListingVitals",
    "LoginRequest",
    "LoginResponse",
    "Me",
    "Member",
    "Message",
    "MessagePage",
    "ModelVersion",
    "NewAdmin",
    "NewAppointment",
    "NewConsent",
    "NewDoctor",
    "NewEncounter",
    "NewHospital",
    "NewJob",
    "NewNote",
    "NewPatient",
    "NewPrescription",
    "NewRating",
    "News2",
    "NewStaff",
    "NewVitals",
    "Note",
    "Notification",
    "OpenConversation",
    "OperationOutcome",
    "OutboxMessage",
    "OutcomeIssue",
    "PasswordChange",
    "Patient",
    "PatientPatch",
    "Payment",
    "PaymentProvider",
    "Permission",
    "PlatformAnalytics",
    "PlatformRevenue",
    "PostMessage",
    "Prescription",
    "Problem",
    "ProfilePatch",
    "Rating",
    "ReadUpTo",
    "RecentComment",
    "Registered",
    "RegisterRequest",
    "ResetCompletion",
    "ResetRequest",
    "Revenue",
    "Role",
    "RoleDefinition",
    "Rule",
    "Slot",
    "Slots",
    "SpecialtySuggestions",
    "StaffMember",
    "StageCorrection",
    "StatusChange",
    "SuggestedDoctor",
    "Suggestion",
    "SuggestionRequest",
    "TeamDoctor",
    "TemporaryPassword",
    "Ticket",
    "TotpCode",
    "TotpConfirmation",
    "TotpLogin",
    "TotpSecret",
    "TransitionBody",
    "UploadDocumentBody",
    "UploadDocumentBodyKind",
    "Verification",
    "Vitals",
)
