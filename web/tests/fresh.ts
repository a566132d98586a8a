// A hospital of a journey's own, onboarded through the API by the demo's super admin, so that a
// journey may change its settings, deactivate its staff or fill its calendar without touching
// the demo hospitals that other journeys share; and a doctor of it with open hours.
import { expect, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { PASSWORD, apiLogin, bearer, freshEmail } from "./support";

export const SUPER = { email: "super@carebridge.local", password: "demo-super-admin-pass" };

export type Fresh = { id: string; slug: string; name: string; admin: string; adminToken: string };

/** A new hospital (Khalti in NPR unless `provider` says otherwise) and its admin's token. */
export async function freshHospital(
  request: APIRequestContext,
  options: { provider?: "khalti" | "stripe" | "none"; approval?: boolean; currency?: string } = {},
): Promise<Fresh> {
  const login = await request.post("/api/v1/auth/login", { data: { email: SUPER.email, password: SUPER.password } });
  expect(login.status(), await login.text()).toBe(200);
  const root = (await login.json()).token as string;
  const slug = `journey-${randomUUID().slice(0, 8)}`;
  const name = `Journey Clinic ${slug.slice(8)}`;
  const admin = freshEmail("admin");
  const r = await request.post("/api/v1/hospitals", {
    headers: bearer(root),
    data: {
      name,
      slug,
      timezone: "Asia/Kathmandu",
      currency: options.currency ?? "NPR",
      appointment_fee: 50000,
      payment_provider: options.provider ?? "khalti",
      approval_required: options.approval ?? true,
      admin: { email: admin, full_name: "Gita Adhikari", password: PASSWORD },
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const id = (await r.json()).id as string;
  return { id, slug, name, admin, adminToken: await apiLogin(request, admin, PASSWORD, slug) };
}

/** A new doctor of `h` named `name`: their email, doctor id and user id. */
export async function freshDoctor(request: APIRequestContext, h: Fresh, name: string) {
  const email = freshEmail("dr");
  const r = await request.post("/api/v1/doctors", {
    headers: bearer(h.adminToken),
    data: { email, full_name: name, password: PASSWORD, specialization: "General practice", license_number: randomUUID() },
  });
  expect(r.status(), await r.text()).toBe(201);
  const d = await r.json();
  return { email, id: d.id as string, userId: d.user_id as string };
}

/** Opens `doctorId`'s calendar every day around the clock in five-minute visits. */
export async function openAllDay(request: APIRequestContext, h: Fresh, doctorId: string) {
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "23:55" }));
  const r = await request.put(`/api/v1/doctors/${doctorId}/availability`, {
    headers: bearer(h.adminToken),
    data: { timezone: "UTC", slot_minutes: 5, rules },
  });
  expect(r.status(), await r.text()).toBe(200);
}

/** A new patient of `h`, registered as a patient would: their email and token. */
export async function freshPatient(request: APIRequestContext, h: Fresh, name: string) {
  const email = freshEmail("patient");
  const r = await request.post("/api/v1/auth/register", {
    data: { hospital: h.slug, email, password: PASSWORD, full_name: name },
  });
  expect(r.status(), await r.text()).toBe(201);
  const body = await r.json();
  return { email, patientId: body.patient_id as string, token: await apiLogin(request, email, PASSWORD, h.slug) };
}

/**
 * A visit of `patient` with `doctor` that took place just now: `h` lets patients book without
 * notice, the patient books the doctor's next free time, and the doctor starts and completes it
 * (all through the API). Needs `h` without approval or payment and the doctor open all day.
 * Answers the appointment's id.
 */
export async function completedVisit(
  request: APIRequestContext,
  h: Fresh,
  doctor: { email: string; id: string },
  patient: { token: string },
) {
  const notice = await request.patch(`/api/v1/hospitals/${h.id}`, {
    headers: bearer(h.adminToken),
    data: { min_notice_minutes: 0 },
  });
  expect(notice.status(), await notice.text()).toBe(200);
  const now = new Date();
  const slots = await (
    await request.get(`/api/v1/doctors/${doctor.id}/slots`, {
      headers: bearer(patient.token),
      params: { from: now.toISOString(), to: new Date(now.getTime() + 3_600_000).toISOString() },
    })
  ).json();
  const booked = await request.post("/api/v1/appointments", {
    headers: bearer(patient.token),
    data: { doctor_id: doctor.id, start_at: slots.items[0].start_at, reason: "Follow-up" },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const id = (await booked.json()).id as string;
  const token = await apiLogin(request, doctor.email, PASSWORD, h.slug);
  for (const step of ["start", "complete"]) {
    const r = await request.post(`/api/v1/appointments/${id}/${step}`, { headers: bearer(token), data: {} });
    expect(r.status(), await r.text()).toBe(200);
  }
  return id;
}
