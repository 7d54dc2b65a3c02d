// Runs one recorded case against the stand-in library the way the recording ran the official
// one, and returns what happened in the recording's shape, with the recording's placeholders.
//
// Per case: a fresh loopback HTTP server is the parent origin and the REST endpoint (answers
// scripted by input.http / http_default / the defaults, "drop" and delayMs included); a second
// fresh server on another loopback origin serves the app page; a fresh page (in a fresh browser
// context, or in the shared one global-setup.ts passes, see there) opens the parent page, which
// frames the app page (800x600) with the recorded window.name and answers the
// frame protocol as the recording's parent did. The app page loads serialize.js, the recording
// layer (app/recorder.js), then sandbox/src/assets/bx24.js, runs input.code_before_init_reply
// inline, waits for init, runs input.code, and is observed for the recorded window (3 s unless
// input.observation_window_ms says otherwise), measured from the end of the code.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Frame, Page } from '@playwright/test';
import {
  Fixture, RecordedCase, ScriptedAnswer, Json, isSentence,
  STAND_IN_PATH, SERIALIZER_PATH, RECORDER_PATH,
} from './fixture';
import { describeBody } from './form';

const HOST = '127.0.0.1';
const hex = (n: number) => randomBytes(n).toString('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ServerRequest {
  method: string;
  path: string;
  query: string;
  origin: string | null;
  content_type: string | null;
  body: string;
  answered_with: string;
  t: number;
}

/** What the suite hands to the comparison: the recording's shape, placeholders applied. */
export interface Observation {
  name: string;
  request?: Record<string, Json>;
  requests: Record<string, Json>[];
  observed: Record<string, any>;
  /** ser() of the params / calls as the case code saw them before the call. */
  inputCheck: { params?: Json; calls?: Json };
  harnessErrors: string[];
  preflights: number;
  fatal?: string;
  wallMs: number;
  /** ms spent in each phase of the run (for the suite's own tuning). */
  phases?: Record<string, number>;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}
function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
/** JSON inside an inline <script>: nothing can close the element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
function now(): number { return performance.timeOrigin + performance.now(); }

const PARENT_SCRIPT = String.raw`
(function () {
  var CFG = window.__CFG;
  window.__msgs = [];
  window.__replies = [];
  function now() { return performance.timeOrigin + performance.now(); }
  var frame = document.createElement('iframe');
  if (CFG.name !== null) { frame.setAttribute('name', CFG.name); }
  frame.setAttribute('width', CFG.width);
  frame.setAttribute('height', CFG.height);
  frame.style.border = '0';
  frame.style.display = 'block';
  frame.src = CFG.appUrl;
  document.body.appendChild(frame);
  var refreshAnswered = 0;
  var pending = JSON.parse(JSON.stringify(CFG.replies || {}));
  function reply(text) {
    window.__replies.push(text);
    frame.contentWindow.postMessage(text, CFG.appOrigin);
  }
  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow) { return; }
    var data = e.data, t = now();
    window.__msgs.push({ data: data, t: t });
    if (typeof window.__parentGot === 'function') {
      window.__parentGot(typeof data === 'string' ? data : JSON.stringify(data), t);
    }
    if (typeof data !== 'string') { return; }
    var parts = data.split(':');
    if (parts.length < 3) { return; }
    var cmd = parts[0], cbId = parts[parts.length - 2];
    if (cmd === 'getInitData') {
      if (CFG.initPayload === null) { return; }
      for (var i = 0; i < CFG.initCount; i++) {
        var delay = CFG.initDelay + 100 * i;
        if (delay === 0) { reply(cbId + ':' + CFG.initPayload); }
        else { setTimeout(function () { reply(cbId + ':' + CFG.initPayload); }, delay); }
      }
    } else if (cmd === 'refreshAuth') {
      var mode = CFG.refresh.mode;
      if (mode === 'never') { return; }
      if (mode === 'empty') { reply(cbId + ':'); return; }
      if (mode === 'answer' && refreshAnswered >= CFG.refresh.times) { return; }
      var tok = CFG.tokens[refreshAnswered];
      refreshAnswered++;
      reply(cbId + ':' + JSON.stringify({ AUTH_ID: tok.auth, AUTH_EXPIRES: 3600, REFRESH_ID: tok.refresh }));
    } else if (pending[cmd]) {
      var list = pending[cmd];
      delete pending[cmd];
      for (var j = 0; j < list.length; j++) { reply(cbId + ':' + list[j]); }
    }
  });
})();
`;

export interface ObserveOptions {
  /** The stand-in's source; read from disk per case unless given. */
  standIn?: string;
  /** Open the case's page in this context (one per lane of the pool) instead of a fresh context
   * per case. Each case still gets fresh servers on new ports (so new origins: nothing stored
   * by one case is visible to another), a fresh page and a fresh library instance. */
  context?: BrowserContext;
}

