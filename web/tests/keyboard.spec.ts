// Keyboard-only use (desktop): the skip link comes first, then the sign-in form in reading order;
// Enter submits, and the next page's title takes focus so that a screen reader announces it.
import { expect, test } from "@playwright/test";
import { KTM, PASSWORD, freshEmail } from "./support";

test("signing in works with the keyboard alone, in reading order", async ({ page }) => {
  const email = freshEmail("keys");
  const reg = await page.request.post("/api/v1/auth/register", {
    data: { hospital: KTM.slug, email, password: PASSWORD, full_name: "Keyboard User" },
  });
  expect(reg.status()).toBe(201);
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  const labels: string[] = [];
  for (const text of [email, PASSWORD, KTM.slug]) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.id ?? "");
    labels.push((await page.locator(`label[for="${id}"]`).textContent()) ?? "");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text);
  }
  expect(labels).toEqual(["Email", "Password", "Hospital"]);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Find a doctor" })).toBeFocused();
});
