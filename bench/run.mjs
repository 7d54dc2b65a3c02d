// Benchmark: the widget (release build in dist/) against the plain-JS reference
// (bench/reference/), side by side in one run, in headless Chromium, each inside its own
// sandbox portal. Normally started by bench/run.sh, which builds and starts the sandboxes.
//
// Env: WIDGET_PORTAL, WIDGET_APP, REF_PORTAL, REF_APP (host:port of the two sandboxes; the
// portals run on 127.0.0.1, the apps are framed as http://localhost:<port>/ so that the frame
// is cross-site, as in production, and gets its own renderer process), RUNS (timing runs per
// app, default 25), CYCLES (pin/unpin cycles of the memory row, default 1000), OUT (results
// directory, default bench/results), DIST (default dist), REF_DIR (default bench/reference).
//
// The official library URL https://api.bitrix24.com/api/v1/ is answered, through Chromium's
// host resolver, by a local HTTPS server with the sandbox's stand-in library: no request
// interception, so no request of either app is slowed down by the harness.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:https';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const env = (k, d) => process.env[k] ?? d;
const RUNS = Number(env('RUNS', 25));
const CYCLES = Number(env('CYCLES', 1000));
const OUT = resolve(ROOT, env('OUT', 'bench/results'));
const DIST = resolve(ROOT, env('DIST', 'dist'));
const REF_DIR = resolve(ROOT, env('REF_DIR', 'bench/reference'));
const DEFERRAL_MS = 10; // the library defers every send by 10 ms (docs/bitrix24.md §4.4)
const CHAT = 'chat11'; // the seed's plain dialog of the current user: unpinned, whisper off

const apps = {
  widget: { name: 'widget', dir: DIST, portal: env('WIDGET_PORTAL', '127.0.0.1:19090'), app: env('WIDGET_APP', '127.0.0.1:19080') },
  reference: { name: 'reference', dir: REF_DIR, portal: env('REF_PORTAL', '127.0.0.1:19091'), app: env('REF_APP', '127.0.0.1:19081') },
};
for (const a of Object.values(apps)) {
  a.portalUrl = `http://${a.portal}`;
  a.appOrigin = `http://localhost:${a.app.split(':').pop()}`;
}

// ---------------------------------------------------------------- statistics
function stats(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const q = (p) => {
    const i = (v.length - 1) * p, lo = Math.floor(i), hi = Math.ceil(i);
    return v[lo] + (v[hi] - v[lo]) * (i - lo);
  };
  return { n: v.length, median: q(0.5), p10: q(0.1), p90: q(0.9), min: v[0], max: v[v.length - 1] };
}

// ---------------------------------------------------------------- 1. shipped bytes
function sizes(dir) {
  const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' };
  const rows = { wasm: zero(), js: zero(), css: zero(), html: zero() };
  const files = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const kind = kinds[extname(f)];
    if (!kind || !statSync(p).isFile()) continue;
    const buf = readFileSync(p);
    const s = {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    };
    files.push({ file: f, kind, ...s });
    for (const k of ['raw', 'gzip', 'brotli']) rows[kind][k] += s[k];
  }
  rows.total = zero();
  rows.shipped = zero(); // wasm + js + css: what the budget counts
  for (const kind of ['wasm', 'js', 'css', 'html']) {
    for (const k of ['raw', 'gzip', 'brotli']) {
      rows.total[k] += rows[kind][k];
      if (kind !== 'html') rows.shipped[k] += rows[kind][k];
    }
  }
  return { rows, files };
  function zero() { return { raw: 0, gzip: 0, brotli: 0 }; }
}

