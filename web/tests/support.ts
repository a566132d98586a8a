// What the journeys share: the demo's accounts, calls to the API for setting up, an independent
// TOTP (RFC 6238) to play the authenticator app, axe-core, and screenshots for web/screenshots.
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { createHmac, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";

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
