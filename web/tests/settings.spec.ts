// A hospital admin runs their hospital in the browser: its settings (a wrong value refused in
// words, the rest saved and read back), its audit trail filtered by action, person and date,
// and the AI model registry. Settings change a hospital of the journey's own.
import { expect, test } from "@playwright/test";
import { freshDoctor, freshHospital } from "./fresh";
import { KTM, PASSWORD, bearer, expectAccessible, shot, signIn } from "./support";

test("a hospital admin changes the hospital's settings; wrong values are refused in words", async ({ page, request }, info) => {
  const h = await freshHospital(request);
  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  // As onboarded: approval on, Khalti, NPR 500, the defaults of the booking rules.
  await expect(page.getByLabel("Approval required")).toBeChecked();
  await expect(page.getByLabel("Payment provider")).toHaveValue("khalti");
  await expect(page.getByLabel("Appointment fee")).toHaveValue("500");
  await expect(page.getByLabel("Booking horizon (days)")).toHaveValue("60");
  await expect(page.getByLabel("Minimum notice (minutes)")).toHaveValue("60");
  await expect(page.getByLabel("Cancellation window (hours)")).toHaveValue("24");
  await expect(page.getByLabel("Refund window (hours)")).toHaveValue("24");
  await expect(page.getByLabel("Time to pay (minutes)")).toHaveValue("30");
  await expect(page.getByLabel("AI assistance")).not.toBeChecked();
  // Suspension is the super admin's: not offered.
  await expect(page.getByLabel(/suspend/i)).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, info, "settings");

  // Out of range: the server's 422, with the field named as the form names it.
  await page.getByLabel("Booking horizon (days)").fill("400");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toHaveText("Booking horizon (days) must be between 1 and 365.");
  // Not a number at all: said before anything is sent.
  await page.getByLabel("Booking horizon (days)").fill("ninety");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toHaveText("Booking horizon (days) must be a whole number.");
  // Khalti takes NPR only.
  await page.getByLabel("Booking horizon (days)").fill("90");
  await page.getByLabel("Currency").fill("USD");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toContainText("Khalti takes payments in NPR only");
  await expectAccessible(page);

  await page.getByLabel("Currency").fill("NPR");
  await page.getByLabel("Approval required").uncheck();
  await page.getByLabel("Appointment fee").fill("650");
  await page.getByLabel("Cancellation window (hours)").fill("12");
  await page.getByLabel("Minimum notice (minutes)").fill("30");
  await page.getByLabel("Refund window (hours)").fill("48");
  await page.getByLabel("Time to pay (minutes)").fill("45");
  await page.getByLabel("AI assistance").check();
  await page.getByLabel("AI sleep staging").check();
  await page.getByLabel("AI chest X-ray triage").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  // Read back from the server.
  await page.reload();
  await expect(page.getByLabel("Booking horizon (days)")).toHaveValue("90");
  await expect(page.getByLabel("Approval required")).not.toBeChecked();
  await expect(page.getByLabel("Appointment fee")).toHaveValue("650");
  await expect(page.getByLabel("Cancellation window (hours)")).toHaveValue("12");
  await expect(page.getByLabel("Minimum notice (minutes)")).toHaveValue("30");
  await expect(page.getByLabel("Refund window (hours)")).toHaveValue("48");
  await expect(page.getByLabel("Time to pay (minutes)")).toHaveValue("45");
  await expect(page.getByLabel("AI assistance")).toBeChecked();
  await expect(page.getByLabel("AI sleep staging")).toBeChecked();
  await expect(page.getByLabel("AI chest X-ray triage")).not.toBeChecked();
  const stored = await (await request.get(`/api/v1/hospitals/${h.id}`, { headers: bearer(h.adminToken) })).json();
  expect(stored).toMatchObject({
    approval_required: false,
    appointment_fee: 65000,
    booking_horizon_days: 90,
    refund_window_hours: 48,
    payment_window_minutes: 45,
  });

  // In Nepali, with the server's 422 in Nepali words too.
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("heading", { name: "सेटिङहरू" })).toBeVisible();
  await page.getByLabel("बुकिङ अवधि (दिन)").fill("0");
  await page.getByRole("button", { name: "सेटिङहरू सुरक्षित गर्नुहोस्" }).click();
  await expect(page.getByRole("alert")).toHaveText("बुकिङ अवधि (दिन) १ देखि ३६५ सम्म हुनुपर्छ।");
  await expectAccessible(page);
  await shot(page, info, "settings-ne");
});

test("a hospital admin reads the audit trail, filtered by action, person and date", async ({ page, request }, info) => {
  const h = await freshHospital(request);
  const doctor = await freshDoctor(request, h, "Dr. Audit Karki");
  const patch = await request.patch(`/api/v1/hospitals/${h.id}`, {
    headers: bearer(h.adminToken),
    data: { booking_horizon_days: 30 },
  });
  expect(patch.status()).toBe(200);
  // The doctor signs in once: an event of theirs.
  const login = await request.post("/api/v1/auth/login", { data: { email: doctor.email, password: PASSWORD, hospital: h.slug } });
  expect(login.status()).toBe(200);

  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "hospital.update" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "doctor.create" })).toHaveCount(1);
  // Newest first: the admin's own sign-in just now comes before the settings change.
  const actions = await page.getByRole("table").locator("tbody tr td:nth-child(3) code").allTextContents();
  expect(actions.indexOf("auth.login")).toBeLessThan(actions.indexOf("hospital.update"));
  await expectAccessible(page);
  await shot(page, info, "audit-trail");

  await page.getByLabel("Action").fill("hospital.update");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("You");

  // The doctor's events only: their sign-in, named.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Who acted").selectOption({ label: "Dr. Audit Karki" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("auth.login");
  await expect(page.locator("tbody tr")).toContainText("Dr. Audit Karki");

  // A date range after today holds nothing; a reversed one is refused in words.
  await page.getByRole("button", { name: "Clear filters" }).click();
  // Dates as the browser (in Kathmandu) counts them.
  const date = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kathmandu" }).format(ms);
  const today = date(Date.now());
  const tomorrow = date(Date.now() + 86_400_000);
  await page.getByLabel("From").fill(tomorrow);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No events match.")).toBeVisible();
  await page.getByLabel("To (included)").fill(today);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert")).toHaveText("“To” must not be before “From”.");
  // One page here: nothing older.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows.filter({ hasText: "doctor.create" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Older events" })).toBeDisabled();
});

test("a hospital admin reads the model registry", async ({ page }, info) => {
  await signIn(page, KTM.admin, KTM.adminPassword, KTM.slug);
  await page.getByRole("link", { name: "Models" }).click();
  await expect(page.getByRole("heading", { name: "Models" })).toBeVisible();
  const sleep = page.getByRole("region", { name: "Sleep staging" });
  await expect(sleep.getByRole("row", { name: /sleep-v1/ })).toContainText("active");
  await expect(sleep.getByRole("row", { name: /sleep-v1/ })).toContainText("%");
  await expect(page.getByRole("region", { name: "Chest X-ray triage" }).getByRole("row", { name: /xray-v1/ })).toContainText("active");
  // Which version is active is the platform's to change: no control for it here.
  await expect(page.getByRole("button")).toHaveText(["Sign out"]);
  await expectAccessible(page);
  await shot(page, info, "models");
});