// ---------------------------------------------------------------- the library over HTTPS
async function libraryServer() {
  const stand = await (await fetch(`${apps.widget.portalUrl}/api/v1/`)).text();
  // For the memory row only: 4,000 requests through the library's client-side throttle
  // (2 requests/s after a burst of 90) would take half an hour, so that phase is served a copy
  // without it. Everything else gets the stand-in exactly as the sandbox serves it.
  const throttle = 'if (bucket.level + 1 > 90)';
  if (!stand.includes(throttle)) throw new Error('stand-in library changed: throttle line not found');
  const bodies = { normal: stand, unthrottled: stand.replace(throttle, 'if (false)') };
  const dir = mkdtempSync(join(tmpdir(), 'olm-bench-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.bitrix24.com',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  const state = { variant: 'normal' };
  const server = createServer(tls, (req, res) => {
    if (!req.url.startsWith('/api/v1/')) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(bodies[state.variant]);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: server.address().port, state, close: () => server.close() };
}

// ---------------------------------------------------------------- in-page probe (every frame)
// Records, in the app frame only: click timestamps, when a switch showing the state is first
// in the DOM and the next frame after it, the app's own mark, and the wasm exports.
const PROBE = () => {
  if (window === window.top) return;
  const b = (window.__bench = { clicks: [], domAt: null, paintAt: null, markAt: null, wasm: null });
  // The first listener of the click's dispatch: `at` is when the page got the click, `ts` the
  // input event's own timestamp (earlier: it includes the browser → renderer hop).
  addEventListener('click', (e) => b.clicks.push({ at: performance.now(), ts: e.timeStamp }), true);
  addEventListener('TrunkApplicationStarted', (e) => { b.wasm = e.detail && e.detail.wasm; });
  const seen = () => document.querySelector('[role=switch][aria-checked]:not([hidden])');
  const mo = new MutationObserver(() => {
    if (b.domAt === null && seen()) {
      b.domAt = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => { b.paintAt = performance.now(); });
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-checked'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'olm-state-shown' && b.markAt === null) b.markAt = e.startTime;
  }).observe({ type: 'mark', buffered: true });
};

async function reset(app) {
  const r = await fetch(`${app.portalUrl}/sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!r.ok) throw new Error(`reset ${app.name}: ${r.status}`);
}

async function openApp(browser, app) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const framed = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(app.appOrigin), timeout: 20_000 });
  await page.goto(`${app.portalUrl}/?dialog=${CHAT}&app_url=${encodeURIComponent(app.appOrigin + '/')}`);
  const frame = await framed;
  await frame.waitForFunction(() => window.__bench && window.__bench.markAt !== null && window.__bench.paintAt !== null,
    null, { polling: 50, timeout: 20_000 });
  return { context, page, frame, errors };
}

// One timing run: load, then a pin click and a whisper click.
async function timingRun(browser, app) {
  await reset(app);
  const { context, page, frame, errors } = await openApp(browser, app);
  try {
    const load = await frame.evaluate(() => {
      const b = window.__bench;
      const rest = performance.getEntriesByType('resource').filter((e) => e.name.includes('/rest/'));
      const before = rest.filter((e) => e.startTime <= b.markAt);
      const last = before[before.length - 1];
      const res = (re) => performance.getEntriesByType('resource').find((e) => re.test(e.name));
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        mark: b.markAt, dom: b.domAt, paint: b.paintAt,
        requests: before.length, methods: before.map((e) => e.name.replace(/^.*\/rest\//, '')),
        answerEnd: last ? last.responseEnd : null,
        timeOrigin: performance.timeOrigin,
        docEnd: nav ? nav.responseEnd : null,
        library: res(/api\.bitrix24\.com/)?.responseEnd ?? null,
        wasmEnd: res(/\.wasm$/)?.responseEnd ?? null,
      };
    });
    const topOrigin = await page.evaluate(() => performance.timeOrigin);
    const clicks = {};
    for (const [id, method] of [['pin', 'imopenlines.session.mode.pin'], ['whisper', 'imopenlines.session.mode.silent']]) {
      const sw = frame.locator('[role=switch]').nth(id === 'pin' ? 0 : 1);
      await sw.click();
      const got = await frame.waitForFunction(([m, n]) => {
        const xhr = performance.getEntriesByType('resource').filter((e) => e.name.includes('/rest/' + m));
        const sws = document.querySelectorAll('[role=switch]');
        const busy = sws[n].getAttribute('aria-busy') === 'true';
        if (!xhr.length || busy || sws[n].getAttribute('aria-checked') !== 'true') return null;
        const clicks = window.__bench.clicks;
        const c = clicks[clicks.length - 1];
        return { at: c.at, ts: c.ts, sent: xhr[xhr.length - 1].startTime };
      }, [method, id === 'pin' ? 0 : 1], { polling: 20, timeout: 10_000 }).then((h) => h.jsonValue());
      clicks[id] = got.sent - got.at;
      clicks[id + 'Input'] = got.sent - got.ts;
    }
    return {
      navToMark: load.mark,
      navToDom: load.dom,
      navToPaint: load.paint,
      portalNavToMark: load.timeOrigin - topOrigin + load.mark,
      answerToMark: load.answerEnd === null ? null : load.mark - load.answerEnd,
      answerToDom: load.answerEnd === null ? null : load.dom - load.answerEnd,
      requests: load.requests,
      methods: load.methods,
      libraryLoaded: load.library,
      wasmLoaded: load.wasmEnd,
      docLoaded: load.docEnd,
      clickToSendPin: clicks.pin,
      clickToSendWhisper: clicks.whisper,
      inputToSendPin: clicks.pinInput,
      inputToSendWhisper: clicks.whisperInput,
      errors,
    };
  } finally {
    await context.close();
  }
}

// Memory: pin/unpin cycles driven inside the frame (element.click(), waiting for the re-read to
// finish), measured after a full GC via the frame's own renderer (it is a cross-site frame).
async function memoryRun(browser, app, lib) {
  lib.state.variant = 'unthrottled';
  await reset(app);
  const { context, frame, errors } = await openApp(browser, app);
  try {
    const cdp = await context.newCDPSession(frame);
    const cycles = (n) => frame.evaluate(async (n) => {
      // The browser keeps up to 250 resource-timing entries per page: not the apps' memory.
      performance.clearResourceTimings();
      const sw = document.querySelectorAll('[role=switch]')[0];
      const until = (want) => new Promise((ok, fail) => {
        const done = () => sw.getAttribute('aria-checked') === want && sw.getAttribute('aria-busy') !== 'true';
        const t = setTimeout(() => { mo.disconnect(); fail(new Error('cycle stuck at ' + want)); }, 10_000);
        const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); clearTimeout(t); ok(); } });
        mo.observe(sw, { attributes: true });
      });
      for (let i = 0; i < n; i++) {
        for (const want of ['true', 'false']) {
          const p = until(want);
          sw.click();
          await p;
        }
      }
    }, n);
    const measure = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await frame.evaluate(() => {
        const w = window.__bench.wasm;
        return w && w.memory ? w.memory.buffer.byteLength : null;
      });
      return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm };
    };
    // The sandbox's limiter admits 50 requests in a burst (2/s after): a cycle is 4 requests
    // (write + re-read, twice), so the sandbox is reset every 10 cycles, between cycles, when
    // the dialog is back to its seed state (unpinned).
    const CHUNK = 10;
    const t0 = Date.now();
    await cycles(CHUNK);
    await reset(app);
    const after10 = await measure();
    let done = CHUNK;
    while (done < CYCLES) {
      const n = Math.min(CHUNK, CYCLES - done);
      await cycles(n);
      await reset(app);
      done += n;
    }
    const afterN = await measure();
    const growth = {
      jsHeapUsed: afterN.jsHeapUsed - after10.jsHeapUsed,
      wasmMemory: afterN.wasmMemory === null ? null : afterN.wasmMemory - after10.wasmMemory,
    };
    return { cycles: CYCLES, after10, afterN, growth, seconds: (Date.now() - t0) / 1000, errors };
  } finally {
    lib.state.variant = 'normal';
    await context.close();
  }
}

// ---------------------------------------------------------------- report
const fmtB = (n) => (n == null ? '–' : n >= 10_000 ? `${(n / 1000).toFixed(1)} KB` : `${n} B`);
const fmtMs = (s) => (s ? `${s.median.toFixed(1)} ms (${s.p10.toFixed(1)}–${s.p90.toFixed(1)})` : '–');
const ratio = (a, b) => (a == null || b == null ? '–' : b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));
const signedB = (n) => (n == null ? '–' : `${n >= 0 ? '+' : '−'}${fmtB(Math.abs(n))}`);

function markdown(r) {
  const W = r.widget, R = r.reference;
  const L = [];
  L.push(`# Benchmark: widget vs plain-JS reference`, '');
  L.push(`${r.meta.date} · commit ${r.meta.commit} · ${r.meta.browser} headless · ${r.meta.runs} timing runs per app (interleaved) · ` +
    `${r.meta.cycles} memory cycles · sandbox latency 0 ms · ${r.meta.machine}`, '');
  L.push('Timings: median (p10–p90). Ratio: widget / reference (of the medians).', '');
  L.push('| # | Metric | Widget | Reference | Ratio | Budget (widget) |');
  L.push('|---|---|---|---|---|---|');
  const sz = (kind, k) => [W.sizes.rows[kind][k], R.sizes.rows[kind][k]];
  for (const kind of ['wasm', 'js', 'css', 'html']) {
    const cell = (s) => `${fmtB(s.raw)} / ${fmtB(s.gzip)} / ${fmtB(s.brotli)}`;
    L.push(`| 1 | shipped ${kind} (raw / gzip / brotli) | ${cell(W.sizes.rows[kind])} | ${cell(R.sizes.rows[kind])} | ${sz(kind, 'gzip').reduce(ratio)} (gzip) | |`);
  }
  const sh = (x) => `**${fmtB(x.raw)} / ${fmtB(x.gzip)} / ${fmtB(x.brotli)}**`;
  L.push(`| 1 | **shipped wasm + js + css** | ${sh(W.sizes.rows.shipped)} | ${sh(R.sizes.rows.shipped)} | ${ratio(W.sizes.rows.shipped.gzip, R.sizes.rows.shipped.gzip)} (gzip) | ≤ 60 KB gzip: ${r.budgets.shipped.met ? 'met' : '**missed**'} |`);
  L.push(`| 1 | everything incl. html (gzip) | ${fmtB(W.sizes.rows.total.gzip)} | ${fmtB(R.sizes.rows.total.gzip)} | ${ratio(W.sizes.rows.total.gzip, R.sizes.rows.total.gzip)} | |`);
  const t = (k) => [W.timing[k], R.timing[k]];
  const row = (n, label, k, budget = '') => {
    const [w, rf] = t(k);
    L.push(`| ${n} | ${label} | ${fmtMs(w)} | ${fmtMs(rf)} | ${ratio(w?.median, rf?.median)} | ${budget} |`);
  };
  row(2, 'frame navigation → state shown (app mark)', 'navToMark');
  row(2, 'frame navigation → state in DOM (observer)', 'navToDom');
  row(2, 'frame navigation → next frame after state', 'navToPaint');
  row(2, 'portal navigation → state shown (mark)', 'portalNavToMark');
  row(2, 'REST answer → state shown (app mark)', 'answerToMark');
  row(2, 'REST answer → state in DOM (observer)', 'answerToDom', `≤ 50 ms: ${r.budgets.answerToState.met ? 'met' : '**missed**'}`);
  const [rw, rr] = t('requests');
  L.push(`| 3 | REST requests until the state is shown | ${rw.median} (${rw.min}–${rw.max}) | ${rr.median} (${rr.min}–${rr.max}) | ${ratio(rw.median, rr.median)} | ≤ 1: ${r.budgets.requests.met ? 'met' : '**missed**'} |`);
  row(4, 'click → XHR sent, pin (incl. the library\'s 10 ms)', 'clickToSendPin');
  row(4, 'click → XHR sent, whisper (incl. 10 ms)', 'clickToSendWhisper');
  row(4, 'click → XHR sent beyond the 10 ms deferral (both switches)', 'clickOverDeferral', `≤ 2 ms: ${r.budgets.clickToSend.met ? 'met' : '**missed**'}`);
  row(4, 'input event timestamp → XHR sent, pin (adds the browser → renderer hop)', 'inputToSendPin');
  const m = (x, k) => x.memory[k];
  const mem = (label, k, f) => L.push(`| 5 | ${label} | ${f(W.memory, k)} | ${f(R.memory, k)} | ${k === 'wasmMemory' ? '–' : ratio(W.memory.afterN[k], R.memory.afterN[k])} | |`);
  const at = (x, k) => `${fmtB(x.after10[k])} → ${fmtB(x.afterN[k])}`;
  mem(`wasm linear memory after 10 → ${r.meta.cycles} cycles`, 'wasmMemory', at);
  mem(`JS heap used (after GC) after 10 → ${r.meta.cycles} cycles`, 'jsHeapUsed', at);
  L.push(`| 5 | growth over ${r.meta.cycles - 10} cycles: wasm / JS heap | ${signedB(W.memory.growth.wasmMemory)} / ${signedB(W.memory.growth.jsHeapUsed)} | – / ${signedB(R.memory.growth.jsHeapUsed)} | – | ≤ 64 KiB (JS heap: over the reference, ${signedB(r.budgets.memory.overReference)}): ${r.budgets.memory.met ? 'met' : '**missed**'} |`);
  L.push('', 'Budgets (README): ' + Object.entries(r.budgets).map(([k, b]) => `${k} ${b.met ? 'met' : 'MISSED'} (${b.value} vs ${b.limit})`).join('; ') + '.');
  L.push('', 'Files:', '');
  for (const who of ['widget', 'reference']) {
    for (const f of r[who].sizes.files) L.push(`- ${who}: \`${f.file}\` ${f.raw} B raw, ${f.gzip} B gzip, ${f.brotli} B brotli`);
  }
  L.push('', 'Notes: the app frame is cross-site (portal 127.0.0.1, app localhost), so it runs in its own renderer, as in a real portal; ' +
    'the JS heap is that renderer\'s, after three forced GCs. The library is the sandbox stand-in served as https://api.bitrix24.com/api/v1/ ' +
    '(no request interception). For the memory row only, its client-side throttle (2 requests/s) is switched off and the sandbox is reset every ' +
    '10 cycles (its limiter admits 50 requests per burst).');
  return L.join('\n') + '\n';
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(OUT, { recursive: true });
  const lib = await libraryServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', `--host-resolver-rules=MAP api.bitrix24.com 127.0.0.1:${lib.port}`, '--ignore-certificate-errors'],
  });
  const result = {
    meta: {
      date: new Date().toISOString(),
      commit: (() => { try { return execFileSync('git', ['-C', ROOT, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim(); } catch { return '?'; } })(),
      browser: `Chromium ${browser.version()}`,
      node: process.version,
      machine: `${(await import('node:os')).cpus().length} cores`,
      runs: RUNS, cycles: CYCLES, chat: CHAT,
    },
    widget: { sizes: sizes(apps.widget.dir) },
    reference: { sizes: sizes(apps.reference.dir) },
  };
  try {
    // One warm-up run each (not counted), then interleaved runs so that machine noise hits both.
    // ONLY=memory skips the timing rows (a quick look at the memory row).
    const only = env('ONLY', '');
    if (only !== 'memory') for (const a of Object.values(apps)) await timingRun(browser, a);
    const runs = { widget: [], reference: [] };
    for (let i = 0; i < (only === 'memory' ? 0 : RUNS); i++) {
      for (const a of (i % 2 ? ['reference', 'widget'] : ['widget', 'reference'])) {
        runs[a].push(await timingRun(browser, apps[a]));
      }
      process.stderr.write(`timing run ${i + 1}/${RUNS}\r`);
    }
    process.stderr.write('\n');
    for (const a of ['widget', 'reference']) {
      const rs = runs[a];
      const pick = (k) => rs.map((x) => x[k]);
      result[a].timing = {};
      for (const k of ['navToMark', 'navToDom', 'navToPaint', 'portalNavToMark', 'answerToMark', 'answerToDom', 'requests',
        'clickToSendPin', 'clickToSendWhisper', 'inputToSendPin', 'inputToSendWhisper', 'libraryLoaded', 'wasmLoaded', 'docLoaded']) result[a].timing[k] = stats(pick(k));
      result[a].timing.clickOverDeferral = stats(rs.flatMap((x) => [x.clickToSendPin - DEFERRAL_MS, x.clickToSendWhisper - DEFERRAL_MS]));
      result[a].requestMethods = [...new Set(rs.map((x) => x.methods.join(',')))];
      result[a].pageErrors = [...new Set(rs.flatMap((x) => x.errors))];
      result[a].runs = rs;
    }
    for (const a of ['widget', 'reference']) {
      process.stderr.write(`memory: ${a}, ${CYCLES} cycles…\n`);
      result[a].memory = await memoryRun(browser, apps[a], lib);
    }
  } finally {
    await browser.close();
    lib.close();
  }
  if (env('ONLY', '') === 'memory') {
    process.stdout.write(JSON.stringify({ widget: result.widget.memory, reference: result.reference.memory }, null, 2) + '\n');
    return;
  }
  const W = result.widget;
  const KB = 1024;
  result.budgets = {
    shipped: { limit: '60 KB gzip', value: `${(W.sizes.rows.shipped.gzip / 1000).toFixed(1)} KB`, met: W.sizes.rows.shipped.gzip <= 60 * 1000 },
    requests: { limit: '1', value: W.timing.requests.max, met: W.timing.requests.max <= 1 },
    // Judged on the DOM observer, not the app's mark: the widget places its mark just before
    // it renders the state.
    answerToState: { limit: '50 ms', value: `${W.timing.answerToDom.median.toFixed(1)} ms median, ${W.timing.answerToDom.max.toFixed(1)} max`, met: W.timing.answerToDom.median <= 50 },
    clickToSend: { limit: '2 ms over 10 ms', value: `${W.timing.clickOverDeferral.median.toFixed(1)} ms median`, met: W.timing.clickOverDeferral.median <= 2 },
    memory: {
      limit: '64 KiB (wasm; JS heap over the reference\'s growth)',
      value: `wasm ${W.memory.growth.wasmMemory} B, JS heap ${W.memory.growth.jsHeapUsed} B (reference ${result.reference.memory.growth.jsHeapUsed} B)`,
      // The JS heap of the reference grows too (the library, the browser): the widget is judged
      // on what it adds over that floor.
      overReference: W.memory.growth.jsHeapUsed - result.reference.memory.growth.jsHeapUsed,
      met: (W.memory.growth.wasmMemory ?? 0) <= 64 * KB && W.memory.growth.jsHeapUsed - result.reference.memory.growth.jsHeapUsed <= 64 * KB,
    },
  };
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  const md = markdown(result);
  writeFileSync(join(OUT, 'latest.md'), md);
  process.stdout.write(md);
}

main().catch((e) => { console.error(e); process.exit(1); });
