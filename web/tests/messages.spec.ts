// Messages in the browser: once the doctor has taken on the patient's appointment, the patient
// opens a conversation and writes; the doctor, with the page open in another browser, sees it
// arrive without reloading and answers; the answer reaches the patient the same way.
import { expect, test } from "@playwright/test";
import { DR_THAPA, KTM, PASSWORD, apiLogin, bearer, bookedByApi, expectAccessible, shot, signIn } from "./support";

test("a patient and their doctor write to each other in real time", async ({ browser, request }, info) => {
  const { email, id } = await bookedByApi(request, KTM, DR_THAPA.name, "Kamala Shrestha");
  const doctorToken = await apiLogin(request, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  const approved = await request.post(`/api/v1/appointments/${id}/approve`, { headers: bearer(doctorToken), data: {} });
  expect(approved.status()).toBe(200);

  const patient = await (await browser.newContext()).newPage();
  const doctor = await (await browser.newContext()).newPage();
  await signIn(patient, email, PASSWORD, KTM.slug);
  await patient.getByRole("link", { name: "Messages" }).click();
  await expect(patient.getByText("No conversations yet.")).toBeVisible();
  await patient.getByLabel("Doctor").selectOption({ label: DR_THAPA.name });
  await patient.getByRole("button", { name: "Open conversation" }).click();
  await expect(patient).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  const conversation = new URL(patient.url()).pathname;

  await signIn(doctor, DR_THAPA.email, DR_THAPA.password, KTM.slug);
  await doctor.getByRole("link", { name: "Messages" }).click();
  await doctor.getByRole("link", { name: "Kamala Shrestha" }).click();
  await expect(doctor).toHaveURL(new RegExp(`${conversation}$`));
  const doctorChat = doctor.getByRole("list", { name: "Messages" });

  await patient.getByRole("textbox", { name: "Message", exact: true }).fill("Namaste doctor, the headaches are better.");
  await patient.getByRole("button", { name: "Send" }).click();
  await expect(patient.getByRole("list", { name: "Messages" })).toContainText("the headaches are better");
  // It reaches the doctor's open page over the socket.
  await expect(doctorChat).toContainText("the headaches are better");
  await doctor.getByRole("textbox", { name: "Message", exact: true }).fill("Good to hear. Keep the diary until our call.");
  await doctor.getByRole("button", { name: "Send" }).click();
  await expect(patient.getByRole("list", { name: "Messages" })).toContainText("Keep the diary");
  await expectAccessible(patient);
  await shot(patient, info, "messages");
  // Nothing doubled: each side shows the two messages once.
  await expect(patient.getByRole("list", { name: "Messages" }).getByRole("listitem")).toHaveCount(2);
  await expect(doctorChat.getByRole("listitem")).toHaveCount(2);
});

test("a patient cannot write to a doctor who has not taken them on", async ({ page, request }) => {
  const { email } = await bookedByApi(request, KTM, DR_THAPA.name);
  await signIn(page, email, PASSWORD, KTM.slug);
  await page.getByRole("link", { name: "Messages" }).click();
  await page.getByLabel("Doctor").selectOption({ label: "Dr. Anjali Karki" });
  await page.getByRole("button", { name: "Open conversation" }).click();
  await expect(page.getByRole("alert")).toContainText("once the doctor has taken on an appointment");
});
