// Running the platform in the browser: a super admin onboards a hospital with its first admin,
// suspends and reactivates it; that admin adds a doctor, and Kathmandu Valley's admin adds a
// pharmacist (a custom role).
import { expect, test } from "@playwright/test";
import { KTM, PASSWORD, expectAccessible, freshEmail, shot, signIn } from "./support";

test("a super admin onboards a hospital whose admin then adds a doctor", async ({ page }, info) => {
  const slug = `pokhara-${Date.now().toString(36)}`;
  const adminEmail = freshEmail("admin");
  await signIn(page, "super@carebridge.local", "demo-super-admin-pass", "");
  await expect(page.getByRole("heading", { name: "Hospitals" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kathmandu Valley Hospital" })).toBeVisible();
  await page.getByRole("button", { name: "Onboard hospital" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Pokhara Lakeside Clinic");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Time zone").fill("Asia/Kathmandu");
  await page.getByLabel("Currency").fill("NPR");
  await page.getByLabel("Appointment fee").fill("500");
  await page.getByLabel("Payment provider").selectOption("khalti");
  await page.getByLabel("Admin name").fill("Gita Adhikari");
  await page.getByLabel("Admin email").fill(adminEmail);
  await page.getByLabel("Admin password").fill(PASSWORD);
  await expectAccessible(page);
  await shot(page, info, "onboard-hospital");
  await page.getByRole("button", { name: "Create hospital" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "Pokhara Lakeside Clinic" });
  await expect(row).toContainText(slug);
  await expectAccessible(page);
  await shot(page, info, "hospitals");

  // Suspended, then reactivated.
  await row.getByRole("button", { name: "Suspend Pokhara Lakeside Clinic" }).click();
  await expect(row).toContainText("suspended");
  await row.getByRole("button", { name: "Reactivate Pokhara Lakeside Clinic" }).click();
  await expect(row).not.toContainText("suspended");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, adminEmail, PASSWORD, slug);
  await page.getByRole("link", { name: "Staff" }).click();
  await page.getByRole("button", { name: "Add staff member" }).click();
  await page.getByLabel("Full name").fill("Dr. Bikash Gurung");
  await page.getByLabel("Email").fill(freshEmail("dr"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Role").selectOption("doctor");
  await page.getByLabel("Specialization").fill("Paediatrics");
  await page.getByLabel("Licence number").fill(`NMC-${Date.now()}`);
  await expectAccessible(page);
  await shot(page, info, "add-staff");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dr. Bikash Gurung" })).toBeVisible();
});

test("a hospital admin adds a pharmacist, who signs in", async ({ page }) => {
  const email = freshEmail("pharmacist");
  await signIn(page, KTM.admin, KTM.adminPassword, KTM.slug);
  await page.getByRole("link", { name: "Staff" }).click();
  await page.getByRole("button", { name: "Add staff member" }).click();
  await page.getByLabel("Full name").fill("Ramesh KC");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Role").selectOption("pharmacist");
  await expect(page.getByLabel("Specialization")).toHaveCount(0);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("button", { name: "Add staff member" })).toBeVisible();
  // A duplicate is refused in words.
  await page.getByRole("button", { name: "Add staff member" }).click();
  await page.getByLabel("Full name").fill("Ramesh KC");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Role").selectOption("pharmacist");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("already");
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, PASSWORD, KTM.slug);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
