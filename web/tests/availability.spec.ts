// A doctor publishes weekly hours and a day off in the browser; the free times patients get
// follow at once, in the doctor's time zone.
import { expect, test } from "@playwright/test";
import { BOS, PASSWORD, apiLogin, bearer, expectAccessible, newDoctor, shot, signIn } from "./support";

test("a doctor sets weekly hours and a day off, and the free times follow", async ({ page, request }, info) => {
  const email = await newDoctor(request, BOS);
  await signIn(page, email, PASSWORD, BOS.slug);
  await page.getByRole("link", { name: "Availability" }).click();
  await page.getByLabel("Time zone").fill("America/New_York");
  await page.getByLabel("Visit length (minutes)").fill("30");
  await page.getByLabel("Monday hours").fill("9-10");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("9-10");
  await page.getByLabel("Monday hours").fill("09:00-10:00");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await shot(page, info, "availability");

  // What a patient would be offered over the next eight days: the one Monday's two visits.
  const token = await apiLogin(request, email, PASSWORD, BOS.slug);
  const me = await (await request.get("/api/v1/auth/me", { headers: bearer(token) })).json();
  const doctors = await (await request.get("/api/v1/doctors", { headers: bearer(token) })).json();
  const id = doctors.items.find((d: { user_id: string }) => d.user_id === me.user_id).id;
  const from = new Date(Date.now() + 86_400_000);
  const to = new Date(from.getTime() + 7 * 86_400_000);
  const slots = async () =>
    (
      await (
        await request.get(`/api/v1/doctors/${id}/slots`, {
          headers: bearer(token),
          params: { from: from.toISOString(), to: to.toISOString() },
        })
      ).json()
    ).items as { start_at: string }[];
  const offered = await slots();
  expect(offered).toHaveLength(2);
  const local = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
  expect(offered.map((s) => local(s.start_at))).toEqual(["Monday 09:00", "Monday 09:30"]);

  // That Monday off: nothing is offered, and the page reads back what was saved.
  const monday = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(offered[0]!.start_at));
  await page.getByLabel("Days off and other hours").fill(monday);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  expect(await slots()).toHaveLength(0);
  await page.reload();
  await expect(page.getByLabel("Monday hours")).toHaveValue("09:00-10:00");
  await expect(page.getByLabel("Days off and other hours")).toHaveValue(monday);
});
