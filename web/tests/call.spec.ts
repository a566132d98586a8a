// The video call in two browser contexts (a doctor and a patient) with Chromium's fake camera
// and microphone: the device check, the waiting room, Admit, video decoded on both sides
// (measured with getStats()), mute, audio only, chat beside the call, a dropped connection that
// comes back without a second admission, the doctor's screen share and End call. Once with
// direct media between this machine's own addresses, once relay-only through the coturn that
// scripts/web-test.sh started on 127.0.0.1.
import { expect, test, type Browser, type BrowserContext, type Page, type APIRequestContext } from "@playwright/test";
import { networkInterfaces } from "node:os";
import { PASSWORD, apiLogin, bearer, expectAccessible, freshEmail, shot, signIn } from "./support";

const SUPER = { email: "super@carebridge.local", password: "demo-super-admin-pass" };

type CallSetup = { slug: string; doctor: { email: string; name: string }; patient: { email: string; name: string }; id: string };

/**
 * A hospital of its own (UTC, no approval, no payment, no notice) whose doctor sees patients in
 * five-minute visits all day, and a patient who booked the first visit at least a minute ahead,
 * so that its call is open now (it opens ten minutes before the start).
 */
async function callOpenNow(request: APIRequestContext): Promise<CallSetup> {
  const login = await request.post("/api/v1/auth/login", { data: { email: SUPER.email, password: SUPER.password, hospital: null } });
  expect(login.status(), await login.text()).toBe(200);
  const root = (await login.json()).token as string;
  const slug = `call-${Date.now().toString(36)}`;
  const adminEmail = freshEmail("admin");
  const h = await request.post("/api/v1/hospitals", {
    headers: bearer(root),
    data: {
      name: "Call Test Clinic",
      slug,
      timezone: "UTC",
      currency: "NPR",
      appointment_fee: 0,
      payment_provider: "none",
      admin: { email: adminEmail, full_name: "Call Admin", password: PASSWORD },
    },
  });
  expect(h.status(), await h.text()).toBe(201);
  const hospital = await h.json();
  const settings = await request.patch(`/api/v1/hospitals/${hospital.id}`, {
    headers: bearer(root),
    data: { approval_required: false, payment_required: false, min_notice_minutes: 0 },
  });
  expect(settings.status(), await settings.text()).toBe(200);

  const admin = await apiLogin(request, adminEmail, PASSWORD, slug);
  const doctor = { email: freshEmail("dr"), name: "Dr. Maya Gurung" };
  const d = await request.post("/api/v1/doctors", {
    headers: bearer(admin),
    data: { email: doctor.email, full_name: doctor.name, password: PASSWORD, specialization: "General practice", license_number: `NMC-${Date.now()}` },
  });
  expect(d.status(), await d.text()).toBe(201);
  const doctorId = (await d.json()).id as string;
  const dr = await apiLogin(request, doctor.email, PASSWORD, slug);
  const hours = await request.put(`/api/v1/doctors/${doctorId}/availability`, {
    headers: bearer(dr),
    data: {
      timezone: "UTC",
      slot_minutes: 5,
      buffer_minutes: 0,
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "23:55" })),
      exceptions: [],
    },
  });
  expect(hours.status(), await hours.text()).toBe(200);

  const patient = { email: freshEmail("patient"), name: "Sita Rai" };
  const reg = await request.post("/api/v1/auth/register", {
    data: { hospital: slug, email: patient.email, password: PASSWORD, full_name: patient.name },
  });
  expect(reg.status(), await reg.text()).toBe(201);
  const p = await apiLogin(request, patient.email, PASSWORD, slug);
  const from = new Date(Date.now() + 60_000);
  const slots = await (
    await request.get(`/api/v1/doctors/${doctorId}/slots`, {
      headers: bearer(p),
      params: { from: from.toISOString(), to: new Date(from.getTime() + 3_600_000).toISOString() },
    })
  ).json();
  const a = await request.post("/api/v1/appointments", {
    headers: bearer(p),
    data: { doctor_id: doctorId, start_at: slots.items[0].start_at, reason: "Cough for a week" },
  });
  expect(a.status(), await a.text()).toBe(201);
  const appointment = await a.json();
  expect(appointment.status).toBe("confirmed");
  return { slug, doctor, patient, id: appointment.id };
}

