// The figures in the browser: a patient rates a completed visit once; the hospital admin's
// dashboard shows it with the rest of the hospital's figures as charts (and their tables); the
// super admin's platform page shows every hospital's counts, never a patient. The numbers on the
// pages are checked against rows the journey made, or against the API's own answer.
import { expect, test, type Page } from "@playwright/test";
import { completedVisit, freshDoctor, freshHospital, freshPatient, openAllDay, SUPER } from "./fresh";
import { KTM, PASSWORD, apiLogin, bearer, expectAccessible, shot, signIn } from "./support";

/** The value a `<dl class="facts">` gives for the term `term`. */
function fact(page: Page, term: string) {
  return page.locator(".facts div").filter({ has: page.getByRole("term").filter({ hasText: term }) }).getByRole("definition");
}

/** The table under the chart named `title`, opened. */
async function tableOf(page: Page, title: string) {
  const figure = page.getByRole("figure", { name: title });
  await expect(figure.getByRole("img", { name: title })).toBeVisible();
  await figure.getByText("Show as a table").click();
  return figure.getByRole("table");
}

function localDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test("a patient rates a completed visit once, and the hospital admin's dashboard shows it", async ({ page, request }, info) => {
  const h = await freshHospital(request, { provider: "none", approval: false });
  const doctor = await freshDoctor(request, h, "Dr. Mina Shrestha");
  await openAllDay(request, h, doctor.id);
  const patient = await freshPatient(request, h, "Kamala Rai");
  const visit = await completedVisit(request, h, doctor, patient);
  // Every script comes from the server itself (no CDN); the charts' only on the dashboard.
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });

  await signIn(page, patient.email, PASSWORD, h.slug);
  await page.getByRole("link", { name: "My appointments" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "Dr. Mina Shrestha" });
  await expect(row).toContainText("completed");
  const stars = row.getByRole("group", { name: "Rate this visit" });
  await expect(stars).toBeVisible();
  await row.getByRole("button", { name: "Send rating" }).click();
  await expect(row.getByRole("alert")).toHaveText("Choose from 1 to 5 stars.");
  await stars.getByRole("radio", { name: "4 stars" }).check();
  await row.getByLabel("Comment").fill("Clear advice, and on time.");
  await expectAccessible(page);
  await shot(page, info, "rate-visit");
  await row.getByRole("button", { name: "Send rating" }).click();
  await expect(row.getByRole("status")).toHaveText("You rated this visit 4 of 5. Thank you.");
  // Once: the question is gone after a reload, and the server refuses a second rating.
  await page.reload();
  await expect(row.getByRole("status")).toHaveText("You rated this visit 4 of 5. Thank you.");
  await expect(row.getByRole("group", { name: "Rate this visit" })).toHaveCount(0);
  const again = await request.post(`/api/v1/appointments/${visit}/rating`, { headers: bearer(patient.token), data: { stars: 1 } });
  expect(again.status()).toBe(409);
  await page.getByLabel("Language").selectOption("ne");
  await expect(row.getByRole("status")).toHaveText("तपाईंले यो भेटलाई ५ मध्ये ४ दिनुभयो। धन्यवाद।");
  await page.getByLabel("भाषा").selectOption("en");

  expect(scripts.filter((u) => u.includes("chartlib"))).toEqual([]);

  // The admin's dashboard: this hospital has exactly this one visit and its rating.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(fact(page, "Appointments")).toHaveText("1");
  await expect(fact(page, "Mean rating")).toHaveText("4 of 5 (1 rating)");
  await expect(fact(page, "No-show rate")).toHaveText("0%");
  const ratings = await tableOf(page, "Ratings per doctor");
  const mina = ratings.getByRole("row").filter({ hasText: "Dr. Mina Shrestha" });
  await expect(mina.getByRole("cell").nth(0)).toHaveText("1");
  await expect(mina.getByRole("cell").nth(1)).toHaveText("4");
  await expect(mina).toContainText("Clear advice, and on time.");
  const appointments = await tableOf(page, "Appointments by status per day");
  await expect(appointments.getByRole("columnheader", { name: "completed" })).toBeVisible();
  await expect(appointments.getByRole("row")).toHaveCount(2);
  expect(scripts.filter((u) => u.includes("chartlib"))).toHaveLength(1);
  const origin = new URL(page.url()).origin;
  expect(scripts.filter((u) => !u.startsWith(origin))).toEqual([]);
  await expectAccessible(page);
  await shot(page, info, "dashboard-fresh");
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("heading", { name: "ड्यासबोर्ड" })).toBeVisible();
  await expect(page.getByRole("img", { name: "डाक्टर अनुसार मूल्याङ्कन" })).toBeVisible();
  await expect(fact(page, "औसत मूल्याङ्कन")).toHaveText("५ मध्ये ४ (१ मूल्याङ्कन)");
  await shot(page, info, "dashboard-ne");
  await page.getByLabel("भाषा").selectOption("en");
});

