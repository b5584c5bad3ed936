// How long a report.html takes to open in headless Chromium, as the README's
// Speed section measures it:
//
//	node --experimental-websocket testdata/opentime.mjs out/report.html [RUNS]
//
// (Node 22 and later need no flag.) It starts Chromium with the DevTools
// protocol on a local port, opens the page RUNS times (default 7)
// in a 1280×900 window, and prints per run the milliseconds from the start
// of navigation to the first charts drawn (the page's data-drawn-ms) and to
// the page complete: its slant.ready promise resolved (the table's rows in)
// and two frames drawn after it. Then the median of the runs.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const file = process.argv[2];
const runs = Number(process.argv[3] || 7);
if (!file) {
  console.error("usage: node --experimental-websocket testdata/opentime.mjs REPORT.html [RUNS]");
  process.exit(2);
}
const port = 9300 + Math.floor(Math.random() * 500);
const profile = mkdtempSync(join(tmpdir(), "slant-opentime-"));
const chromium = spawn("chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--window-size=1280,900", `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, "about:blank",
], { stdio: "ignore" });

async function tab() {
  for (let i = 0; i < 100; i++) {
    try {
      return await (await fetch(`http://127.0.0.1:${port}/json/new?about:blank`, { method: "PUT" })).json();
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("chromium did not start");
}

async function open(url) {
  const ws = new WebSocket((await tab()).webSocketDebuggerUrl);
  await new Promise((r) => (ws.onopen = r));
  let id = 0;
  const waiting = {};
  ws.onmessage = (m) => {
    const d = JSON.parse(m.data);
    if (d.id && waiting[d.id]) waiting[d.id](d);
  };
  const send = (method, params = {}) => new Promise((r) => { waiting[++id] = r; ws.send(JSON.stringify({ id, method, params })); });
  await send("Page.enable");
  await send("Page.navigate", { url });
  const probe = `window.slant && window.slant.ready
    ? window.slant.ready
        .then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        .then(() => JSON.stringify({ drawn: +document.documentElement.getAttribute("data-drawn-ms"), complete: Math.round(performance.now()) }))
    : null`;
  for (;;) {
    const res = await send("Runtime.evaluate", { expression: probe, awaitPromise: true, returnByValue: true });
    const v = res.result && res.result.result && res.result.result.value;
    if (v) {
      ws.close();
      return JSON.parse(v);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

try {
  const url = "file://" + resolve(file);
  const got = [];
  for (let i = 0; i < runs; i++) {
    const t = await open(url);
    got.push(t);
    console.log(`run ${i + 1}: first charts ${t.drawn} ms, complete ${t.complete} ms`);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`median of ${runs}: first charts ${median(got.map((t) => t.drawn))} ms, complete ${median(got.map((t) => t.complete))} ms`);
} finally {
  // Chromium writes to its profile until it has exited, and its helper
  // processes (crashpad) may for a moment after: rmSync retries on
  // ENOTEMPTY, and a profile it still cannot remove is said, not fatal,
  // as the runs above are measured.
  const exited = chromium.exitCode !== null ? Promise.resolve() : new Promise((done) => chromium.once("exit", done));
  chromium.kill();
  await exited;
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10 });
  } catch (e) {
    console.error(`opentime: ${profile} not removed: ${e.message}`);
  }
}