/**
 * A browser context that records its RTCPeerConnections and WebSockets (for getStats() and to
 * cut the network). With `direct` it plays a network without a relay: the call's connections get
 * no ICE servers (the relay check before joining keeps them), so that media can only flow
 * between the host candidates of this machine's own addresses, which Linux carries on loopback.
 */
async function party(browser: Browser, direct: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "en-GB",
    timezoneId: "Asia/Kathmandu",
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript((noRelay: boolean) => {
    const w = window as unknown as { __pcs: RTCPeerConnection[]; __sockets: WebSocket[] };
    w.__pcs = [];
    w.__sockets = [];
    const NativePc = window.RTCPeerConnection;
    const Pc = function (config?: RTCConfiguration) {
      const strip = noRelay && config?.iceTransportPolicy !== "relay";
      const pc = new NativePc(strip ? { ...config, iceServers: [] } : config);
      w.__pcs.push(pc);
      return pc;
    } as unknown as typeof RTCPeerConnection;
    Pc.prototype = NativePc.prototype;
    window.RTCPeerConnection = Pc;
    const NativeWs = window.WebSocket;
    const Ws = function (url: string | URL, protocols?: string | string[]) {
      const ws = new NativeWs(url, protocols);
      w.__sockets.push(ws);
      return ws;
    } as unknown as typeof WebSocket;
    Object.assign(Ws, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
    Ws.prototype = NativeWs.prototype;
    window.WebSocket = Ws;
  }, direct);
  return context;
}

type Media = {
  connections: number;
  framesDecoded: number;
  audioEnergy: number;
  local?: { type: string; address: string | null };
  remote?: { type: string; address: string | null };
};

/** What the page's live connection has received so far, and the candidates it uses. */
async function media(page: Page): Promise<Media> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    const live = all.filter((pc) => pc.connectionState === "connected");
    const pc = live[live.length - 1];
    const out: Media = { connections: all.length, framesDecoded: 0, audioEnergy: 0 };
    if (!pc) return out;
    const stats = await pc.getStats();
    let pair = "";
    stats.forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "video") out.framesDecoded += s.framesDecoded ?? 0;
      if (s.type === "inbound-rtp" && s.kind === "audio") out.audioEnergy += s.totalAudioEnergy ?? 0;
      if (s.type === "transport" && s.selectedCandidatePairId) pair = s.selectedCandidatePairId;
    });
    const p = stats.get(pair);
    const candidate = (id: string) => {
      const c = stats.get(id);
      return c && { type: String(c.candidateType), address: (c.address as string | undefined) ?? null };
    };
    if (p) {
      out.local = candidate(p.localCandidateId);
      out.remote = candidate(p.remoteCandidateId);
    }
    return out;
  });
}

/** Video frames this page decodes over `ms` milliseconds. */
async function framesOver(page: Page, ms: number): Promise<number> {
  const before = (await media(page)).framesDecoded;
  await page.waitForTimeout(ms);
  return (await media(page)).framesDecoded - before;
}

/** Decoded video keeps arriving on `page` (more than a few frames a second). */
async function expectVideo(page: Page) {
  await expect.poll(() => framesOver(page, 1000), { timeout: 20_000 }).toBeGreaterThan(5);
}

