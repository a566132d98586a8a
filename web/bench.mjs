// The patient's first page, measured (scripts/bench.sh web): the JavaScript it downloads
// (gzip, as served), and how long until its sign-in form can be used, over loopback and over a
// weak mobile link (Chromium's network emulation: 400 kbit/s down, 150 kbit/s up, 400 ms RTT),
// each the median of 5 cold loads in Debian's Chromium. CAREBRIDGE_URL names the server.
import { chromium } from "playwright";
import { gzipSync } from "node:zlib";
import { readFileSync, readdirSync } from "node:fs";

const base = process.env.CAREBRIDGE_URL ?? "http://127.0.0.1:8080";
// The scripts index.html loads and the modules they preload; chunks only a later page imports
// (the dashboards' charts) are not the first page's.
const html = readFileSync("dist/index.html", "utf8");
const js = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
const gz = js.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`), { level: 9 }).length, 0);
const later = readdirSync("dist/assets").filter((f) => f.endsWith(".js") && !js.includes(f));
console.log(`JavaScript of the first page: ${js.length} file(s), ${(gz / 1024).toFixed(1)} kB gzip (${later.length} chunk(s) loaded later)`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/lib/chromium/chromium", args: ["--no-sandbox"] });
for (const [name, net] of [
  ["loopback", null],
  ["weak mobile link", { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 150_000 / 8 }],
]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (net) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.emulateNetworkConditions", net);
    }
    const start = Date.now();
    await page.goto(`${base}/sign-in`);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.getByLabel("Email").fill("x");
    times.push(Date.now() - start);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`sign-in page usable (${name}): median ${times[2]} ms (min ${times[0]}, max ${times[4]})`);
}
await browser.close();
