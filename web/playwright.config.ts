import { defineConfig } from "@playwright/test";

// Debian's Chromium (installed by scripts/web-test.sh), never a downloaded browser. The server
// is started by scripts/web-test.sh on a fresh database and named by CAREBRIDGE_URL. For calls:
// a fake camera and microphone (and screen), granted without a prompt, and ICE candidates on
// loopback.
const chromium = {
  executablePath: process.env.CHROMIUM ?? "/usr/lib/chromium/chromium",
  args: [
    "--no-sandbox",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    "--allow-loopback-in-peer-connection",
  ],
};

export default defineConfig({
  testDir: "tests",
  // The journeys share one server and its demo hospitals: one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: process.env.CAREBRIDGE_URL ?? "http://127.0.0.1:8080",
    launchOptions: chromium,
    locale: "en-GB",
    timezoneId: "Asia/Kathmandu",
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    {
      name: "phone",
      testMatch: /patient\.spec\.ts/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
});
