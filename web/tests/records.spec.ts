// Records in the browser: a doctor opens a patient's chart from the appointment, writes a note and
// a prescription and previews its PDF, uploads and downloads a document; the patient finds their
// documents, prescriptions (with the PDF) and who accessed their record under Records.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  DR_THAPA,
  KTM,
  PASSWORD,
  bookedByApi,
  expectAccessible,
  expectPdfOpens,
  prescribedByApi,
  shot,
  signIn,
  takenOnByApi,
} from "./support";

test("a doctor opens a patient's chart and writes a note and a prescription", async ({ page, request }, info) => {
  await takenOnByApi(request, "Meera Gurung");
  await signIn(page, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const row = page.getByRole("listitem").filter({ hasText: "Meera Gurung" });
  await row.getByRole("link", { name: "Open chart" }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}\?appointment=/);
  await expect(page.getByRole("heading", { level: 1, name: "Meera Gurung" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("Date of birth");
  const notes = page.getByRole("region", { name: "Clinical notes" });
  await expect(notes).toContainText("No notes yet.");
  await expect(page.getByRole("region", { name: "Prescriptions" })).toContainText("No prescriptions yet.");
  await expectAccessible(page);

  // A note, private to the care team.
  await notes.getByLabel("Note", { exact: true }).fill("Headaches twice a week, worse after night shifts.");
  await notes.getByLabel("Private note").check();
  await notes.getByRole("button", { name: "Save note" }).click();
  const note = notes.getByRole("listitem").filter({ hasText: "worse after night shifts" });
  await expect(note).toContainText("private");
  await expect(note).toContainText("You");
  await expect(notes.getByLabel("Note", { exact: true })).toHaveValue("");

  // A prescription of two medications, then its PDF.
  const prescriptions = page.getByRole("region", { name: "Prescriptions" });
  const first = prescriptions.getByRole("group", { name: "Medication 1" });
  await first.getByLabel("Medication", { exact: true }).fill("Amitriptyline");
  await first.getByLabel("Dose").fill("10 mg");
  await first.getByLabel("Route").fill("oral");
  await first.getByLabel("Frequency").fill("nightly");
  await first.getByLabel("Duration (days)").fill("30");
  await first.getByLabel("Quantity").fill("30");
  await first.getByLabel("Refills").fill("1");
  await first.getByLabel("Instructions").fill("Take two hours before bed.");
  await prescriptions.getByRole("button", { name: "Add medication" }).click();
  const second = prescriptions.getByRole("group", { name: "Medication 2" });
  await second.getByLabel("Medication", { exact: true }).fill("Paracetamol");
  await second.getByLabel("Dose").fill("500 mg");
  await second.getByLabel("Route").fill("oral");
  await second.getByLabel("Frequency").fill("as needed, at most four times daily");
  await second.getByLabel("Duration (days)").fill("10");
  await second.getByLabel("Quantity").fill("20");
  await expectAccessible(page);
  await prescriptions.getByRole("button", { name: "Issue prescription" }).click();
  const issued = prescriptions.getByRole("status").filter({ hasText: "Prescription issued" });
  await expect(issued).toBeVisible();
  const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await issued.textContent()) ?? "")![1]!;
  const card = prescriptions.getByRole("listitem").filter({ hasText: "Amitriptyline, Paracetamol" });
  await expect(card).toContainText("active");
  await expect(card).toContainText(code);
  await expect(card).toContainText("10 mg, oral, nightly, for 30 days. Quantity 30, refills 1.");
  await expect(card).toContainText(`by ${DR_THAPA.name}`);
  await expectPdfOpens(page, prescriptions.getByRole("button", { name: "Preview PDF" }), "Amitriptyline", "Paracetamol", code, "Meera Gurung");
  // In Nepali the PDF's labels are Nepali too (Devanagari, drawn with the embedded font).
  await page.getByLabel("Language").selectOption("ne");
  await expectPdfOpens(page, page.getByRole("button", { name: "PDF हेर्नुहोस्" }), "विद्युतीय औषधि पुर्जा", "औषधिहरू", code, "Meera Gurung");
  await page.getByLabel("भाषा").selectOption("en");
  // (Screenshots of this long page come after its last click: in Chromium a click that follows
  // a full-page screenshot of a scrolled page can miss its button.)
  await shot(page, info, "prescription-issued");

  // Every one of these reads and writes is in the patient's access log.
  await page.reload();
  const log = page.getByRole("region", { name: "Access log" });
  await expect(log.getByRole("row").filter({ hasText: "added a prescription" })).toContainText(`${DR_THAPA.name} (doctor)`);
  await expect(log.getByRole("row").filter({ hasText: "added clinical notes" })).toContainText(`${DR_THAPA.name} (doctor)`);
  await expectAccessible(page);
  await shot(page, info, "patient-chart");
});

test("a doctor uploads a document to the chart and downloads the same bytes", async ({ page, request }) => {
  await takenOnByApi(request, "Nabin Tamang");
  await signIn(page, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  await page.getByRole("listitem").filter({ hasText: "Nabin Tamang" }).getByRole("link", { name: "Open chart" }).click();
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents).toContainText("No documents yet.");
  const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(3 * 1024 - 9)]);
  await documents.getByLabel("Title").fill("EEG report");
  await documents.getByLabel("Kind").selectOption({ label: "EEG" });
  await documents.getByLabel("File", { exact: true }).setInputFiles({ name: "eeg-report.pdf", mimeType: "application/pdf", buffer: bytes });
  await documents.getByRole("button", { name: "Upload" }).click();
  await expect(documents.getByRole("status").filter({ hasText: "Uploaded: EEG report" })).toBeVisible();
  const row = documents.getByRole("listitem").filter({ hasText: "EEG report" });
  await expect(row).toContainText("EEG · eeg-report.pdf");
  await expect(row).toContainText("3.0 KB");
  const download = page.waitForEvent("download");
  await row.getByRole("button", { name: "Download EEG report" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("eeg-report.pdf");
  expect(readFileSync(await file.path())).toEqual(bytes);
});

test("a doctor cannot open the chart of a patient before taking them on", async ({ page, request }) => {
  await bookedByApi(request, KTM, DR_THAPA.name, "Pooja Lama");
  await signIn(page, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const row = page.getByRole("listitem").filter({ hasText: "Pooja Lama" });
  await expect(row).toContainText("requested");
  await row.getByRole("link", { name: "Open chart" }).click();
  await expect(page.getByRole("alert")).toContainText("once you have taken on an appointment with them");
  await expectAccessible(page);
});

test("a patient finds their documents, prescriptions and who accessed their record", async ({ page, request }, info) => {
  const { email, patient, doctor } = await takenOnByApi(request, "Kamala Shrestha");
  const { code } = await prescribedByApi(request, doctor, patient, "Melatonin");

  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "Records" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My records" })).toBeVisible();
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents).toContainText("No documents yet.");

  // The prescription the doctor wrote, and its PDF.
  const prescriptions = page.getByRole("region", { name: "Prescriptions" });
  const card = prescriptions.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Melatonin" }) });
  await expect(card).toContainText("active");
  await expect(card).toContainText(code);
  await expect(card).toContainText(`by ${DR_THAPA.name}`);
  await expect(card).toContainText("Take 30 minutes before bed.");
  await expectPdfOpens(page, card.getByRole("button", { name: "Open PDF" }), "Melatonin", code, "Kamala Shrestha");

  // A document of their own, uploaded and downloaded again.
  const bytes = randomBytes(2048);
  await documents.getByLabel("Title").fill("Sleep diary");
  await documents.getByLabel("Kind").selectOption({ label: "other" });
  await documents.getByLabel("File", { exact: true }).setInputFiles({ name: "sleep-diary.csv", mimeType: "text/csv", buffer: bytes });
  await documents.getByRole("button", { name: "Upload" }).click();
  const row = documents.getByRole("listitem").filter({ hasText: "Sleep diary" });
  await expect(row).toContainText("sleep-diary.csv");
  await expect(row).toContainText("2.0 KB");
  const download = page.waitForEvent("download");
  await row.getByRole("button", { name: "Download Sleep diary" }).click();
  expect(readFileSync(await (await download).path())).toEqual(bytes);

  // Who accessed the record: the doctor who prescribed, and the patient themself.
  await page.reload();
  const log = page.getByRole("region", { name: "Who accessed my record" });
  await expect(log.getByRole("row").filter({ hasText: "added a prescription" })).toContainText(`${DR_THAPA.name} (doctor)`);
  await expect(log.getByRole("row").filter({ hasText: "added documents" })).toContainText("Kamala Shrestha (patient)");
  await expectAccessible(page);
  await shot(page, info, "my-records");
});