export async function observeCase(browser: Browser, fx: Fixture, c: RecordedCase, opts: ObserveOptions = {}): Promise<Observation> {
  const started = now();
  const input = c.input;
  const sid = hex(16);
  const auth = hex(20);
  const refresh = hex(20);
  const tokens = Array.from({ length: 40 }, () => ({ auth: hex(20), refresh: hex(20) }));
  // BX24_CONFORMANCE_STAND_IN: another file to check instead (a draft, or a deliberate break).
  const standIn = opts.standIn ?? fs.readFileSync(process.env.BX24_CONFORMANCE_STAND_IN || STAND_IN_PATH, 'utf8');
  const serializer = fs.readFileSync(SERIALIZER_PATH, 'utf8');
  const recorder = fs.readFileSync(RECORDER_PATH, 'utf8');

  // ---- the parent origin + REST endpoint ----
  const requests: ServerRequest[] = [];
  let preflights = 0;
  let parentHtml = '';
  const exhausted: ScriptedAnswer = input.http_default ?? fx.defaults.http_answer_when_list_exhausted;
  const parentServer = http.createServer(async (req, res) => {
    res.shouldKeepAlive = false;
    const url = new URL(req.url || '/', `http://${HOST}`);
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
      res.end(parentHtml);
      return;
    }
    if (url.pathname === '/favicon.ico') { res.writeHead(404, { connection: 'close' }).end(); return; }
    if (req.method === 'OPTIONS') {
      preflights++;
      res.writeHead(204, {
        'access-control-allow-origin': '*', 'access-control-allow-headers': '*',
        'access-control-allow-methods': 'GET, POST', connection: 'close',
      }).end();
      return;
    }
    const t = now();
    const body = await readBody(req);
    const i = requests.length;
    const scripted = i < input.http.length ? input.http[i] : exhausted;
    requests.push({
      method: req.method || '', path: url.pathname, query: url.search.replace(/^\?/, ''),
      origin: (req.headers.origin as string) ?? null, content_type: (req.headers['content-type'] as string) ?? null,
      body, answered_with: i < input.http.length ? `http[${i}]` : 'default', t,
    });
    if (scripted === 'drop') { req.socket.destroy(); return; }
    if (scripted.delayMs) { await sleep(scripted.delayMs); }
    res.writeHead(scripted.status, { ...scripted.headers, connection: 'close' });
    res.end(scripted.body);
  });
  parentServer.on('clientError', (_e, socket) => socket.destroy());
  const parentPort = await listen(parentServer);
  const domain = `${HOST}:${parentPort}`;

  // ---- the app origin ----
  const appServer = http.createServer((req, res) => {
    res.shouldKeepAlive = false;
    const url = new URL(req.url || '/', `http://${HOST}`);
    const js = (s: string) => { res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', connection: 'close' }); res.end(s); };
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
      res.end(appHtml);
    } else if (url.pathname === '/serialize.js') { js(serializer); }
    else if (url.pathname === '/recorder.js') { js(recorder); }
    else if (url.pathname === '/bx24.js') { js(standIn); }
    else { res.writeHead(404, { connection: 'close' }).end(); }
  });
  const appPort = await listen(appServer);
  const appOrigin = `http://${HOST}:${appPort}`;

  // ---- what the parent sends ----
  const fill = (s: string) => s.split('<domain>').join(domain).split('<SID>').join(sid)
    .split('<auth>').join(auth).split('<refresh>').join(refresh);
  let initPayload: string | null;
  const initData = input.init_data === undefined ? fx.defaults.init_data : input.init_data;
  if (typeof initData === 'string') { initPayload = isSentence(initData) ? null : fill(initData); }
  else { initPayload = fill(JSON.stringify(initData)); }
  const rawName = input.window_name ?? fx.defaults.window_name;
  const windowName = isSentence(rawName) ? null : fill(rawName);
  const [w, h] = fx.defaults.iframe_size.split('x');
  const cfg = {
    name: windowName, width: w, height: h, appUrl: `${appOrigin}/`, appOrigin,
    initPayload, initDelay: input.init_reply_delay_ms ?? 0, initCount: input.init_reply_count ?? 1,
    refresh: input.parent_refreshAuth ?? { mode: 'always' }, tokens, replies: input.parent_replies ?? {},
  };
  parentHtml = `<!doctype html><html><head><meta charset="utf-8"><title>parent</title></head>` +
    `<body style="margin:0"><script>window.__CFG = ${scriptJson(cfg)};</script><script>${PARENT_SCRIPT}</script></body></html>`;
  const before = input.code_before_init_reply ? `<script>\n${input.code_before_init_reply}\n</script>\n` : '';
  const appHtml = `<!doctype html>\n<html><head><meta charset="utf-8"><title>app</title>\n` +
    `<script src="/serialize.js"></script>\n<script src="/recorder.js"></script>\n` +
    `<script src="/bx24.js"></script>\n<script>window.__harness.snapshotAfterLoad();</script>\n` +
    before + `<script>window.__harness.waitForInit();</script>\n</head>\n<body>${input.app_body_html ?? ''}</body></html>`;

  const parentMsgs: { data: string; t: number }[] = [];
  const own = !opts.context;
  const context = opts.context ?? await browser.newContext({ viewport: { width: 1000, height: 800 } });
  let page: Page | null = null;
  const obs: Observation = { name: c.name, requests: [], observed: {}, inputCheck: {}, harnessErrors: [], preflights: 0, wallMs: 0 };
  try {
    const phases: Record<string, number> = {};
    let mark = now();
    const phase = (name: string) => { const t = now(); phases[name] = Math.round(t - mark); mark = t; };
    obs.phases = phases;
    phase('setup');
    page = await context.newPage();
    await page.exposeBinding('__parentGot', (_src, data: string, t: number) => { parentMsgs.push({ data, t }); });
    await page.exposeBinding('__parentMessages', () => parentMsgs.map((m) => m.data));
    let signalReady: () => void = () => {};
    const readySignal = new Promise<void>((resolve) => { signalReady = resolve; });
    await page.exposeBinding('__harnessReady', () => { signalReady(); });
    phase('newPage');
    const top = !!input.top_level_page;
    await page!.goto(top ? `${appOrigin}/` : `http://${domain}/`, { waitUntil: 'load' });
    phase('goto');
    const frame = top ? page.mainFrame() : await appFrame(page, appOrigin);
    // The recording layer calls __harnessReady(); a slow poll covers a missed call.
    await Promise.race([
      readySignal,
      frame.waitForFunction(() => (window as any).__harness && (window as any).__harness.readyToRun, null, { timeout: 30_000, polling: 250 }),
    ]);
    phase('init');
    const duringLoadCount = top ? 0 : await page.evaluate(() => (window as any).__msgs.length);
    await frame.evaluate((code) => (window as any).__harness.run(code), input.code);
    phase('code');
    await sleep(input.observation_window_ms ?? fx.defaults.observation_window_ms);
    phase('window');
    const got = await frame.evaluate(() => (window as any).__harness.collect());
    phase('collect');
    const parent = top ? null : await page.evaluate(() => ({ msgs: (window as any).__msgs, replies: (window as any).__replies }));
    assemble(obs, c, got, parent, duringLoadCount, requests, `http://${domain}`);
    obs.preflights = preflights;

    // ---- placeholders ----
    const cbIds: string[] = [];
    for (const m of parent ? parent.msgs : []) {
      if (typeof m.data !== 'string') { continue; }
      const parts = m.data.split(':');
      const id = parts.length >= 3 ? parts[parts.length - 2] : '';
      if (id && /^[0-9a-z]+$/.test(id) && !cbIds.includes(id)) { cbIds.push(id); }
    }
    const rules: [RegExp, string][] = [
      [new RegExp(`http://${HOST.replace(/\./g, '\\.')}:${appPort}(?!\\d)`, 'g'), '<app-origin>'],
      [new RegExp(`${HOST.replace(/\./g, '\\.')}:${parentPort}(?!\\d)`, 'g'), '<domain>'],
      [new RegExp(sid, 'g'), '<SID>'],
      [new RegExp(auth, 'g'), '<auth>'],
      [new RegExp(refresh, 'g'), '<refresh>'],
      ...tokens.flatMap((tk, i): [RegExp, string][] => [[new RegExp(tk.auth, 'g'), `<auth#${i + 2}>`], [new RegExp(tk.refresh, 'g'), `<refresh#${i + 2}>`]]),
      ...cbIds.map((id, i): [RegExp, string] => [new RegExp(`(?<![0-9a-z])${id}(?![0-9a-z])`, 'g'), `<cb${i + 1}>`]),
    ];
    // <epoch-ms>: an absolute time in milliseconds (getAuth().expires_in handed to a callback):
    // any number within 30 days of now. Epoch seconds (the answers' `time`) are far from it.
    const epochNow = Date.now();
    const norm = (v: any): any => {
      if (typeof v === 'number' && Math.abs(v - epochNow) < 30 * 86_400_000) { return '<epoch-ms>'; }
      if (typeof v === 'string') { return rules.reduce((s, [re, to]) => s.replace(re, to), v); }
      if (Array.isArray(v)) { return v.map(norm); }
      if (v && typeof v === 'object') {
        const o: any = {};
        for (const k of Object.keys(v)) { o[norm(k)] = norm(v[k]); }
        return o;
      }
      return v;
    };
    const timing = obs.observed.timing;
    delete obs.observed.timing;
    obs.observed = norm(obs.observed);
    if (timing) { obs.observed.timing = timing; }
    obs.inputCheck = norm(obs.inputCheck);
    obs.requests = requests.map((r) => {
      const body = norm(r.body) as string;
      return {
        method: r.method, path: r.path, query: r.query, content_type: r.content_type, origin: norm(r.origin),
        body, ...describeBody(body), answered_with: r.answered_with,
      };
    });
    if (obs.requests.length) { obs.request = obs.requests[0]; }
    if (obs.observed.timing && Array.isArray(obs.observed.timing.request_bodies_sorted)) {
      obs.observed.timing.request_bodies_sorted = obs.requests.map((r) => r.body as string).sort();
    }
    obs.harnessErrors = got.harnessErrors;
  } catch (e) {
    obs.fatal = String(e && (e as Error).stack || e);
  } finally {
    if (own) { await context.close().catch(() => {}); } else if (page) { await page.close().catch(() => {}); }
    await close(parentServer);
    await close(appServer);
  }
  obs.wallMs = Math.round(now() - started);
  return obs;
}

