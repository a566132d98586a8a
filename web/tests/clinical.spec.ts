// Clinical decision support in the browser: a patient records their vitals and sees each set's
// NEWS2 score and risk; a set that is not low puts an alert at the top of their doctor's queue,
// who opens the chart, records a set there and acknowledges the alert. While booking, a
// patient's words bring suggested specialties and doctors, "suggested, not a diagnosis", which
// the hospital admin can switch off on the Settings page.
import { expect, test } from "@playwright/test";
import { freshDoctor, freshHospital, freshPatient, openAllDay } from "./fresh";
import { DR_THAPA, KTM, PASSWORD, apiLogin, bearer, expectAccessible, shot, signIn, takenOnByApi } from "./support";

test("a patient records vitals; a high NEWS2 alerts the doctor, who acknowledges it", async ({ page }, info) => {
  const name = "Hari Bista";
  const { email, patient } = await takenOnByApi(page.request, name);

  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "Records" }).click();
  const vitals = page.getByRole("region", { name: "Vitals" });
  await expect(vitals.getByText("No vitals recorded yet.")).toBeVisible();
  // An impossible value is refused by the server, in words.
  const fill = async (set: { rr: string; spo2: string; bp: string; hr: string; temp: string }) => {
    await vitals.getByLabel("Respiratory rate (breaths per minute)").fill(set.rr);
    await vitals.getByLabel("Oxygen saturation (%)").fill(set.spo2);
    await vitals.getByLabel("Systolic blood pressure (mmHg)").fill(set.bp);
    await vitals.getByLabel("Heart rate (beats per minute)").fill(set.hr);
    await vitals.getByLabel("Temperature (°C)").fill(set.temp);
  };
  await fill({ rr: "0", spo2: "97", bp: "120", hr: "70", temp: "36.8" });
  await vitals.getByRole("button", { name: "Record vitals" }).click();
  await expect(vitals.getByRole("alert")).toBeVisible();
  // Unremarkable: NEWS2 0.
  await fill({ rr: "16", spo2: "97", bp: "120", hr: "70", temp: "36.8" });
  await vitals.getByRole("button", { name: "Record vitals" }).click();
  await expect(vitals.getByRole("status").filter({ hasText: "Recorded" })).toHaveText("Recorded: NEWS2 0, low risk.");
  // Respiratory rate 25 (3), SpO2 92 (2), systolic 104 (1), pulse 112 (2), 38.4 °C (1): 9, high.
  await fill({ rr: "25", spo2: "92", bp: "104", hr: "112", temp: "38.4" });
  await vitals.getByRole("button", { name: "Record vitals" }).click();
  await expect(vitals.getByRole("status").filter({ hasText: "Recorded" })).toHaveText("Recorded: NEWS2 9, high risk.");
  const rows = vitals.getByRole("table", { name: "Vitals" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("high");
  await expect(rows.nth(2)).toContainText("low");
  await expectAccessible(page);
  await shot(page, info, "vitals-patient");
  // Recorded, and said so in the access log.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: `${name} (patient)` }).filter({ hasText: "added vitals" }).first()).toBeVisible();
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("heading", { name: "भाइटल्स" })).toBeVisible();
  await expect(page.getByRole("button", { name: "भाइटल्स रेकर्ड गर्नुहोस्" })).toBeVisible();
  await expect(page.getByRole("table", { name: "भाइटल्स" }).getByRole("row").nth(1)).toContainText("उच्च");
  await page.getByLabel("भाषा").selectOption("en");
  await page.getByRole("button", { name: "Sign out" }).click();

  // The doctor's queue: the alert first, with its score, risk and the way to the chart.
  await signIn(page, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const alerts = page.getByRole("region", { name: "Clinical alerts" });
  const alert = alerts.getByRole("listitem").filter({ hasText: name });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText("NEWS2 9, high risk");
  await expectAccessible(page);
  await shot(page, info, "alerts");
  await alert.getByRole("link", { name: `Open chart ${name}` }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const chart = page.getByRole("region", { name: "Vitals" });
  await expect(chart.getByRole("table", { name: "Vitals" }).getByRole("row")).toHaveCount(3);
  // Scale 2 on oxygen: SpO2 90 scores 0 there, oxygen 2.
  await chart.getByLabel("Respiratory rate (breaths per minute)").fill("18");
  await chart.getByLabel("Oxygen saturation (%)").fill("90");
  await chart.getByLabel("Oxygen saturation scale").selectOption("2");
  await chart.getByLabel("On oxygen").check();
  await chart.getByLabel("Systolic blood pressure (mmHg)").fill("124");
  await chart.getByLabel("Heart rate (beats per minute)").fill("80");
  await chart.getByLabel("Consciousness").selectOption("A");
  await chart.getByLabel("Temperature (°C)").fill("37.0");
  await chart.getByRole("button", { name: "Record vitals" }).click();
  await expect(chart.getByRole("status").filter({ hasText: "Recorded" })).toHaveText("Recorded: NEWS2 2, low risk.");
  await expect(chart.getByRole("table", { name: "Vitals" }).getByRole("row")).toHaveCount(4);
  await expectAccessible(page);
  await shot(page, info, "vitals-chart");

  await page.getByRole("link", { name: "Appointments" }).first().click();
  await alert.getByRole("button", { name: `Acknowledge ${name}` }).click();
  await expect(alert).toHaveCount(0);
  const open = await (await page.request.get("/api/v1/alerts", { headers: bearer(await token(page)), params: { patient_id: patient } })).json();
  expect(open.items).toEqual([]);

  // A new alert arrives while the queue is open (the socket's notification), without a reload.
  const own = await apiLogin(page.request, email, PASSWORD, KTM.slug);
  const r = await page.request.post(`/api/v1/patients/${patient}/vitals`, {
    headers: bearer(own),
    data: { respiratory_rate: 26, spo2: 91, spo2_scale: 1, on_oxygen: false, systolic_bp: 95, heart_rate: 120, consciousness: "A", temperature_c: 39.2 },
  });
  expect(r.status(), await r.text()).toBe(201);
  await expect(alert).toContainText("high risk", { timeout: 15_000 });
});

/** The signed-in user's token, as the app keeps it. */
async function token(page: import("@playwright/test").Page): Promise<string> {
  return (await page.evaluate(() => localStorage.getItem("carebridge.token")))!;
}

test("while booking, a patient's words bring suggested specialties; the admin can switch them off", async ({ page, request }, info) => {
  const h = await freshHospital(request, { approval: false });
  const doctor = await freshDoctor(request, h, "Dr. Bina Lama");
  await openAllDay(request, h, doctor.id);
  const patient = await freshPatient(request, h, "Sunita Tamang");
  const words = "chest pain and shortness of breath when I climb stairs";

  // Off while AI assistance is off (as onboarded): the admin turns both on in Settings.
  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("AI assistance").check();
  await page.getByLabel("AI specialty suggestions").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  const asked = await request.post("/api/v1/specialty-suggestions", { headers: bearer(patient.token), data: { reason: words } });
  expect(asked.status(), await asked.text()).toBe(200);
  const answer = await asked.json();
  await signIn(page, patient.email, PASSWORD, h.slug);
  await page.getByLabel("Describe what brings you in").fill(words);
  const suggested = page.getByRole("region", { name: /Suggested specialties/ });
  await expect(suggested).toContainText("suggested, not a diagnosis");
  // The page shows the server's specialties, in its order.
  const shown = suggested.locator(":scope > ul > li > strong");
  await expect(shown).toHaveText(answer.suggestions.map((x: { specialty: string }) => x.specialty));
  await expectAccessible(page);
  await shot(page, info, "suggestions");
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("region", { name: /सुझाइएका विशेषज्ञता/ })).toContainText("सुझाव मात्र, निदान होइन");
  await page.getByLabel("भाषा").selectOption("en");
  // The reason goes with the patient to the booking page.
  await page.getByRole("button", { name: "Book Dr. Bina Lama" }).click();
  // In the page's memory only: the words are about health, and an address is kept in history and logs.
  await expect(page).toHaveURL(/\/doctors\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: /^\d\d:\d\d$/ }).first().click();
  await expect(page.getByLabel("Reason")).toHaveValue(words);
  await expect(page.getByRole("region", { name: /Suggested specialties/ })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  // Switched off: nothing is suggested, and the API says so.
  await signIn(page, h.admin, PASSWORD, h.slug);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("AI specialty suggestions").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("AI specialty suggestions")).not.toBeChecked();
  await page.getByRole("button", { name: "Sign out" }).click();
  const off = await request.post("/api/v1/specialty-suggestions", { headers: bearer(patient.token), data: { reason: words } });
  expect(off.status()).toBe(409);
  await signIn(page, patient.email, PASSWORD, h.slug);
  await page.getByLabel("Describe what brings you in").fill(words);
  await page.waitForResponse((r) => r.url().endsWith("/api/v1/specialty-suggestions"));
  await expect(page.getByRole("region", { name: /Suggested specialties/ })).toHaveCount(0);
});

