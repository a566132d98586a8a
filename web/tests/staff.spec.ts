// Staff in the browser: a doctor approves a request from the queue; two-factor sign-in from
// enrolment (QR code, first code, recovery codes shown once) to the code step and a recovery
// code; a hospital that requires it sends staff to enrolment before anything else; an admin
// deactivates a doctor, resets their two-factor and password, and changes a care team.
import { expect, test } from "@playwright/test";
import {
  BOS,
  DR_THAPA,
  freshEmail,
  KTM,
  PASSWORD,
  apiLogin,
  bearer,
  bookedByApi,
  expectAccessible,
  newDoctor,
  shot,
  signIn,
  totp,
} from "./support";
import { freshDoctor, freshHospital } from "./fresh";

test("a doctor approves a patient's request from the queue", async ({ page, request }, info) => {
  // A patient books through the API; the doctor works in the browser.
  await bookedByApi(request, KTM, DR_THAPA.name, "Sunita Rai");

  await signIn(page, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "Sunita Rai" });
  await expect(row).toContainText("requested");
  await expectAccessible(page);
  await shot(page, info, "doctor-appointments");
  await row.getByRole("button", { name: "Approve" }).click();
  // Kathmandu Valley takes payment before confirming.
  await expect(row).toContainText("awaiting payment");
  await expect(row.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("two-factor sign-in: enrolment, the code step, and a recovery code", async ({ page, request }, info) => {
  const email = await newDoctor(request, BOS);
  await signIn(page, email, PASSWORD, BOS.slug);
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
  await page.getByRole("link", { name: "Security" }).click();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code" })).toBeVisible();
  const key = (await page.locator("code.secret").textContent())!.replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32,}$/);
  await expectAccessible(page);
  await shot(page, info, "two-factor-enrol");
  await page.getByLabel("Authentication code").fill(totp(key));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await expectAccessible(page);
  await shot(page, info, "two-factor-recovery-codes");
  await page.getByRole("button", { name: "I have saved these codes" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();

  // The password alone is no longer enough; a wrong code is refused in words.
  await signIn(page, email, PASSWORD, BOS.slug);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, info, "two-factor-code-step");
  const right = totp(key, 1);
  await page.getByLabel("Authentication code").fill(String((Number(right) + 1) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("the code is wrong");
  await page.getByLabel("Authentication code").fill(right);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  // A recovery code instead of the app's code, once.
  await signIn(page, email, PASSWORD, BOS.slug);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
});

test("a hospital that requires two-factor sign-in sends staff to enrolment first", async ({ page, request }) => {
  const email = await newDoctor(request, BOS);
  const admin = await apiLogin(request, BOS.admin, BOS.adminPassword, BOS.slug);
  const me = await (await request.get("/api/v1/auth/me", { headers: bearer(admin) })).json();
  const set = (on: boolean) =>
    request.patch(`/api/v1/hospitals/${me.hospital_id}`, { headers: bearer(admin), data: { totp_required: on } });
  expect((await set(true)).status()).toBe(200);
  try {
    await signIn(page, email, PASSWORD, BOS.slug);
    await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("requires two-factor sign-in");
    await expect(page.getByRole("link", { name: "Appointments" })).toHaveCount(0);
    // A deep link leads back to enrolment.
    await page.goto("/appointments");
    await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const key = (await page.locator("code.secret").textContent())!.replace(/\s/g, "");
    await page.getByLabel("Authentication code").fill(totp(key));
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByRole("button", { name: "I have saved these codes" }).click();
    await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Appointments" })).toBeVisible();
  } finally {
    expect((await set(false)).status()).toBe(200);
  }
});

test("a hospital admin deactivates a doctor, reactivates them, and resets their two-factor and password", async ({
  page,
  request,
}, info) => {
  const h = await freshHospital(request);
  const name = "Dr. Maya Shrestha";
  const d = await freshDoctor(request, h, name);
  const login = () => request.post("/api/v1/auth/login", { data: { email: d.email, password: PASSWORD, hospital: h.slug } });
  // The doctor has two-factor sign-in on.
  const token = await apiLogin(request, d.email, PASSWORD, h.slug);
  const enrol = await request.post("/api/v1/auth/totp", { headers: bearer(token) });
  expect(enrol.status()).toBe(201);
  const confirm = await request.post("/api/v1/auth/totp/confirm", {
    headers: bearer(token),
    data: { code: totp((await enrol.json()).secret) },
  });
  expect(confirm.status()).toBe(200);

  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Staff" }).click();
  const row = page.getByRole("listitem").filter({ hasText: name });
  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(row.getByRole("group")).toContainText(`Deactivate ${name}? Their sessions end at once`);
  await expectAccessible(page);
  await shot(page, info, "staff-confirm");
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} is deactivated: their sessions have ended and they cannot sign in.`);
  expect((await login()).status()).toBe(401);
  // Read back from the server after a reload.
  await page.reload();
  await expect(row).toContainText("deactivated");
  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} is reactivated and can sign in again.`);
  await expect(row.getByRole("button", { name: `Deactivate ${name}` })).toBeVisible();
  // With two-factor on, the password step asks for a code.
  expect(await (await login()).json()).toMatchObject({ second_factor: "totp" });

  // A lost phone: the second factor is cleared (after going back once).
  await row.getByRole("button", { name: `Reset two-factor ${name}` }).click();
  await row.getByRole("button", { name: "Go back" }).click();
  await expect(row.getByRole("group")).toHaveCount(0);
  await row.getByRole("button", { name: `Reset two-factor ${name}` }).click();
  await row.getByRole("button", { name: "Yes, reset two-factor" }).click();
  await expect(row.getByRole("status")).toContainText(`Two-factor sign-in of ${name} is reset`);
  expect(await (await login()).json()).toHaveProperty("token");
  await row.getByRole("button", { name: `Reset two-factor ${name}` }).click();
  await row.getByRole("button", { name: "Yes, reset two-factor" }).click();
  await expect(row.getByRole("status")).toHaveText(`${name} has not set up two-factor sign-in: there is nothing to reset.`);

  // A forgotten password: a temporary one, shown once, changed at the next sign-in.
  await row.getByRole("button", { name: `Reset password ${name}` }).click();
  await row.getByRole("button", { name: "Yes, reset the password" }).click();
  await expect(row.getByRole("status")).toContainText(`Temporary password for ${name}:`);
  const temporary = (await row.getByRole("status").locator("code").textContent())!.trim();
  expect(temporary.length).toBeGreaterThanOrEqual(12);
  expect((await login()).status()).toBe(401);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, d.email, temporary, h.slug);
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Your hospital reset your password");
  // Other pages wait until it is changed.
  await page.goto("/appointments");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password").fill("my own new long secret");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, d.email, "my own new long secret", h.slug);
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
});

