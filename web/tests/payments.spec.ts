// Paying in the browser through the local sandboxes of Khalti (Kathmandu Valley, after the
// doctor's approval) and Stripe (Boston Harbor, confirmed once paid): the Pay button, the
// provider's page, and back to the list, where only the server's verified outcome confirms.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BOS, DR_THAPA, KTM, PASSWORD, apiLogin, bearer, expectAccessible, freshEmail, shot } from "./support";

/** A new patient of `h` who booked the first free slot three days ahead with the doctor named `doctor`. */
async function booked(request: APIRequestContext, h: typeof KTM, doctor: string) {
  const email = freshEmail("payer");
  const reg = await request.post("/api/v1/auth/register", {
    data: { hospital: h.slug, email, password: PASSWORD, full_name: "Asha Payer" },
  });
  expect(reg.status()).toBe(201);
  const token = await apiLogin(request, email, PASSWORD, h.slug);
  const doctors = await (await request.get("/api/v1/doctors", { headers: bearer(token) })).json();
  const d = doctors.items.find((x: { full_name: string }) => x.full_name === doctor);
  const from = new Date(Date.now() + 3 * 86_400_000);
  const slots = await (
    await request.get(`/api/v1/doctors/${d.id}/slots`, {
      headers: bearer(token),
      params: { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() },
    })
  ).json();
  const a = await request.post("/api/v1/appointments", {
    headers: bearer(token),
    data: { doctor_id: d.id, start_at: slots.items[0].start_at, reason: "Check-up" },
  });
  expect(a.status(), await a.text()).toBe(201);
  return { email, id: (await a.json()).id as string };
}

async function signIn(page: Page, email: string, hospital: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Hospital").fill(hospital);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a patient pays with Khalti after the doctor's approval", async ({ page, request }, info) => {
  const { email, id } = await booked(request, KTM, DR_THAPA.name);
  const doctor = await apiLogin(request, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const ok = await request.post(`/api/v1/appointments/${id}/approve`, { headers: bearer(doctor), data: {} });
  expect(ok.status()).toBe(200);

  await signIn(page, email, KTM.slug);
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
  const { email } = await booked(request, BOS, "Dr. Chidi Okafor");
  await signIn(page, email, BOS.slug);
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
  const { email, id } = await booked(request, KTM, DR_THAPA.name);
  const doctor = await apiLogin(request, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  await request.post(`/api/v1/appointments/${id}/approve`, { headers: bearer(doctor), data: {} });
  await signIn(page, email, KTM.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: DR_THAPA.name });
  await row.getByRole("button", { name: "Pay" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/appointments\?payment=/);
  await expect(page.getByRole("status").filter({ hasText: "not completed" })).toBeVisible();
  await expect(row).toContainText("awaiting payment");
  await expect(row.getByRole("button", { name: "Pay" })).toBeVisible();
});