/** Both parties open the call page from their appointments and pass the device check. */
async function bothJoin(doctorPage: Page, patientPage: Page, c: CallSetup, relayOnly: boolean, info: Parameters<typeof shot>[1]) {
  await signIn(patientPage, c.patient.email, PASSWORD, c.slug);
  await patientPage.getByRole("link", { name: "My appointments" }).click();
  await patientPage.getByRole("listitem").filter({ hasText: c.doctor.name }).getByRole("button", { name: "Join call" }).click();
  await expect(patientPage.getByRole("heading", { name: "Video call" })).toBeVisible();
  await expect(patientPage.getByText("The hospital's server answered in")).toBeVisible();
  await expect(patientPage.getByText("The relay server is reachable")).toBeVisible({ timeout: 10_000 });
  await expect(patientPage.getByRole("meter", { name: /Microphone level/ })).toBeVisible();
  if (relayOnly) await patientPage.getByLabel("Relay the call through the hospital's server").check();
  await expectAccessible(patientPage);
  await shot(patientPage, info, "call-device-check");
  await patientPage.getByRole("button", { name: "Join now" }).click();
  await expect(patientPage.getByRole("status").filter({ hasText: "You are in the waiting room" })).toBeVisible();
  await expectAccessible(patientPage);

  await signIn(doctorPage, c.doctor.email, PASSWORD, c.slug);
  await doctorPage.getByRole("link", { name: "Appointments" }).click();
  await doctorPage.getByRole("listitem").filter({ hasText: c.patient.name }).getByRole("button", { name: "Join call" }).click();
  if (relayOnly) await doctorPage.getByLabel("Relay the call through the hospital's server").check();
  await doctorPage.getByRole("button", { name: "Join now" }).click();
  const waitingRoom = doctorPage.getByRole("region", { name: "Waiting room" });
  await expect(waitingRoom).toContainText(`${c.patient.name} is in the waiting room`);
  await expectAccessible(doctorPage);
  await shot(doctorPage, info, "call-waiting-room");
  await waitingRoom.getByRole("button", { name: `Admit ${c.patient.name}` }).click();
  await expect(waitingRoom).toHaveCount(0);
}

