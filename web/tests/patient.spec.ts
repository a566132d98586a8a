// A patient's first visit, as a new user would make it: create an account, find a doctor, pick
// a free time in their own time zone, request the appointment, see it listed; Nepali on the way;
// the session ending sends them to sign in and back. Runs on a desktop and on a 390×844 phone.
import { expect, test } from "@playwright/test";
import { DR_THAPA, KTM, PASSWORD, expectAccessible, freshEmail, shot } from "./support";

test("a new patient registers, finds a doctor and requests an appointment", async ({ page }, info) => {
  const email = freshEmail("patient");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, info, "sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Full name").fill("Maya Gurung");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Hospital").fill(KTM.slug);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Find a doctor" })).toBeVisible();
  await expect(page).toHaveURL(/\/doctors$/);
  await page.getByLabel("Search by name or specialty").fill("neuro");
  await expect(page.getByRole("button", { name: /^Book / })).toHaveCount(1);
  await expectAccessible(page);
  await shot(page, info, "find-a-doctor");
  await page.getByRole("button", { name: `Book ${DR_THAPA.name}` }).click();

  await expect(page.getByRole("heading", { name: DR_THAPA.name })).toBeVisible();
  const first = page.getByRole("button", { name: /^\d\d:\d\d$/ }).first();
  await expect(first).toBeVisible();
  const time = (await first.textContent())!;
  // Free times sit under a heading that names their day.
  await expect(page.getByRole("heading", { level: 3 }).first()).toContainText(/\d/);
  await first.click();
  await expect(first).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Reason").fill("Headaches at night for two weeks");
  await expectAccessible(page);
  await shot(page, info, "book");
  await page.getByRole("button", { name: "Request appointment" }).click();

  await expect(page.getByRole("heading", { name: "My appointments" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your appointment is booked." })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await expect(row).toHaveCount(1);
  // Kathmandu Valley approves requests first.
  await expect(row).toContainText("requested");
  await expect(row).toContainText(time);
  await expectAccessible(page);
  await shot(page, info, "my-appointments");

  // Nepali, remembered across a reload.
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("heading", { name: "मेरा अपोइन्टमेन्टहरू" })).toBeVisible();
  await expect(row).toContainText("अनुरोध गरिएको");
  await page.reload();
  await expect(page.getByRole("heading", { name: "मेरा अपोइन्टमेन्टहरू" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ne");
  await expectAccessible(page);
  await shot(page, info, "my-appointments-ne");
  await page.getByLabel("भाषा").selectOption("en");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/appointments");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("an ended session sends the patient to sign in and back where they were", async ({ page }) => {
  const email = freshEmail("patient");
  await page.goto("/register");
  await page.getByLabel("Full name").fill("Hari Tamang");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Hospital").fill(KTM.slug);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Find a doctor" })).toBeVisible();
  // The session ends on the server (as after idle expiry or a sign-out elsewhere).
  const token = await page.evaluate(() => localStorage.getItem("carebridge.token"));
  const out = await page.request.post("/api/v1/auth/logout", { headers: { authorization: `Bearer ${token}` } });
  expect(out.status()).toBe(204);
  await page.getByRole("link", { name: "My appointments" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Your session ended");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My appointments" })).toBeVisible();
});

test("wrong credentials are answered in words and nothing else happens", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not the password");
  await page.getByLabel("Hospital").fill(KTM.slug);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("email or password is incorrect");
  await expect(page).toHaveURL(/\/sign-in$/);
});