async function appFrame(page: Page, appOrigin: string): Promise<Frame> {
  for (let i = 0; i < 500; i++) {
    const f = page.frames().find((fr) => fr !== page.mainFrame() && fr.url().startsWith(appOrigin));
    if (f) { return f; }
    await sleep(10);
  }
  throw new Error('the app frame never appeared');
}

const RESERVED = new Set(['result', 'params_before', 'params_after', 'calls_before', 'calls_after']);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function assemble(obs: Observation, c: RecordedCase, got: any, parent: any, duringLoadCount: number, requests: ServerRequest[], parentOrigin: string) {
  const o: Record<string, any> = {};
  const pg = got.page as Record<string, Json>;
  if ('result' in pg) { o.call = pg.result; }
  for (const [what, before, after] of [['params', 'params_before', 'params_after'], ['calls', 'calls_before', 'calls_after']]) {
    if (before in pg) { (obs.inputCheck as any)[what] = pg[before]; }
    if (before in pg && after in pg) {
      const mutated = !same(pg[before], pg[after]);
      o[`${what}_mutated`] = mutated;
      if (mutated) { o[`${what}_after_call`] = pg[after]; }
    }
  }
  const values: Record<string, Json> = {};
  for (const k of Object.keys(pg)) {
    if (!RESERVED.has(k) && !k.startsWith('_')) { values[k] = pg[k]; }
  }
  if (Object.keys(values).length) { o.values = values; }

  const callbacks: Record<string, any> = {};
  for (const [name, slot] of Object.entries<any>(got.cbs)) {
    if (slot.light) { callbacks[name] = { count_total: slot.calls.length }; continue; }
    const within = slot.calls.filter((x: any) => x.t - slot.created <= 3000).length;
    callbacks[name] = {
      fired_within_3s: within > 0, count_within_3s: within, count_total: slot.calls.length,
      calls: slot.calls.map((x: any) => ({ this: x.this, args: x.args })),
    };
  }
  o.callbacks = callbacks;
  if (got.steps.length) { o.steps = got.steps; }
  const msgs: string[] = parent ? parent.msgs.map((m: any) => (typeof m.data === 'string' ? m.data : JSON.stringify(m.data))) : [];
  o.messages_to_parent = { during_load: msgs.slice(0, duringLoadCount), after_code_started: msgs.slice(duringLoadCount) };
  o.replies_from_parent = parent ? parent.replies : null;
  o.requests_count = requests.length;
  o.xhr_attempts = got.xhr.map((x: any) => ({ method: x.method, url: x.url, sent: x.sent, status: x.status, network_error: x.network_error }));
  o.frame_errors = got.errors;
  o.init_completed = got.initDone;
  o.BX24_after_library_load = got.afterLoad;
  const recordedTiming = c.observed.timing;
  if (recordedTiming) { o.timing = deriveTiming(Object.keys(recordedTiming), c, got, parent, requests, parentOrigin); }
  obs.observed = o;
}

