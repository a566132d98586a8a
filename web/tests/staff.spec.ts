// Staff in the browser: a doctor approves a request from the queue; two-factor sign-in from
// enrolment (QR code, first code, recovery codes shown once) to the code step and a recovery
// code; a hospital that requires it sends staff to enrolment before anything else.
import { expect, test } from "@playwright/test";
import {
  BOS,
  DR_THAPA,
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
