"""A developer's journey through the generated client, against a live carebridge server.

The server and its super admin come from CAREBRIDGE_URL, CAREBRIDGE_SUPER_EMAIL and
CAREBRIDGE_SUPER_PASSWORD (scripts/sdk-python.sh test; scripts/live.sh starts such a server).
Every name (emails, slugs) is unique per run, so the tests may run again on the same server.
"""

import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass
from io import BytesIO

import pytest

from carebridge_client import AuthenticatedClient, Client
from carebridge_client.api.auth import login, me, register
from carebridge_client.api.hospitals import create_hospital, get_hospital, update_hospital
from carebridge_client.api.records import (
    create_prescription,
    get_document_content,
    get_prescription_pdf,
    list_documents,
    upload_document,
)
from carebridge_client.api.scheduling import (
    approve_appointment,
    create_appointment,
    get_appointment,
    list_slots,
    set_availability,
)
from carebridge_client.api.staff import create_doctor, list_doctors
from carebridge_client.helpers import ProblemError, expect
from carebridge_client.helpers import login as sign_in
from carebridge_client.models import (
    Appointment,
    AvailabilityBody,
    AvailabilityView,
    CreatedHospital,
    Doctor,
    DocumentReceipt,
    Hospital,
    HospitalPatch,
    Item,
    ListingDoctor,
    ListingDocument,
    LoginRequest,
    LoginResponse,
    Me,
    NewAdmin,
    NewAppointment,
    NewDoctor,
    NewHospital,
    NewPrescription,
    PaymentProvider,
    Prescription,
    Problem,
    Registered,
    RegisterRequest,
    Rule,
    Slots,
    UploadDocumentBody,
    UploadDocumentBodyKind,
)
from carebridge_client.types import File


@dataclass(frozen=True)
class Server:
    url: str
    super_email: str
    super_password: str


@pytest.fixture(scope="module")
def server() -> Server:
    names = ("CAREBRIDGE_URL", "CAREBRIDGE_SUPER_EMAIL", "CAREBRIDGE_SUPER_PASSWORD")
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        # A failure, not a skip: a run without a server has tested nothing.
        pytest.fail(f"set {', '.join(missing)} to a live carebridge server and its super admin")
    return Server(*(os.environ[name] for name in names))


@pytest.fixture(scope="module")
def root(server: Server) -> AuthenticatedClient:
    return sign_in(server.url, server.super_email, server.super_password)


def unique() -> str:
    return uuid.uuid4().hex[:10]


def whoami(client: AuthenticatedClient) -> Me:
    return expect(me.sync_detailed(client=client), Me)