test("a hospital admin puts a doctor on a patient's care team and takes them off", async ({ page, request }, info) => {
  const h = await freshHospital(request);
  const d = await freshDoctor(request, h, "Dr. Hari Bhandari");
  await freshDoctor(request, h, "Dr. Nisha Joshi");
  const patient = "Kamala Thapa Magar";
  const created = await request.post("/api/v1/patients", {
    headers: bearer(h.adminToken),
    data: { email: freshEmail("patient"), full_name: patient, password: PASSWORD },
  });
  expect(created.status(), await created.text()).toBe(201);
  const patientId = (await created.json()).id as string;
  const doctor = await apiLogin(request, d.email, PASSWORD, h.slug);
  const doctorSees = async () => {
    const list = await (await request.get("/api/v1/patients", { headers: bearer(doctor) })).json();
    return (list.items as { id: string }[]).some((p) => p.id === patientId);
  };
  expect(await doctorSees()).toBe(false);

  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Care teams" }).click();
  await expect(page.getByRole("heading", { name: "Care teams" })).toBeVisible();
  await page.getByLabel("Search patients by name or email").fill("nobody like this");
  await expect(page.getByText("No patient on this page matches.")).toBeVisible();
  await page.getByLabel("Search patients by name or email").fill("kamala");
  const card = page.getByRole("listitem").filter({ hasText: patient });
  await card.getByLabel("Doctor").selectOption({ label: "Dr. Hari Bhandari · General practice" });
  await card.getByRole("button", { name: "Add to care team" }).click();
  await expect(card.getByRole("status")).toHaveText(`Dr. Hari Bhandari is now on the care team of ${patient}.`);
  expect(await doctorSees()).toBe(true);
  // The team as it stands now, read when opened.
  const team = card.getByText(`Care team of ${patient}`, { exact: true });
  await team.click();
  await expect(card.getByRole("group")).toContainText("Dr. Hari Bhandari · General practice · since");
  await expectAccessible(page);
  await shot(page, info, "care-teams");
  await team.click();
  await card.getByRole("button", { name: "Add to care team" }).click();
  await expect(card.getByRole("status")).toHaveText(
    `Dr. Hari Bhandari is already on the care team of ${patient}: nothing changed.`,
  );

  await card.getByRole("button", { name: "Remove from care team" }).click();
  await expect(card.getByRole("status")).toHaveText(`Dr. Hari Bhandari is no longer on the care team of ${patient}.`);
  expect(await doctorSees()).toBe(false);
  await card.getByRole("button", { name: "Remove from care team" }).click();
  await expect(card.getByRole("status")).toHaveText(
    `Dr. Hari Bhandari is not on the care team of ${patient}: nothing changed.`,
  );
  await team.click();
  await expect(card.getByRole("group")).toContainText("No doctor is on this patient's care team yet.");

  // The patient's part of the audit trail is one link away.
  await card.getByRole("link", { name: `Audit trail of ${patient}` }).click();
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expect(page.getByLabel("Patient")).toHaveValue(patientId);
  await expect(page.locator("tbody tr").filter({ hasText: "care_team.assign" })).toHaveCount(1);
  await expect(page.locator("tbody tr").filter({ hasText: "care_team.remove" })).toHaveCount(1);
});