test("the demo hospital's dashboard is not empty on a first look", async ({ page, request }, info) => {
  await signIn(page, KTM.admin, KTM.adminPassword, KTM.slug);
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // The same period through the API: the page's total is the API's, whatever other journeys booked.
  const token = await apiLogin(request, KTM.admin, KTM.adminPassword, KTM.slug);
  const api = await (
    await request.get("/api/v1/analytics/hospital", { headers: bearer(token), params: { from: localDay(-27), to: localDay(7) } })
  ).json();
  const total = Object.values(api.totals.appointments as Record<string, number>).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);
  await expect(fact(page, "Appointments")).toHaveText(String(total));
  await expect(fact(page, "Revenue")).toContainText("NPR");
  // The demo's completed and rated visit with Dr. Thapa.
  const ratings = await tableOf(page, "Ratings per doctor");
  await expect(ratings.getByRole("row").filter({ hasText: "Dr. Ram Thapa" })).toContainText("listened carefully");
  for (const chart of ["Appointments by status per day", "Revenue per day", "Doctor utilisation per day"]) {
    await expect(page.getByRole("img", { name: chart })).toBeVisible();
  }
  // The demo's X-ray triage job, once the worker has answered it (the demo tells its story as
  // the server starts).
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("img", { name: "Inference latency" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const latency = await tableOf(page, "Inference latency");
  await expect(latency.getByRole("row").filter({ hasText: "Chest X-ray" }).first()).toBeVisible();
  // Another period: only its days.
  await page.getByLabel("From", { exact: true }).fill(localDay(-2));
  await page.getByLabel("To", { exact: true }).fill(localDay(0));
  await page.getByRole("button", { name: "Show" }).click();
  const appointments = await tableOf(page, "Appointments by status per day");
  await expect(appointments.getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("From", { exact: true }).fill(localDay(-27));
  await page.getByLabel("To", { exact: true }).fill(localDay(7));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(fact(page, "Appointments")).toHaveText(String(total));
  await shot(page, info, "dashboard");
});

test("a super admin sees every hospital's figures on the platform page, and no patient", async ({ page, request }, info) => {
  const login = await request.post("/api/v1/auth/login", { data: SUPER });
  const root = (await login.json()).token as string;
  const api = await (
    await request.get("/api/v1/analytics/platform", { headers: bearer(root), params: { from: localDay(-27), to: localDay(7) } })
  ).json();
  const ktm = api.hospitals.find((x: { slug: string }) => x.slug === KTM.slug);
  const count = Object.values(ktm.appointments as Record<string, number>).reduce((a, b) => a + b, 0);

  await signIn(page, SUPER.email, SUPER.password, "");
  await page.getByRole("link", { name: "Platform" }).click();
  await expect(page.getByRole("heading", { name: "Platform", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Hospitals" });
  const row = table.getByRole("row").filter({ hasText: "Kathmandu Valley Hospital" });
  await expect(row.getByRole("cell").nth(0)).toHaveText(String(count));
  await expect(row.getByRole("cell").nth(1)).toContainText("NPR");
  await expect(row.getByRole("cell").nth(2)).toHaveText(String(ktm.active_users));
  await expect(table.getByRole("row").filter({ hasText: "Boston Harbor" })).toHaveCount(1);
  await expect(page.getByRole("img", { name: "Appointments per hospital" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Active users per hospital" })).toBeVisible();
  // Counts only: the demo patient's name appears nowhere.
  await expect(page.getByText("Asha Gurung")).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, info, "platform");
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("heading", { name: "प्लेटफर्म" })).toBeVisible();
  await expect(page.getByRole("img", { name: "अस्पताल अनुसार सक्रिय प्रयोगकर्ता" })).toBeVisible();
  await page.getByLabel("भाषा").selectOption("en");
});
