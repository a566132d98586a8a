// An appointment's life after booking, in the browser: a patient cancels (told first whether a
// payment comes back), reschedules to another free time, or accepts a time the doctor proposed;
// a doctor starts and completes a consultation in a hospital of the journey's own whose doctor
// sees patients around the clock.
import { expect, test } from "@playwright/test";
import { freshDoctor, freshHospital, freshPatient, openAllDay } from "./fresh";
import { BOS, DR_THAPA, KTM, PASSWORD, bearer, bookedByApi, expectAccessible, shot, signIn } from "./support";

test("a patient cancels a requested appointment, told first that nothing was paid", async ({ page, request }, info) => {
  const { email } = await bookedByApi(request, KTM, DR_THAPA.name, "Bimala Cancel");
  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await expect(row).toContainText("requested");
  await row.getByRole("button", { name: "Cancel" }).click();
  const ask = row.getByRole("group", { name: /Cancel your appointment with Dr. Ram Thapa on/ });
  await expect(ask).toContainText("Nothing has been paid for it yet");
  await expect(row.getByRole("button", { name: "Cancel appointment" })).toBeFocused();
  await expectAccessible(page);
  await shot(page, info, "cancel-confirm");
  // Changing one's mind leaves it as it was.
  await row.getByRole("button", { name: "Keep appointment" }).click();
  await expect(ask).toHaveCount(0);
  await row.getByRole("button", { name: "Cancel" }).click();
  await row.getByLabel("Reason for cancelling (optional)").fill("Feeling better");
  await row.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(row).toContainText("cancelled");
  await expect(row.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Reschedule" })).toHaveCount(0);
});

test("a patient who paid is told the cancellation and refund rules before cancelling", async ({ page, request }) => {
  const { email } = await bookedByApi(request, BOS, "Dr. Chidi Okafor", "Jordan Refund");
  await signIn(page, email, PASSWORD, BOS.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "Dr. Chidi Okafor" });
  await row.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("heading", { name: "Stripe Checkout (sandbox)" })).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Payment received" })).toBeVisible();
  await expect(row).toContainText("confirmed");

  await row.getByRole("button", { name: "Cancel" }).click();
  const ask = row.getByRole("group", { name: /Cancel your appointment with Dr. Chidi Okafor/ });
  // Boston Harbor's cancellation and refund windows, read from the hospital.
  await expect(ask).toContainText("You can cancel a confirmed appointment until 24 hours before it starts.");
  await expect(ask).toContainText("If you have paid, the payment is refunded when you cancel at least 24 hours before the start");
  await expectAccessible(page);
  await row.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(row).toContainText("cancelled");
});

test("a patient reschedules a request to another free time", async ({ page, request }, info) => {
  const { email } = await bookedByApi(request, KTM, DR_THAPA.name, "Rekha Move");
  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const rows = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await expect(rows).toHaveCount(1);
  const before = (await rows.locator(".when").textContent())!;
  await rows.getByRole("button", { name: "Reschedule" }).click();
  const picker = rows.getByRole("group", { name: "Choose a new time" });
  const slot = picker.getByRole("button", { name: /^\d\d:\d\d$/ }).first();
  const time = (await slot.textContent())!;
  await slot.click();
  await expect(slot).toHaveAttribute("aria-pressed", "true");
  const ask = picker.getByRole("group", { name: /^Move this appointment to / });
  await expect(ask).toContainText(time);
  await expect(ask).toContainText("The new time is requested as a new appointment");
  await expect(ask).toContainText("Nothing has been paid for it yet");
  await expectAccessible(page);
  await shot(page, info, "reschedule");
  await picker.getByRole("button", { name: "Confirm new time" }).click();

  // The new request, and the old one cancelled.
  await expect(rows).toHaveCount(2);
  const moved = rows.filter({ hasText: "requested" });
  await expect(moved).toContainText(time);
  await expect(moved.locator(".when")).not.toHaveText(before);
  await expect(rows.filter({ hasText: "cancelled" }).locator(".when")).toHaveText(before);
});

test("a doctor proposes another time with a reason, and the patient accepts it", async ({ page, request }, info) => {
  const { email } = await bookedByApi(request, KTM, DR_THAPA.name, "Mina Proposal");
  await signIn(page, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const row = page.getByRole("listitem").filter({ hasText: "Mina Proposal" });
  await row.getByRole("button", { name: "Propose a time" }).click();
  const form = row.getByRole("form", { name: "Propose a time" });
  // A reason is needed.
  const slot = form.getByRole("button", { name: /^\d\d:\d\d$/ }).last();
  const time = (await slot.textContent())!;
  await slot.click();
  await form.getByLabel("Reason for the new time").fill("I am in surgery that morning");
  await expectAccessible(page);
  await shot(page, info, "propose");
  await form.getByRole("button", { name: "Propose this time" }).click();
  await expect(row).toContainText("waiting for the patient");
  await expect(row).toContainText(time);
  await expect(row).toContainText("requested");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const mine = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await expect(mine).toContainText("The doctor proposes another time");
  await expect(mine).toContainText("I am in surgery that morning");
  await expectAccessible(page);
  await mine.getByRole("button", { name: "Accept new time" }).click();
  // Accepting a doctor's time is the doctor's approval: Kathmandu Valley then takes payment.
  await expect(mine).toContainText("awaiting payment");
  await expect(mine.locator(".when")).toContainText(time);
  await expect(mine).not.toContainText("proposes");
});

test("a doctor starts and completes a consultation", async ({ page, request }, info) => {
  const h = await freshHospital(request, { provider: "none", approval: false });
  const notice = await request.patch(`/api/v1/hospitals/${h.id}`, {
    headers: bearer(h.adminToken),
    data: { min_notice_minutes: 0 },
  });
  expect(notice.status()).toBe(200);
  const doctor = await freshDoctor(request, h, "Dr. Sabin Rana");
  await openAllDay(request, h, doctor.id);
  // The patient books the next free time, minutes from now; no approval, no payment here.
  const patient = await freshPatient(request, h, "Prakash Now");
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
  expect((await booked.json()).status).toBe("confirmed");

  await signIn(page, doctor.email, PASSWORD, h.slug);
  const row = page.getByRole("listitem").filter({ hasText: "Prakash Now" });
  await expect(row).toContainText("confirmed");
  await expect(row.getByRole("button", { name: "Complete" })).toHaveCount(0);
  await expectAccessible(page);
  await row.getByRole("button", { name: "Start" }).click();
  await expect(row).toContainText("in progress");
  await expect(row.getByRole("button", { name: "Start" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Propose a time" })).toHaveCount(0);
  await shot(page, info, "in-progress");
  await row.getByRole("button", { name: "Complete" }).click();
  await expect(row).toContainText("completed");
  await expect(row.getByRole("button")).toHaveCount(0);
});