test("a doctor admits a patient and they see and hear each other, directly between local addresses", async ({ browser, request }, info) => {
  test.setTimeout(240_000);
  const c = await callOpenNow(request);
  const [doctorContext, patientContext] = [await party(browser, true), await party(browser, true)];
  const [doctorPage, patientPage] = [await doctorContext.newPage(), await patientContext.newPage()];
  await bothJoin(doctorPage, patientPage, c, false, info);

  // Both decode the other's video over a direct pair: each end a host candidate on one of this
  // machine's own addresses, so no packet leaves it.
  await expect(patientPage.getByLabel(`${c.doctor.name}'s video`)).toBeVisible();
  await expect(doctorPage.getByLabel(`${c.patient.name}'s video`)).toBeVisible();
  await expectVideo(patientPage);
  await expectVideo(doctorPage);
  const own = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  for (const page of [doctorPage, patientPage]) {
    const m = await media(page);
    expect(m.local?.type).toBe("host");
    expect(own).toContain(m.local?.address);
  }
  const quality = patientPage.getByRole("status", { name: "Connection quality" });
  await expect(quality).toHaveText("Connection: good", { timeout: 15_000 });
  await expectAccessible(patientPage);
  await shot(patientPage, info, "call-patient");
  await shot(doctorPage, info, "call-doctor");

  // Mute: the doctor stops hearing the patient's (fake, beeping) microphone.
  const energyOver = async (ms: number) => {
    const before = (await media(doctorPage)).audioEnergy;
    await doctorPage.waitForTimeout(ms);
    return (await media(doctorPage)).audioEnergy - before;
  };
  await expect.poll(() => energyOver(2000), { timeout: 10_000 }).toBeGreaterThan(0);
  const mute = patientPage.getByRole("button", { name: "Mute" });
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => energyOver(2000), { timeout: 10_000 }).toBe(0);
  await mute.click();
  await expect.poll(() => energyOver(2000), { timeout: 10_000 }).toBeGreaterThan(0);

  // Audio only (the patient's switch) stops video both ways; switching back brings it back.
  const audioOnly = patientPage.getByRole("button", { name: "Audio only" });
  await audioOnly.click();
  await expect(doctorPage.getByRole("button", { name: "Audio only" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => framesOver(doctorPage, 1500), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => framesOver(patientPage, 1500), { timeout: 10_000 }).toBe(0);
  await audioOnly.click();
  await expectVideo(doctorPage);
  await expectVideo(patientPage);

  // Chat beside the call.
  await patientPage.getByRole("button", { name: "Chat" }).click();
  await patientPage.getByRole("textbox", { name: "Message" }).fill("Can you hear me now?");
  await patientPage.getByRole("button", { name: "Send" }).click();
  await doctorPage.getByRole("button", { name: "Chat" }).click();
  await expect(doctorPage.getByRole("list", { name: "Messages" })).toContainText("Can you hear me now?");

  // The patient's network drops and comes back: they are back in the call on a new connection,
  // with no second admission.
  const before = (await media(patientPage)).connections;
  await patientContext.setOffline(true);
  await patientPage.evaluate(() => (window as unknown as { __sockets: WebSocket[] }).__sockets.forEach((ws) => ws.close()));
  await expect(doctorPage.getByRole("status").filter({ hasText: `Waiting for ${c.patient.name} to join` })).toBeVisible();
  await patientContext.setOffline(false);
  await expect.poll(async () => (await media(patientPage)).connections, { timeout: 20_000 }).toBeGreaterThan(before);
  await expectVideo(patientPage);
  await expectVideo(doctorPage);
  await expect(doctorPage.getByRole("region", { name: "Waiting room" })).toHaveCount(0);
  await expect(patientPage.getByText("You are in the waiting room")).toHaveCount(0);

  // The doctor shares their screen; the patient is told.
  await doctorPage.getByRole("button", { name: "Share screen" }).click();
  await expect(patientPage.getByText(`${c.doctor.name} is sharing their screen`)).toBeVisible();
  await expectVideo(patientPage);
  await doctorPage.getByRole("button", { name: "Share screen" }).click();
  await expect(patientPage.getByText(`${c.doctor.name} is sharing their screen`)).toHaveCount(0);

  // The record: one admission, the quality reports sent, and the end.
  await expect
    .poll(
      async () => {
        const dr = await apiLogin(request, c.doctor.email, PASSWORD, c.slug);
        const r = await request.get(`/api/v1/appointments/${c.id}/call/events`, { headers: bearer(dr) });
        return ((await r.json()).items as { kind: string }[]).filter((e) => e.kind === "quality").length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await doctorPage.getByRole("button", { name: "End call" }).click();
  await expect(doctorPage.getByRole("status").filter({ hasText: "The call has ended." })).toBeVisible();
  await expect(patientPage.getByRole("status").filter({ hasText: "The call has ended." })).toBeVisible();
  const dr = await apiLogin(request, c.doctor.email, PASSWORD, c.slug);
  const record = await (await request.get(`/api/v1/appointments/${c.id}/call/events`, { headers: bearer(dr) })).json();
  const kinds = (record.items as { kind: string }[]).map((e) => e.kind);
  expect(kinds.filter((k) => k === "admitted")).toHaveLength(1);
  expect(kinds).toContain("ended");
  await doctorContext.close();
  await patientContext.close();
});

test("a call relayed through coturn on 127.0.0.1 when both choose relay only", async ({ browser, request }, info) => {
  test.setTimeout(120_000);
  const c = await callOpenNow(request);
  const [doctorContext, patientContext] = [await party(browser, false), await party(browser, false)];
  const [doctorPage, patientPage] = [await doctorContext.newPage(), await patientContext.newPage()];
  await bothJoin(doctorPage, patientPage, c, true, info);
  await expectVideo(patientPage);
  await expectVideo(doctorPage);
  for (const page of [doctorPage, patientPage]) {
    const m = await media(page);
    expect(m.local?.type).toBe("relay");
    expect(m.remote?.type).toBe("relay");
    expect(m.local?.address).toBe("127.0.0.1");
  }
  await patientPage.getByRole("button", { name: "Leave call" }).click();
  await expect(patientPage.getByRole("status").filter({ hasText: "You left the call." })).toBeVisible();
  await expect(doctorPage.getByRole("status").filter({ hasText: `Waiting for ${c.patient.name} to join` })).toBeVisible();
  await doctorContext.close();
  await patientContext.close();
});
