// AI assistance in the chart, in a hospital of the journey's own whose admin switches AI on
// through the API: a doctor uploads an EEG recording (an EDF written here), runs sleep staging,
// reads the hypnogram and the night's figures, corrects an epoch and finds it kept (in the page
// after a reload, in the server's report and in the access log); a chest image (a PNG written
// here) gets its X-ray triage, and a file that is no image fails in words; and with AI switched
// off the doctor is told so, and by whom it is switched on.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { deflateSync } from "node:zlib";
import { freshDoctor, freshHospital, freshPatient, type Fresh } from "./fresh";
import { PASSWORD, apiLogin, bearer, expectAccessible, shot, signIn } from "./support";

const EPOCHS = 60;

/** A stage as the chart names it. */
const WORDS: Record<string, string> = {
  W: "W (wake)",
  N1: "N1 (light sleep)",
  N2: "N2 (light sleep)",
  N3: "N3 (deep sleep)",
  REM: "REM",
};

/**
 * A 30-minute EDF recording of one "EEG Fpz-Cz" signal at 100 Hz (one 30-second record per
 * epoch, 16-bit little-endian samples over ±500 µV) as the server's reader takes it: wake
 * (alpha), light sleep with spindles, deep sleep (slow high waves) and REM-like theta.
 */
function edf(epochs = EPOCHS): Buffer {
  const rate = 100;
  const pad = (s: string, w: number) => s.padEnd(w, " ").slice(0, w);
  const header =
    pad("0", 8) +
    pad("X X X Journey", 80) +
    pad("Startdate 01-JAN-2026 X carebridge journey", 80) +
    pad("01.01.26", 8) +
    pad("22.00.00", 8) +
    pad("512", 8) +
    pad("", 44) +
    pad(String(epochs), 8) +
    pad("30", 8) +
    pad("1", 4) +
    pad("EEG Fpz-Cz", 16) +
    pad("AgAgCl electrode", 80) +
    pad("uV", 8) +
    pad("-500", 8) +
    pad("500", 8) +
    pad("-32768", 8) +
    pad("32767", 8) +
    pad("HP:0.1Hz LP:45Hz", 80) +
    pad(String(30 * rate), 8) +
    pad("", 32);
  const body = Buffer.alloc(epochs * 30 * rate * 2);
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  for (let e = 0; e < epochs; e++) {
    const stage = e < 6 ? "W" : e < 20 ? "N2" : e < 36 ? "N3" : e < 48 ? "N2" : "REM";
    for (let k = 0; k < 30 * rate; k++) {
      const t = (e * 30 * rate + k) / rate;
      const sin = (hz: number, uv: number) => uv * Math.sin(2 * Math.PI * hz * t);
      let v = 8 * noise();
      if (stage === "W") v += sin(10, 20) + sin(20, 5);
      if (stage === "N2") v += sin(5, 25) + (k % 600 < 100 ? sin(13, 30) : 0);
      if (stage === "N3") v += sin(1, 110) + sin(2, 40);
      if (stage === "REM") v += sin(6, 20) + sin(3, 15 * Math.sign(Math.sin(2 * Math.PI * 3 * t)));
      const d = Math.round(((v + 500) / 1000) * 65535 - 32768);
      body.writeInt16LE(Math.max(-32768, Math.min(32767, d)), (e * 30 * rate + k) * 2);
    }
  }
  return Buffer.concat([Buffer.from(header, "latin1"), body]);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
}

