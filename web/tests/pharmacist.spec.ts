// A pharmacist at work: signed in, the Dispense page is their home; a prescription's verification
// code, typed as read off the paper, shows whether it is genuine, its medications and its PDF, and
// Dispense marks it dispensed, once. Codes of other hospitals and unknown codes are said in words,
// and a custom role without prescriptions (a nurse) has no Dispense page.
import { expect, test } from "@playwright/test";
import {
  BOS,
  DR_THAPA,
  KTM,
  PASSWORD,
  PHARMACIST,
  apiLogin,
  bearer,
  bookedByApi,
  expectAccessible,
  expectPdfOpens,
  freshEmail,
  prescribedByApi,
  shot,
  signIn,
  takenOnByApi,
} from "./support";

test("a pharmacist dispenses a prescription by its verification code", async ({ page, request }, info) => {
  const { patient, doctor } = await takenOnByApi(request, "Hari Bhandari");
  const { id, code } = await prescribedByApi(request, doctor, patient, "Levetiracetam");

  await signIn(page, PHARMACIST.email, PHARMACIST.password, KTM.slug);
  await expect(page.getByRole("heading", { level: 1, name: "Dispense a prescription" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dispense" })).toBeVisible();
  await expectAccessible(page);
  // As read off the paper: lower case, no dashes.
  await page.getByLabel("Verification code").fill(code.replace(/-/g, "").toLowerCase());
  await page.getByRole("button", { name: "Look up" }).click();
  const found = page.getByRole("region", { name: "Genuine prescription" });
  await expect(found).toContainText("active");
  await expect(found).toContainText(`${DR_THAPA.name} (Licence number: NMC-10234)`);
  await expect(found).toContainText("Kathmandu Valley Hospital");
  await expect(found).toContainText("Levetiracetam 3 mg, oral, nightly, for 14 days. Quantity 14, refills 0.");
  await expectAccessible(page);
  await shot(page, info, "dispense");
  // The PDF names the patient, to check against the person at the counter.
  await expectPdfOpens(page, found.getByRole("button", { name: "Open PDF" }), "Hari Bhandari", code);

  await found.getByRole("button", { name: "Dispense" }).click();
  await expect(found.getByRole("status")).toContainText("Dispensed.");
  await expect(found).toContainText("dispensed");
  await expect(found.getByRole("button", { name: "Dispense" })).toHaveCount(0);
  const after = await request.get(`/api/v1/prescriptions/${id}`, { headers: bearer(doctor) });
  expect((await after.json()).status).toBe("dispensed");

  // Looked up again, it is not dispensed twice.
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(found).toContainText("dispensed");
  await expect(found).toContainText("Only an active prescription can be dispensed.");
  await expect(found.getByRole("button", { name: "Dispense" })).toHaveCount(0);
});

test("a pharmacist is told when a code is unknown or another hospital's", async ({ page, request }) => {
  // Boston Harbor takes bookings without approval: the patient is on Dr Okafor's care team at once.
  const { id } = await bookedByApi(request, BOS, "Dr. Chidi Okafor", "Jordan Ellis");
  const okafor = await apiLogin(request, "dr.okafor@boston-harbor.demo", "demo-doctor-bos-1", BOS.slug);
  const a = await (await request.get(`/api/v1/appointments/${id}`, { headers: bearer(okafor) })).json();
  const { code } = await prescribedByApi(request, okafor, a.patient_id, "Albuterol");

  await signIn(page, PHARMACIST.email, PHARMACIST.password, KTM.slug);
  await page.getByLabel("Verification code").fill("AAAA-BBBB-CCCC");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("alert")).toContainText("No prescription has this code");

  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Look up" }).click();
  const found = page.getByRole("region", { name: "Genuine prescription" });
  await expect(found).toContainText("Boston Harbor Clinic issued it and only its pharmacy can dispense it");
  await expect(found).not.toContainText("Albuterol");
  await expect(found.getByRole("button", { name: "Dispense" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a nurse, whose role has no prescriptions, has no Dispense page", async ({ page, request }) => {
  const admin = await apiLogin(request, KTM.admin, KTM.adminPassword, KTM.slug);
  const email = freshEmail("nurse");
  const r = await request.post("/api/v1/staff", {
    headers: bearer(admin),
    data: { email, full_name: "Sabina Magar", password: PASSWORD, role: "nurse" },
  });
  expect(r.status(), await r.text()).toBe(201);
  await signIn(page, email, PASSWORD, KTM.slug);
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dispense" })).toHaveCount(0);
});