def test_journey(server: Server) -> None:
    run = unique()
    slug = f"sdk-py-{run}"
    admin_email, admin_password = f"admin-{run}@sdk-py.test", f"admin-password-{run}"
    doctor_email, doctor_password = f"doctor-{run}@sdk-py.test", f"doctor-password-{run}"
    patient_email, patient_password = f"patient-{run}@sdk-py.test", f"patient-password-{run}"

    # The super admin signs in with the generated operation and holds the token in an
    # AuthenticatedClient.
    anonymous = Client(base_url=server.url, raise_on_unexpected_status=True)
    signed_in = login.sync_detailed(
        client=anonymous,
        body=LoginRequest(email=server.super_email, password=server.super_password),
    )
    assert signed_in.status_code == 200
    session = signed_in.parsed
    assert isinstance(session, LoginResponse)
    assert session.role == "super_admin"
    assert session.hospital_id is None
    assert isinstance(session.token, str) and isinstance(session.expires_at, dt.datetime)
    assert session.second_factor is None
    assert session.expires_at > dt.datetime.now(dt.UTC)
    root = AuthenticatedClient(base_url=server.url, token=session.token, raise_on_unexpected_status=True)

    # ... onboards a hospital that takes no payments ...
    created = create_hospital.sync_detailed(
        client=root,
        body=NewHospital(
            name=f"SDK Clinic {run}",
            slug=slug,
            timezone="Asia/Kathmandu",
            currency="NPR",
            appointment_fee=50000,
            payment_provider=PaymentProvider.NONE,
            admin=NewAdmin(email=admin_email, full_name="Asha Admin", password=admin_password),
        ),
    )
    assert created.status_code == 201
    hospital = expect(created, CreatedHospital)
    assert (hospital.slug, hospital.timezone, hospital.currency) == (slug, "Asia/Kathmandu", "NPR")
    assert hospital.appointment_fee == 50000
    assert hospital.payment_provider == "none"
    assert not hospital.suspended

    # ... and makes appointments wait for a doctor's approval, with no payment.
    updated = update_hospital.sync_detailed(
        hospital.id, client=root, body=HospitalPatch(approval_required=True, payment_required=False)
    )
    assert updated.status_code == 200
    patched = expect(updated, Hospital)
    assert (patched.approval_required, patched.payment_required) == (True, False)
    seen = expect(get_hospital.sync_detailed(hospital.id, client=root), Hospital)
    assert (seen.approval_required, seen.payment_required, seen.slug) == (True, False, slug)

    # The hospital admin signs in and adds a doctor.
    admin = sign_in(server.url, admin_email, admin_password, hospital=slug)
    admin_me = whoami(admin)
    assert (admin_me.role, admin_me.email, admin_me.hospital_slug) == ("hospital_admin", admin_email, slug)
    added = create_doctor.sync_detailed(
        client=admin,
        body=NewDoctor(
            email=doctor_email,
            full_name="Dr Bina Thapa",
            password=doctor_password,
            specialization="General medicine",
            license_number=f"NMC-{run}",
        ),
    )
    assert added.status_code == 201
    doctor = expect(added, Doctor)
    assert (doctor.full_name, doctor.specialization, doctor.license_number) == (
        "Dr Bina Thapa",
        "General medicine",
        f"NMC-{run}",
    )

    # The doctor signs in and publishes weekly availability: every day, 09:00-17:00 in Kathmandu.
    doc = sign_in(server.url, doctor_email, doctor_password, hospital=slug)
    doc_me = whoami(doc)
    assert (doc_me.role, doc_me.user_id) == ("doctor", doctor.user_id)
    availability = expect(
        set_availability.sync_detailed(
            doctor.id,
            client=doc,
            body=AvailabilityBody(
                timezone="Asia/Kathmandu",
                slot_minutes=30,
                rules=[Rule(weekday=day, start="09:00", end="17:00") for day in range(1, 8)],
            ),
        ),
        AvailabilityView,
    )
    assert availability.doctor_id == doctor.id
    assert (availability.timezone, availability.slot_minutes) == ("Asia/Kathmandu", 30)
    assert sorted(rule.weekday for rule in availability.rules) == list(range(1, 8))

    # A patient registers with the hospital's slug and signs in.
    registered = register.sync_detailed(
        client=anonymous,
        body=RegisterRequest(hospital=slug, email=patient_email, password=patient_password, full_name="Sita Rai"),
    )
    assert registered.status_code == 201
    me_patient = expect(registered, Registered)
    patient = sign_in(server.url, patient_email, patient_password, hospital=slug)
    patient_me = whoami(patient)
    assert (patient_me.role, patient_me.user_id) == ("patient", me_patient.user_id)

    # The patient finds the doctor, then a free slot a few days ahead, and books it.
    doctors = expect(list_doctors.sync_detailed(client=patient), ListingDoctor)
    assert doctor.id in [d.id for d in doctors.items]
    now = dt.datetime.now(dt.UTC)
    window_from, window_to = now + dt.timedelta(days=1), now + dt.timedelta(days=4)
    slots = expect(list_slots.sync_detailed(doctor.id, client=patient, from_=window_from, to=window_to), Slots)
    assert slots.items, "a doctor available every day has free slots in three days"
    for slot in slots.items:
        assert slot.end_at - slot.start_at == dt.timedelta(minutes=30)
        assert window_from <= slot.start_at < window_to
    assert [s.start_at for s in slots.items] == sorted(s.start_at for s in slots.items)
    slot = slots.items[0]
    booked = create_appointment.sync_detailed(
        client=patient,
        body=NewAppointment(doctor_id=doctor.id, start_at=slot.start_at, reason="Persistent cough"),
    )
    assert booked.status_code == 201
    appointment = expect(booked, Appointment)
    assert appointment.status == "requested"
    assert (appointment.start_at, appointment.end_at) == (slot.start_at, slot.end_at)
    assert (appointment.doctor_id, appointment.patient_id) == (doctor.id, me_patient.patient_id)
    assert (appointment.fee, appointment.currency) == (50000, "NPR")
    still_free = expect(list_slots.sync_detailed(doctor.id, client=patient, from_=window_from, to=window_to), Slots)
    assert slot.start_at not in [s.start_at for s in still_free.items]

    # The doctor approves it; the patient sees it confirmed (no payment is required).
    approved = expect(approve_appointment.sync_detailed(appointment.id, client=doc), Appointment)
    assert approved.status == "confirmed"
    assert expect(get_appointment.sync_detailed(appointment.id, client=patient), Appointment).status == "confirmed"

    # The patient uploads a document (multipart) and downloads it back, byte for byte.
    data = f"Haemoglobin 13.5 g/dL\nrun {run}\n".encode() + bytes(range(256))
    receipt = upload_document.sync_detailed(
        me_patient.patient_id,
        client=patient,
        body=UploadDocumentBody(
            file=File(payload=BytesIO(data), file_name="blood-count.bin", mime_type="application/octet-stream"),
            title="Blood count",
            kind=UploadDocumentBodyKind.LAB_REPORT,
        ),
    )
    assert receipt.status_code == 201
    uploaded = expect(receipt, DocumentReceipt)
    assert (uploaded.sha256, uploaded.size) == (hashlib.sha256(data).hexdigest(), len(data))
    documents = expect(list_documents.sync_detailed(me_patient.patient_id, client=patient), ListingDocument)
    listed = [d for d in documents.items if d.id == uploaded.id]
    assert [(d.title, d.kind, d.size) for d in listed] == [("Blood count", "lab_report", len(data))]
    content = get_document_content.sync_detailed(uploaded.id, client=patient)
    assert content.status_code == 200
    assert expect(content, File).payload.read() == data

    # The doctor writes a prescription; the patient downloads its PDF.
    written = create_prescription.sync_detailed(
        client=doc,
        body=NewPrescription(
            patient_id=me_patient.patient_id,
            appointment_id=appointment.id,
            items=[
                Item(
                    medication="Amoxicillin 500 mg",
                    dose="1 capsule",
                    route="oral",
                    frequency="three times a day",
                    duration_days=5,
                    quantity=15,
                    refills=0,
                    instructions="After meals",
                )
            ],
        ),
    )
    assert written.status_code == 201
    prescription = expect(written, Prescription)
    assert (prescription.patient_id, prescription.doctor_id) == (me_patient.patient_id, doctor.id)
    assert [item.medication for item in prescription.items] == ["Amoxicillin 500 mg"]
    assert prescription.verification_code
    pdf = get_prescription_pdf.sync_detailed(prescription.id, client=patient)
    assert pdf.status_code == 200
    assert pdf.headers["content-type"].startswith("application/pdf")
    assert expect(pdf, File).payload.read().startswith(b"%PDF")


