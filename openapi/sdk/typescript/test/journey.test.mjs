// A developer's journey through the SDK against a live server (scripts/sdk-typescript.sh test starts
// one): CAREBRIDGE_URL, CAREBRIDGE_SUPER_EMAIL and CAREBRIDGE_SUPER_PASSWORD name it and its super admin.
// Each step is a subtest; after a failed one the rest are skipped, since each builds on the last.
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { test } from "node:test";
import { createClient, ProblemError, unwrap } from "@carebridge/client";

const baseUrl = requireEnv("CAREBRIDGE_URL");
const superEmail = requireEnv("CAREBRIDGE_SUPER_EMAIL");
const superPassword = requireEnv("CAREBRIDGE_SUPER_PASSWORD");

/** @param {string} name */
function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the tests need a running server (scripts/sdk-typescript.sh test)`);
  return value;
}

/**
 * Awaits a promise that must reject with a ProblemError of this status, and returns the error.
 * @param {Promise<unknown>} call
 * @param {number} status
 */
async function rejectsWith(call, status) {
  /** @type {unknown} */
  let caught;
  await call.then(
    () => assert.fail(`expected a ${status} problem, the call succeeded`),
    (e) => { caught = e; },
  );
  assert.ok(caught instanceof ProblemError, `expected a ProblemError, got ${String(caught)}`);
  assert.equal(caught.status, status, caught.message);
  assert.equal(typeof caught.title, "string");
  assert.equal(typeof caught.detail, "string");
  assert.equal(typeof caught.type, "string");
  return caught;
}

const run = randomUUID().slice(0, 8);
const slug = `sdk-ts-${run}`;
const password = `journey-password-${run}`;
const emails = {
  admin: `admin-${run}@sdk-ts.test`,
  doctor: `doctor-${run}@sdk-ts.test`,
  patient: `patient-${run}@sdk-ts.test`,
};

test("a developer's journey through @carebridge/client", async (t) => {
  let failed = false;
  /**
   * Runs one step as a subtest; skipped once an earlier step failed.
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  const step = async (name, fn) => {
    /** @type {T | undefined} */
    let out;
    await t.test(name, { skip: failed && "an earlier step failed" }, async () => {
      try {
        out = await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });
    return /** @type {T} */ (out);
  };

  const root = createClient({ baseUrl });
  const admin = createClient({ baseUrl });
  const doctor = createClient({ baseUrl });
  const patient = createClient({ baseUrl });

  const hospital = await step("the super admin signs in and onboards a hospital", async () => {
    const session = await root.login({ email: superEmail, password: superPassword });
    assert.equal(session.role, "super_admin");
    assert.equal(session.hospital_id ?? null, null);
    assert.equal(root.token, session.token);

    const created = await unwrap(root.POST("/api/v1/hospitals", {
      body: {
        name: `SDK Hospital ${run}`,
        slug,
        timezone: "Asia/Kathmandu",
        currency: "NPR",
        appointment_fee: 50000,
        payment_provider: "none",
        admin: { email: emails.admin, full_name: "Asha Admin", password },
      },
    }));
    assert.equal(created.slug, slug);
    assert.equal(created.payment_provider, "none");

    const settled = await unwrap(root.PATCH("/api/v1/hospitals/{id}", {
      params: { path: { id: created.id } },
      body: { approval_required: true, payment_required: false },
    }));
    assert.equal(settled.approval_required, true);
    assert.equal(settled.payment_required, false);
    return settled;
  });

  const doc = await step("the hospital admin signs in and adds a doctor", async () => {
    const session = await admin.login({ email: emails.admin, password, hospital: slug });
    assert.equal(session.role, "hospital_admin");
    assert.equal(session.hospital_id, hospital.id);

    const created = await unwrap(admin.POST("/api/v1/doctors", {
      body: {
        email: emails.doctor,
        full_name: "Dr Bikash Thapa",
        password,
        specialization: "General practice",
        license_number: `NMC-${run}`,
      },
    }));
    assert.equal(created.full_name, "Dr Bikash Thapa");
    return created;
  });

  await step("the doctor publishes weekly availability", async () => {
    const session = await doctor.login({ email: emails.doctor, password, hospital: slug });
    assert.equal(session.role, "doctor");
    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
    const view = await unwrap(doctor.PUT("/api/v1/doctors/{id}/availability", {
      params: { path: { id: doc.id } },
      body: { timezone: "Asia/Kathmandu", slot_minutes: 30, rules: week },
    }));
    assert.equal(view.slot_minutes, 30);
    assert.equal(view.rules.length, 7);
  });

  const registered = await step("a patient registers with the hospital's slug and signs in", async () => {
    const anonymous = createClient({ baseUrl });
    const created = await unwrap(anonymous.POST("/api/v1/auth/register", {
      body: { hospital: slug, email: emails.patient, password, full_name: "Sita Patient" },
    }));
    const session = await patient.login({ email: emails.patient, password, hospital: slug });
    assert.equal(session.role, "patient");
    assert.equal(session.user_id, created.user_id);
    const me = await unwrap(patient.GET("/api/v1/auth/me"));
    assert.equal(me.email, emails.patient);
    assert.equal(me.hospital_slug, slug);
    return created;
  });

  const appointment = await step("the patient finds a free slot a few days ahead and books it", async () => {
    const doctors = await unwrap(patient.GET("/api/v1/doctors"));
    assert.ok(doctors.items.some((d) => d.id === doc.id), "the new doctor is listed");

    const day = 24 * 3600 * 1000;
    const from = new Date(Date.now() + 2 * day).toISOString();
    const to = new Date(Date.now() + 5 * day).toISOString();
    const slots = await unwrap(patient.GET("/api/v1/doctors/{id}/slots", {
      params: { path: { id: doc.id }, query: { from, to } },
    }));
    const slot = slots.items[0];
    assert.ok(slot, "the doctor has free slots");
    assert.ok(Date.parse(slot.start_at) >= Date.parse(from) && Date.parse(slot.end_at) <= Date.parse(to));

    const booked = await unwrap(patient.POST("/api/v1/appointments", {
      body: { doctor_id: doc.id, start_at: slot.start_at, reason: "Persistent cough" },
    }));
    assert.equal(booked.status, "requested");
    assert.equal(Date.parse(booked.start_at), Date.parse(slot.start_at));
    assert.equal(Date.parse(booked.end_at), Date.parse(slot.end_at));
    assert.equal(booked.fee, 50000);
    assert.equal(booked.currency, "NPR");
    return booked;
  });

  await step("the doctor approves and the patient sees it confirmed", async () => {
    const approved = await unwrap(doctor.POST("/api/v1/appointments/{id}/approve", {
      params: { path: { id: appointment.id } },
      body: {},
    }));
    assert.equal(approved.status, "confirmed");
    const seen = await unwrap(patient.GET("/api/v1/appointments/{id}", {
      params: { path: { id: appointment.id } },
    }));
    assert.equal(seen.status, "confirmed");
  });

  await step("the patient uploads a document and downloads it back unchanged", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 31 + 7) % 256);
    const receipt = await patient.uploadDocument(registered.patient_id, {
      file: bytes,
      fileName: "blood-count.bin",
      contentType: "application/octet-stream",
      title: "Blood count",
      kind: "lab_report",
    });
    assert.equal(receipt.size, bytes.length);
    assert.equal(receipt.sha256, createHash("sha256").update(bytes).digest("hex"));

    const listed = await unwrap(patient.GET("/api/v1/patients/{id}/documents", {
      params: { path: { id: registered.patient_id } },
    }));
    const entry = listed.items.find((d) => d.id === receipt.id);
    assert.equal(entry?.title, "Blood count");
    assert.equal(entry?.file_name, "blood-count.bin");

    const back = await patient.downloadDocument(receipt.id);
    assert.deepEqual(back, bytes);

    // A Blob works as well as bytes.
    const note = new Blob(["feeling better\n"], { type: "text/plain" });
    const second = await patient.uploadDocument(registered.patient_id, {
      file: note, fileName: "note.txt", title: "Diary", kind: "other",
    });
    assert.equal(new TextDecoder().decode(await patient.downloadDocument(second.id)), "feeling better\n");
  });

  await step("the doctor writes a prescription and the patient downloads its PDF", async () => {
    const prescription = await unwrap(doctor.POST("/api/v1/prescriptions", {
      body: {
        patient_id: registered.patient_id,
        appointment_id: appointment.id,
        items: [{
          medication: "Amoxicillin",
          dose: "500 mg",
          route: "oral",
          frequency: "three times daily",
          duration_days: 7,
          quantity: 21,
          refills: 0,
          instructions: "After meals.",
        }],
      },
    }));
    assert.equal(prescription.status, "active");
    assert.equal(prescription.items[0]?.medication, "Amoxicillin");

    const mine = await unwrap(patient.GET("/api/v1/prescriptions", {
      params: { query: { patient_id: registered.patient_id } },
    }));
    assert.ok(mine.items.some((p) => p.id === prescription.id), "the patient sees the prescription");

    const pdf = await patient.downloadPrescriptionPdf(prescription.id);
    assert.equal(new TextDecoder().decode(pdf.subarray(0, 5)), "%PDF-");
  });

  await step("an unknown id is a 404 ProblemError", async () => {
    const missing = randomUUID();
    const problem = await rejectsWith(
      unwrap(patient.GET("/api/v1/appointments/{id}", { params: { path: { id: missing } } })),
      404,
    );
    assert.equal(problem.response?.headers.get("content-type"), "application/problem+json");
    await rejectsWith(patient.downloadDocument(missing), 404);
  });

  await step("invalid input is a 422 ProblemError naming the problem", async () => {
    const short = await rejectsWith(
      unwrap(createClient({ baseUrl }).POST("/api/v1/auth/register", {
        body: { hospital: slug, email: `short-${run}@sdk-ts.test`, password: "short", full_name: "Short" },
      })),
      422,
    );
    assert.match(short.detail, /password/);
    const zone = await rejectsWith(
      unwrap(doctor.PUT("/api/v1/doctors/{id}/availability", {
        params: { path: { id: doc.id } },
        body: { timezone: "Mars/Olympus_Mons", slot_minutes: 30, rules: [] },
      })),
      422,
    );
    assert.match(zone.detail, /zone|timezone/i);
  });

  await step("wrong credentials are a 401 ProblemError and keep no token", async () => {
    const stranger = createClient({ baseUrl });
    await rejectsWith(stranger.login({ email: emails.patient, password: "not-the-password", hospital: slug }), 401);
    assert.equal(stranger.token, undefined);
  });

  await step("after logout the old token answers 401", async () => {
    const token = patient.token;
    assert.ok(token);
    await patient.logout();
    assert.equal(patient.token, undefined);
    await rejectsWith(unwrap(createClient({ baseUrl, token }).GET("/api/v1/auth/me")), 401);
  });
});