/** A 128×128 8-bit grey PNG of a chest-like picture: a bright body, two dark lungs, a heart. */
function png(size = 128): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1); // filter byte 0, then the pixels
    for (let x = 0; x < size; x++) {
      const u = (x - size / 2) / (size / 2);
      const v = (y - size / 2) / (size / 2);
      let g = u * u + v * v < 0.85 ? 190 : 20;
      for (const side of [-0.4, 0.4]) if (((u - side) / 0.28) ** 2 + (v / 0.55) ** 2 < 1) g = 60;
      if (((u - 0.1) / 0.22) ** 2 + ((v - 0.25) / 0.2) ** 2 < 1) g = 170;
      row[x + 1] = g;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit, greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A fresh hospital (AI as `ai` says), a doctor and a patient on the doctor's care team. */
async function careTeam(request: APIRequestContext, ai: Record<string, boolean> | null) {
  const h = await freshHospital(request, { provider: "none", approval: false });
  if (ai) await switchAi(request, h, ai);
  const doctor = await freshDoctor(request, h, "Dr. Sita Koirala");
  const patient = await freshPatient(request, h, "Hari Shrestha");
  const r = await request.post(`/api/v1/patients/${patient.patientId}/care-team`, {
    headers: bearer(h.adminToken),
    data: { doctor_id: doctor.id },
  });
  expect(r.status(), await r.text()).toBe(201);
  const token = await apiLogin(request, doctor.email, PASSWORD, h.slug);
  return { h, doctor, patient, token };
}

async function switchAi(request: APIRequestContext, h: Fresh, ai: Record<string, boolean>) {
  const r = await request.patch(`/api/v1/hospitals/${h.id}`, { headers: bearer(h.adminToken), data: ai });
  expect(r.status(), await r.text()).toBe(200);
}

/** The doctor signs in and opens the patient's chart. */
async function openChart(page: Page, email: string, h: Fresh, patientId: string) {
  await signIn(page, email, PASSWORD, h.slug);
  await expect(page).toHaveURL(/\/appointments$/);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Hari Shrestha" })).toBeVisible();
}

/** Uploads a document through the chart's Documents form. */
async function upload(page: Page, title: string, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const documents = page.getByRole("region", { name: "Documents" });
  await documents.getByLabel("Title").fill(title);
  await documents.getByLabel("Kind").selectOption({ label: kind });
  await documents.getByLabel("File").setInputFiles(file);
  await documents.getByRole("button", { name: "Upload" }).click();
  await expect(documents.getByRole("status").filter({ hasText: "Uploaded" })).toHaveText(`Uploaded: ${title}`);
}

test("a doctor runs sleep staging on an EEG, reads the hypnogram and corrects an epoch", async ({ page, request }, info) => {
  test.setTimeout(180_000);
  const { h, doctor, patient, token } = await careTeam(request, { ai_assistance: true });
  await openChart(page, doctor.email, h, patient.patientId);
  const ai = page.getByRole("region", { name: "AI assistance" });
  await expect(ai).toContainText("Suggested by AI, not a diagnosis.");
  await expect(ai).toContainText("No document to analyse yet");
  await expect(ai).toContainText("No analyses yet.");

  await upload(page, "Night EEG", "EEG", { name: "night.edf", mimeType: "application/octet-stream", buffer: edf() });
  await ai.getByRole("button", { name: "Run sleep staging Night EEG" }).click();
  await expect(ai.getByRole("status").filter({ hasText: "Sleep staging of Night EEG is queued" })).toBeVisible();
  const job = ai.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Sleep staging of Night EEG" }) });
  await expect(job.getByText("done", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(ai.getByRole("status").filter({ hasText: "Sleep staging of Night EEG: done." })).toBeVisible();

  // The result opens by itself: the hypnogram, named and described, and the night's figures.
  await expect(job.getByRole("button", { name: "Hide result Sleep staging of Night EEG" })).toHaveAttribute("aria-expanded", "true");
  const hypnogram = job.getByRole("img", { name: "Hypnogram", exact: true });
  await expect(hypnogram).toBeVisible();
  await expect(hypnogram).toHaveAccessibleDescription(/^Sleep stages over 30\.0 min \(60 epochs of 30 seconds\).*Share of sleep: N1 \d+ %/);
  await expect(job).toContainText("Hypnogram · Suggested by AI, not a diagnosis.");
  await expect(job).toContainText("Model sleep-v1");
  const figures = job.getByRole("definition");
  await expect(job.getByRole("term").filter({ hasText: "Total sleep time" })).toBeVisible();
  await expect(figures.filter({ hasText: /^\d+\.\d min$/ }).first()).toBeVisible();
  await expect(job).toContainText("Share of sleep");

  // What the AI said of the first epoch, read through the API; the doctor sets another stage.
  const jobs = await (
    await request.get("/api/v1/inference/jobs", { headers: bearer(token), params: { patient_id: patient.patientId } })
  ).json();
  const id = jobs.items[0].id as string;
  const done = await (await request.get(`/api/v1/inference/jobs/${id}`, { headers: bearer(token) })).json();
  expect(done.result.stages).toHaveLength(EPOCHS);
  const first = done.result.stages[0] as string;
  const to = first === "N3" ? "REM" : "N3";
  const toWords = WORDS[to];
  const form = job.getByRole("form", { name: "Correct a stage" });
  await expect(form.getByLabel("Epoch")).toHaveValue("1");
  await expect(form.getByLabel("Epoch")).toHaveAccessibleDescription(/^Epoch 1 starts at 0:00:00\. AI suggested /);
  await form.getByLabel("Stage").selectOption(to);
  await form.getByRole("button", { name: "Save correction" }).click();
  await expect(form.getByRole("status")).toHaveText(`Saved: epoch 1 is ${toWords}.`);
  await expect(job).toContainText("1 epoch corrected by a doctor. Figures include the doctors' corrections.");
  await job.getByText("Stages over time").click();
  const table = job.getByRole("table", { name: "Stages over time" });
  await expect(table.getByRole("row").nth(1)).toContainText(`0:00:00–0:00:30`);
  await expect(table.getByRole("row").nth(1)).toContainText(toWords);
  await expect(table.getByRole("row").nth(1)).toContainText("corrected by a doctor");
  await expectAccessible(page);

  // The server keeps it: its report draws and counts the correction.
  const report = await request.get(`/api/v1/inference/jobs/${id}/report`, { headers: bearer(token) });
  expect(report.status()).toBe(200);
  expect(await report.text()).toContain("1 epochs corrected by a doctor");

  // And so does the chart after a reload.
  await page.reload();
  const again = page
    .getByRole("region", { name: "AI assistance" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Sleep staging of Night EEG" }) });
  await again.getByRole("button", { name: "Show result Sleep staging of Night EEG" }).click();
  await expect(again).toContainText("1 epoch corrected by a doctor.");
  await expect(again.getByLabel("Epoch")).toHaveAccessibleDescription(
    `Epoch 1 starts at 0:00:00. AI suggested ${WORDS[first]}; a doctor corrected it to ${toWords}.`,
  );
  await again.getByText("Stages over time").click();
  const log = page.getByRole("region", { name: "Access log" });
  await expect(log.getByRole("row").filter({ hasText: "corrected AI analyses" })).toContainText("Dr. Sita Koirala (doctor)");
  await expectAccessible(page);
  await shot(page, info, "ai-hypnogram");
});

test("a doctor runs X-ray triage on a chest image and reads the finding; a file that is no image fails", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { h, doctor, patient } = await careTeam(request, { ai_assistance: true });
  await openChart(page, doctor.email, h, patient.patientId);
  await upload(page, "Chest X-ray", "imaging", { name: "chest.png", mimeType: "image/png", buffer: png() });
  const ai = page.getByRole("region", { name: "AI assistance" });
  await ai.getByRole("button", { name: "Run X-ray triage Chest X-ray" }).click();
  const job = ai.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Chest X-ray triage of Chest X-ray" }) });
  await expect(job.getByText("done", { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(job.getByRole("term").filter({ hasText: /^Finding$/ })).toBeVisible();
  await expect(job.getByRole("definition").first()).toHaveText(
    /^(no abnormality suggested|abnormality suggested) · Suggested by AI, not a diagnosis\.$/,
  );
  await expect(job.getByRole("term").filter({ hasText: "Probability of an abnormal finding" })).toBeVisible();
  await expect(job.getByRole("definition").nth(1)).toHaveText(/^\d{1,3} %$/);
  await expect(job).toContainText("Trained on synthetic images only");
  await expectAccessible(page);

  // A file that is no image fails, and the doctor is told why.
  await upload(page, "Referral letter", "imaging", { name: "letter.txt", mimeType: "text/plain", buffer: Buffer.from("Dear colleague") });
  await ai.getByRole("button", { name: "Run X-ray triage Referral letter" }).click();
  const failed = ai.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Chest X-ray triage of Referral letter" }) });
  await expect(failed.getByText("failed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(failed.getByText(/^The analysis failed: \S/)).toBeVisible();
  await expect(failed.getByRole("button", { name: /Show result/ })).toHaveCount(0);
});

test("with AI switched off the doctor is told so and who switches it on", async ({ page, request }) => {
  const { h, doctor, patient, token } = await careTeam(request, null);
  for (const [title, kind, name] of [
    ["Night EEG", "eeg", "night.edf"],
    ["Chest X-ray", "imaging", "chest.png"],
  ] as const) {
    const r = await request.post(`/api/v1/patients/${patient.patientId}/documents`, {
      headers: bearer(token),
      multipart: { title, kind, file: { name, mimeType: "application/octet-stream", buffer: kind === "eeg" ? edf(4) : png() } },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
  await openChart(page, doctor.email, h, patient.patientId);
  const ai = page.getByRole("region", { name: "AI assistance" });
  await expect(ai).toContainText(
    "AI assistance is switched off for this hospital. The hospital's admin can turn it on under Settings.",
  );
  await expect(ai.getByRole("button", { name: /^Run / })).toHaveCount(0);
  await expectAccessible(page);

  // On, but without X-ray triage: sleep staging is offered, X-ray triage is said to be off.
  await switchAi(request, h, { ai_assistance: true, ai_chest_xray: false });
  await page.reload();
  await expect(ai.getByRole("button", { name: "Run sleep staging Night EEG" })).toBeVisible();
  await expect(ai.getByRole("button", { name: /Run X-ray triage/ })).toHaveCount(0);
  await expect(ai).toContainText("Chest X-ray triage is switched off for this hospital.");
});