def test_not_found_is_a_typed_problem(root: AuthenticatedClient) -> None:
    missing = uuid.uuid4()
    answer = get_hospital.sync_detailed(missing, client=root)
    assert answer.status_code == 404
    problem = answer.parsed
    assert isinstance(problem, Problem)
    assert problem.status == 404
    assert problem.title == "Not Found"
    assert problem.detail
    # `sync` answers the same Problem in place of the Hospital ...
    assert isinstance(get_hospital.sync(missing, client=root), Problem)
    # ... and `expect` raises it.
    with pytest.raises(ProblemError) as raised:
        expect(get_hospital.sync_detailed(missing, client=root), Hospital)
    assert (raised.value.status, raised.value.title) == (404, "Not Found")
    assert raised.value.problem is not None


def test_unprocessable_is_a_typed_problem(server: Server, root: AuthenticatedClient) -> None:
    run = unique()
    slug = f"sdk-py-bad-{run}"
    admin_email, admin_password = f"admin-{run}@sdk-py.test", f"admin-password-{run}"
    answer = create_hospital.sync_detailed(
        client=root,
        body=NewHospital(
            name=f"Nowhere {run}",
            slug=slug,
            timezone="Mars/Olympus_Mons",
            currency="NPR",
            appointment_fee=100,
            payment_provider=PaymentProvider.NONE,
            admin=NewAdmin(email=admin_email, full_name="Nobody", password=admin_password),
        ),
    )
    assert answer.status_code == 422
    problem = answer.parsed
    assert isinstance(problem, Problem)
    assert (problem.status, problem.title) == (422, "Unprocessable Entity")
    assert "timezone" in problem.detail
    with pytest.raises(ProblemError) as raised:
        expect(answer, CreatedHospital)
    assert (raised.value.status, raised.value.detail) == (422, problem.detail)
    # Nothing was created: the admin it named cannot sign in.
    with pytest.raises(ProblemError) as refused:
        sign_in(server.url, admin_email, admin_password, hospital=slug)
    assert refused.value.status == 401
