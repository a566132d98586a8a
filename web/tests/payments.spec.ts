// Paying in the browser through the local sandboxes of Khalti (Kathmandu Valley, after the
// doctor's approval) and Stripe (Boston Harbor, confirmed once paid): the Pay button, the
// provider's page, and back to the list, where only the server's verified outcome confirms.
import { expect, test } from "@playwright/test";
import { BOS, DR_THAPA, KTM, PASSWORD, apiLogin, bearer, bookedByApi, expectAccessible, shot, signIn } from "./support";

test("a patient pays with Khalti after the doctor's approval", async ({ page, request }, info) => {
  const { email, id } = await bookedByApi(request, KTM, DR_THAPA.name);
  const doctor = await apiLogin(request, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const ok = await request.post(`/api/v1/appointments/${id}/approve`, { headers: bearer(doctor), data: {} });
  expect(ok.status()).toBe(200);

  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await expect(row).toContainText("awaiting payment");
  await expect(row).toContainText("NPR");
  await expectAccessible(page);
  await shot(page, info, "awaiting-payment");
  await row.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("heading", { name: "Khalti (sandbox)" })).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page).toHaveURL(/\/appointments\?payment=/);
  await expect(page.getByRole("status").filter({ hasText: "Payment received" })).toBeVisible();
  await expect(row).toContainText("confirmed");
  await expect(row.getByRole("button", { name: "Pay" })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, info, "paid");
});

test("a patient pays with Stripe and the signed webhook confirms the booking", async ({ page, request }) => {
  const { email } = await bookedByApi(request, BOS, "Dr. Chidi Okafor");
  await signIn(page, email, PASSWORD, BOS.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "Dr. Chidi Okafor" });
  await expect(row).toContainText("awaiting payment");
  await expect(row).toContainText("$120.00");
  await row.getByRole("button", { name: "Pay" }).click();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(/\/appointments\?payment=/);
  await expect(page.getByRole("status").filter({ hasText: "Payment received" })).toBeVisible();
  await expect(row).toContainText("confirmed");
});

test("a patient who leaves the Khalti page without paying can pay again", async ({ page, request }) => {
  const { email, id } = await bookedByApi(request, KTM, DR_THAPA.name);
  const doctor = await apiLogin(request, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  await request.post(`/api/v1/appointments/${id}/approve`, { headers: bearer(doctor), data: {} });
  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await row.getByRole("button", { name: "Pay" }).click();
  // On Khalti's page (the appointment on the list has a Cancel of its own).
  await expect(page.getByRole("heading", { name: "Khalti (sandbox)" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/appointments\?payment=/);
  await expect(page.getByRole("status").filter({ hasText: "not completed" })).toBeVisible();
  await expect(row).toContainText("awaiting payment");
  await expect(row.getByRole("button", { name: "Pay" })).toBeVisible();
});