// ---- timing: the recording's derived values, measured the same way (unrounded here) ----
function deriveTiming(keys: string[], c: RecordedCase, got: any, parent: any, requests: ServerRequest[], parentOrigin: string): Record<string, any> {
  const xhr: any[] = got.xhr;
  const cbs: Record<string, any> = got.cbs;
  const pg: any = got.page;
  // Messages the frame received from the parent's origin (the init reply first).
  const fromParent: any[] = got.msgs.filter((m: any) => m.origin === parentOrigin);
  const firstCall = (name: string) => cbs[name] && cbs[name].calls[0] ? cbs[name].calls[0].t : NaN;
  const out: Record<string, any> = {};
  for (const k of keys) {
    switch (k) {
      case 'rounding': out[k] = c.observed.timing.rounding; break;
      // callMethod.401.expired-token.parent-refreshes
      case 'refreshAuth_posted_after_401_loaded_ms': {
        const m = parent.msgs.find((x: any) => typeof x.data === 'string' && x.data.startsWith('refreshAuth:'));
        out[k] = m && xhr[0] ? m.t - xhr[0].tDone : NaN; break;
      }
      case 'retry_sent_after_refresh_reply_arrived_ms': {
        const m = parent.msgs.find((x: any) => typeof x.data === 'string' && x.data.startsWith('refreshAuth:'));
        const id = m ? m.data.split(':').slice(-2)[0] : null;
        const r = fromParent.find((x: any) => typeof x.data === 'string' && id && x.data.startsWith(id + ':'));
        out[k] = r && xhr[1] ? xhr[1].tSend - r.t : NaN; break;
      }
      case 'callback_after_retry_loaded_ms': out[k] = xhr[1] ? firstCall('cb') - xhr[1].tDone : NaN; break;
      // callMethod.401.expired-token.two-concurrent-calls
      case 'refreshAuth_messages': out[k] = parent.msgs.filter((x: any) => typeof x.data === 'string' && x.data.startsWith('refreshAuth:')).length; break;
      case 'request_bodies_sorted': out[k] = requests.map((r) => r.body).sort(); break; // normalized later
      // callMethod.200.delay-5s
      case 'callback_after_call_ms': out[k] = cbs.cb ? firstCall('cb') - cbs.cb.created : NaN; break;
      case 'xhr_timeout_fired': out[k] = xhr.some((x) => x.timeout); break;
      // timing.init-callback-deferral
      case 'init_registered_before_reply_fired_after_reply_arrived_ms':
        out[k] = fromParent[0] ? firstCall('init_registered_before_reply') - fromParent[0].t : NaN; break;
      case 'init_registered_after_init_fired_after_registration_ms': out[k] = firstCall('init_registered_after_init') - pg._t_register; break;
      case 'ready_registered_after_ready_fired_after_registration_ms': out[k] = firstCall('ready_registered_after_ready') - pg._t_ready; break;
      // timing.callMethod-send-deferral (arrays, c0..c4) and timing.callBatch-send-deferral
      case 'xhr_open_after_call_ms':
        out[k] = Array.isArray(pg._t) ? pg._t.map((t0: number, i: number) => (xhr[i] ? xhr[i].tOpen - t0 : NaN)) : (xhr[0] ? xhr[0].tOpen - pg._t : NaN); break;
      case 'xhr_send_after_call_ms':
        out[k] = Array.isArray(pg._t) ? pg._t.map((t0: number, i: number) => (xhr[i] ? xhr[i].tSend - t0 : NaN)) : (xhr[0] ? xhr[0].tSend - pg._t : NaN); break;
      case 'callback_after_xhr_loaded_ms':
        out[k] = Array.isArray(pg._t) ? pg._t.map((_t0: number, i: number) => (xhr[i] ? firstCall('c' + i) - xhr[i].tDone : NaN)) : (xhr[0] ? firstCall('cb') - xhr[0].tDone : NaN); break;
      // timing.callMethod-before-init-reply
      case 'xhr_opened_after_init_reply_arrived_ms': out[k] = xhr[0] && fromParent[0] ? xhr[0].tOpen - fromParent[0].t : NaN; break;
      case 'xhr_sent_after_init_reply_arrived_ms': out[k] = xhr[0] && fromParent[0] ? xhr[0].tSend - fromParent[0].t : NaN; break;
      case 'init_reply_delay_ms': out[k] = c.input.init_reply_delay_ms ?? 0; break;
      // timing.throttle-120-calls
      case 'calls': out[k] = Object.values<any>(cbs).reduce((n, s) => n + s.made, 0); break;
      case 'xhr_sent_total': out[k] = xhr.filter((x) => x.sent).length; break;
      case 'sent_in_call_order': {
        const sent = xhr.filter((x) => x.sent).sort((a, b) => a.tSend - b.tSend);
        const ns = sent.map((x) => { const m = /(?:^|&)n=(\d+)/.exec(x.body || ''); return m ? Number(m[1]) : NaN; });
        out[k] = ns.every((n, i) => i === 0 || n > ns[i - 1]); break;
      }
      case 'sent_within_first_500ms': out[k] = xhr.filter((x) => x.sent && x.tSend - pg._t < 500).length; break;
      case 'sent_per_second': {
        const per = new Map<number, number>();
        for (const x of xhr) { if (x.sent) { const s = Math.floor((x.tSend - pg._t) / 1000); per.set(s, (per.get(s) || 0) + 1); } }
        out[k] = [...per.entries()].sort((a, b) => a[0] - b[0]).map(([second, sent]) => ({ second, sent })); break;
      }
      default: out[k] = { $unknown_timing_key: k };
    }
  }
  return out;
}
