// What the journeys share: the demo's accounts, calls to the API for setting up, an independent
// TOTP (RFC 6238) to play the authenticator app, axe-core, a PDF's text through poppler's pdftotext,
// and screenshots for web/screenshots.
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { createHmac, randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const KTM = { slug: "kathmandu-valley", admin: "admin@kathmandu-valley.demo", adminPassword: "demo-admin-ktm-1" };
export const BOS = { slug: "boston-harbor", admin: "admin@boston-harbor.demo", adminPassword: "demo-admin-bos-1" };
export const DR_THAPA = { email: "dr.thapa@kathmandu-valley.demo", password: "demo-doctor-ktm-1", name: "Dr. Ram Thapa" };
export const PASSWORD = "a long enough secret";

/** A new address nobody has used. */
export function freshEmail(who: string): string {
  return `${who}-${randomUUID().slice(0, 8)}@example.org`;
}

/** Signs in through the API; answers the token. */
export async function apiLogin(request: APIRequestContext, email: string, password: string, hospital: string) {
  const r = await request.post("/api/v1/auth/login", { data: { email, password, hospital } });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).token as string;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** A new doctor of `h`, made by its admin; answers the email. */
export async function newDoctor(request: APIRequestContext, h: typeof KTM): Promise<string> {
  const admin = await apiLogin(request, h.admin, h.adminPassword, h.slug);
  const email = freshEmail("dr");
  const r = await request.post("/api/v1/doctors", {
    headers: bearer(admin),
    data: { email, full_name: "Dr. Test Journey", password: PASSWORD, specialization: "General practice", license_number: randomUUID() },
  });
  expect(r.status(), await r.text()).toBe(201);
  return email;
}

function base32(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The six-digit code of `secret` (base32) for the 30-second step `step` steps from now. */
export function totp(secret: string, step = 0): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + step));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const at = mac[mac.length - 1]! & 15;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** With SCREENSHOTS=1, saves the page as web/screenshots/<project>-<name>.png. */
export async function shot(page: Page, info: TestInfo, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync("screenshots", { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-${name}.png`, fullPage: true });
}

/** Signs in through the form (an empty `hospital` for a super admin). */
export async function signIn(page: Page, email: string, password: string, hospital: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Hospital").fill(hospital);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A new patient of `h` (named `name`) who booked, through the API, the first free slot three days
 * ahead with the doctor named `doctor`: their email and the appointment's id.
 */
export async function bookedByApi(request: APIRequestContext, h: typeof KTM, doctor: string, name = "Asha Payer") {
  const email = freshEmail("patient");
  const reg = await request.post("/api/v1/auth/register", {
    data: { hospital: h.slug, email, password: PASSWORD, full_name: name },
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

export const PHARMACIST = { email: "pharmacy@kathmandu-valley.demo", password: "demo-pharmacist-ktm", name: "Bikash Rai" };

/**
 * A new patient of Kathmandu Valley (named `name`) whose appointment Dr Thapa approved, which puts
 * them on his care team: their email, the appointment's id and the doctor's token.
 */
export async function takenOnByApi(request: APIRequestContext, name: string) {
  const { email, id } = await bookedByApi(request, KTM, DR_THAPA.name, name);
  const doctor = await apiLogin(request, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const ok = await request.post(`/api/v1/appointments/${id}/approve`, { headers: bearer(doctor), data: {} });
  expect(ok.status(), await ok.text()).toBe(200);
  const a = await (await request.get(`/api/v1/appointments/${id}`, { headers: bearer(doctor) })).json();
  return { email, appointment: id, patient: a.patient_id as string, doctor };
}

/** A prescription the doctor (`token`) issued through the API for `patient`: its id and code. */
export async function prescribedByApi(request: APIRequestContext, token: string, patient: string, medication = "Melatonin") {
  const r = await request.post("/api/v1/prescriptions", {
    headers: bearer(token),
    data: {
      patient_id: patient,
      items: [
        { medication, dose: "3 mg", route: "oral", frequency: "nightly", duration_days: 14, quantity: 14, refills: 0, instructions: "Take 30 minutes before bed." },
      ],
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const p = await r.json();
  return { id: p.id as string, code: p.verification_code as string };
}

/**
 * Clicks `button`, which opens a prescription's PDF in a new tab: the server answered a PDF that
 * holds each of `texts`, and the tab shows it (a blob URL of the app).
 */
export async function expectPdfOpens(page: Page, button: Locator, ...texts: string[]) {
  const tab = page.waitForEvent("popup");
  const pdf = page.waitForResponse((r) => /\/api\/v1\/prescriptions\/[0-9a-f-]{36}\/pdf(\?|$)/.test(r.url()));
  await button.click();
  const answer = await pdf;
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("application/pdf");
  const printed = pdfText(await answer.body());
  for (const text of texts) expect(printed).toContain(text);
  const opened = await tab;
  await expect(opened).toHaveURL(/^blob:/);
  await opened.close();
}

/** The text a reader sees in a PDF, as poppler's `pdftotext` extracts it (installed by scripts/tools.sh). */
export function pdfText(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const dir = mkdtempSync(join(tmpdir(), "carebridge-pdf-"));
  try {
    writeFileSync(join(dir, "p.pdf"), pdf);
    return execFileSync("pdftotext", [join(dir, "p.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