test("a nurse granted vitals finds a patient, records a set and acknowledges the alert it raised", async ({ page, request }, info) => {
  const h = await freshHospital(request);
  const permissions = [
    ["patient", "list"],
    ["patient", "read"],
    ["vitals", "create"],
    ["vitals", "list"],
    ["alert", "list"],
    ["alert", "acknowledge"],
  ].map(([object, action]) => ({ object, action }));
  const role = await request.post("/api/v1/roles", { headers: bearer(h.adminToken), data: { name: "nurse", permissions } });
  expect(role.status(), await role.text()).toBeLessThan(300);
  const nurse = `nurse-${Date.now()}@example.org`;
  const staff = await request.post("/api/v1/staff", {
    headers: bearer(h.adminToken),
    data: { email: nurse, full_name: "Sabina Magar", password: PASSWORD, role: "nurse" },
  });
  expect(staff.status(), await staff.text()).toBe(201);
  const name = "Kiran Thakuri";
  await freshPatient(request, h, name);

  await signIn(page, nurse, PASSWORD, h.slug);
  await expect(page).toHaveURL(/\/vitals$/);
  await expect(page.getByRole("heading", { name: "Vitals", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Clinical alerts" })).toContainText("No open alerts.");
  await page.getByLabel("Find a patient").fill("kiran");
  await page.getByRole("button", { name: `Vitals of ${name}` }).click();
  const vitals = page.getByRole("region", { name: "Vitals" });
  // Newly confused (C) scores 3 on its own: low–medium, an alert.
  await vitals.getByLabel("Respiratory rate (breaths per minute)").fill("14");
  await vitals.getByLabel("Oxygen saturation (%)").fill("98");
  await vitals.getByLabel("Systolic blood pressure (mmHg)").fill("130");
  await vitals.getByLabel("Heart rate (beats per minute)").fill("76");
  await vitals.getByLabel("Consciousness").selectOption("C");
  await vitals.getByLabel("Temperature (°C)").fill("36.9");
  await vitals.getByRole("button", { name: "Record vitals" }).click();
  await expect(vitals.getByRole("status").filter({ hasText: "Recorded" })).toHaveText("Recorded: NEWS2 3, low–medium risk.");
  await page.reload();
  const alert = page.getByRole("region", { name: "Clinical alerts" }).getByRole("listitem").filter({ hasText: name });
  await expect(alert).toContainText("NEWS2 3, low–medium risk");
  await expect(page.getByRole("table", { name: "Vitals" }).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
  await shot(page, info, "ward");
  await alert.getByRole("button", { name: `Acknowledge ${name}` }).click();
  await expect(alert).toHaveCount(0);
  // Twenty more sets: the newest twenty on the first page, the first set one page on.
  const token = await apiLogin(request, nurse, PASSWORD, h.slug);
  const patientId = new URL(page.url()).searchParams.get("patient")!;
  for (let i = 0; i < 20; i++) {
    const r = await request.post(`/api/v1/patients/${patientId}/vitals`, {
      headers: bearer(token),
      data: { respiratory_rate: 14, spo2: 98, spo2_scale: 1, on_oxygen: false, systolic_bp: 128, heart_rate: 70 + i, consciousness: "A", temperature_c: 36.8 },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
  await page.reload();
  const table = page.getByRole("table", { name: "Vitals" });
  await expect(table.getByRole("row")).toHaveCount(21);
  await expect(table.getByRole("row").nth(1)).toContainText("89");
  await page.getByRole("button", { name: "Older sets" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("low–medium");
  await page.getByRole("button", { name: "Newer sets" }).click();
  await expect(table.getByRole("row")).toHaveCount(21);
  await page.getByLabel("Language").selectOption("ne");
  await expect(page.getByRole("heading", { name: "भाइटल्स", level: 1 })).toBeVisible();
  await expect(page.getByLabel("बिरामी खोज्नुहोस्")).toBeVisible();
  await page.getByLabel("भाषा").selectOption("en");
});
