// Field-by-field comparison of one observation with its recorded case. Expected values come
// only from the fixture. Objects are compared with their keys in order (the serializer writes
// own keys in order), arrays element by element.
//
// Browser facts are not compared: `console`, request headers and `content_type`. The wording
// of a TypeError message is a browser fact too: a recorded "TypeError: ..." (or "Uncaught
// TypeError: ...") only requires a TypeError there. Timings are compared in the recording's
// coarse steps, one step of slack upwards where a timer is involved (see compareTiming).
import type { RecordedCase, Json } from './fixture';
import type { Observation } from './observe';

export interface Diff { path: string; expected: unknown; actual: unknown; why?: string }

const REQUEST_FIELDS = ['method', 'path', 'query', 'origin', 'body', 'form_pairs', 'empty_segments', 'form', 'cmd', 'answered_with'];
/** Compared whenever either side has them. */
const OBSERVED_ALWAYS = ['call', 'params_mutated', 'params_after_call', 'calls_mutated', 'calls_after_call', 'values',
  'callbacks', 'steps', 'messages_to_parent', 'replies_from_parent', 'requests_count', 'frame_errors', 'init_completed'];
/** Compared when the recording has them (the recording left them out of some cases). */
const OBSERVED_IF_RECORDED = ['xhr_attempts', 'BX24_after_library_load'];
/** Browser facts, or handled apart. */
const OBSERVED_NOT_COMPARED = new Set(['console', 'requests', 'preflight_requests', 'timing']);

const TYPE_ERROR = /^(Uncaught )?TypeError: /;

function describe(v: unknown): unknown {
  const s = JSON.stringify(v);
  return s !== undefined && s.length > 600 ? s.slice(0, 600) + '…' : v;
}

export function deepCompare(path: string, e: unknown, a: unknown, out: Diff[]): void {
  if (out.length >= 40) { return; }
  if (typeof e === 'string' && TYPE_ERROR.test(e)) {
    const kind = e.match(TYPE_ERROR)![0];
    if (!(typeof a === 'string' && a.startsWith(kind))) { out.push({ path, expected: e, actual: describe(a), why: 'a TypeError (wording is the browser\'s)' }); }
    return;
  }
  if (e === null || typeof e !== 'object') {
    if (!Object.is(e, a) && !(e === 0 && a === 0)) { out.push({ path, expected: e, actual: describe(a) }); }
    return;
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) { out.push({ path, expected: describe(e), actual: describe(a) }); return; }
    if (e.length !== a.length) { out.push({ path: `${path}.length`, expected: e.length, actual: a.length }); }
    for (let i = 0; i < Math.min(e.length, a.length); i++) { deepCompare(`${path}[${i}]`, e[i], a[i], out); }
    if (a.length > e.length) { out.push({ path: `${path}[${e.length}…]`, expected: '(nothing)', actual: describe(a.slice(e.length)) }); }
    return;
  }
  if (a === null || typeof a !== 'object' || Array.isArray(a)) { out.push({ path, expected: describe(e), actual: describe(a) }); return; }
  const ek = Object.keys(e as object);
  const ak = Object.keys(a as object);
  if (ek.join('\u0000') !== ak.join('\u0000')) {
    out.push({ path: `${path} (keys)`, expected: ek, actual: ak });
  }
  for (const k of ek) {
    if (ak.includes(k)) { deepCompare(`${path}.${k}`, (e as any)[k], (a as any)[k], out); }
  }
}

function compareRequest(path: string, e: Record<string, Json>, a: Record<string, Json> | undefined, out: Diff[]) {
  if (!a) { out.push({ path, expected: describe(e.body), actual: '(no request)' }); return; }
  for (const f of REQUEST_FIELDS) {
    if (!(f in e) && !(f in a)) { continue; }
    deepCompare(`${path}.${f}`, e[f], a[f], out);
  }
}

/** The recording's timing values are coarse: "floored to 10 ms" (a 10 ms deferral measures
 * 10-12 ms and is written 10), "nearest 100 ms", or whole seconds for the throttle. Timers never
 * fire early but do fire late on a loaded machine, so:
 * - a value recorded as 0 (done in the same task, synchronously) must measure under 10 ms; only
 *   where the measurement crosses frames (the parent's receipt of a message, see CROSS_FRAME)
 *   one more 10 ms step is allowed for the delivery;
 * - a positive floored value R must measure at least R and at most R + 20 (two steps late);
 * - "nearest 100 ms" must measure no earlier than one step before R and at most 1 s after it
 *   (the delay is the server's; the lateness is the machine's);
 * - the throttle schedule must match second 0 exactly and stay within one send of the
 *   recorded cumulative count at every second. */
const CROSS_FRAME = new Set(['refreshAuth_posted_after_401_loaded_ms']);
export function compareTiming(e: Record<string, any>, a: Record<string, any> | undefined, out: Diff[]): void {
  if (!a) { out.push({ path: 'timing', expected: describe(e), actual: '(not measured)' }); return; }
  const rounding: string = e.rounding || '';
  for (const k of Object.keys(e)) {
    if (k === 'rounding') { continue; }
    const path = `timing.${k}`;
    const ev = e[k];
    const av = a[k];
    if (k === 'sent_per_second') { compareSchedule(path, ev, av, out); continue; }
    // "…_sorted": the recording sorted the raw values to drop an order that is not the library's
    // (which retry got which token); compared as sorted lists of the placeholder forms.
    if (k.endsWith('_sorted') && Array.isArray(ev) && Array.isArray(av)) {
      deepCompare(path, [...ev].sort(), [...av].sort(), out);
      continue;
    }
    const nums = (v: unknown) => (Array.isArray(v) ? v : [v]);
    if (typeof ev === 'number' || (Array.isArray(ev) && ev.every((x) => typeof x === 'number'))) {
      const es = nums(ev) as number[];
      const as = nums(av) as number[];
      if (Array.isArray(ev) !== Array.isArray(av) || es.length !== as.length) { out.push({ path, expected: ev, actual: av }); continue; }
      es.forEach((r, i) => {
        const v = as[i];
        let ok: boolean;
        let why: string;
        if (typeof v !== 'number' || !Number.isFinite(v)) { ok = false; why = 'not measured'; }
        else if (rounding.startsWith('floored to 10 ms')) {
          const f = Math.floor(Math.max(v, v > -2 ? 0 : v) / 10) * 10;
          const zeroSlack = CROSS_FRAME.has(k) ? 10 : 0;
          ok = r === 0 ? f >= 0 && f <= zeroSlack : f >= r && f <= r + 20;
          why = r === 0 ? `recorded 0: floored value at most ${zeroSlack}` : `recorded ${r}: floored value ${r} to ${r + 20}`;
        } else if (rounding.startsWith('nearest 100 ms')) {
          ok = v >= r - 100 && v <= r + 1000;
          why = 'from one 100 ms step early to 1 s late';
        } else { ok = v === r; why = 'exact'; }
        if (!ok) { out.push({ path: Array.isArray(ev) ? `${path}[${i}]` : path, expected: r, actual: Math.round(v * 10) / 10, why }); }
      });
      continue;
    }
    deepCompare(path, ev, av, out);
  }
}

function compareSchedule(path: string, e: { second: number; sent: number }[], a: { second: number; sent: number }[] | undefined, out: Diff[]) {
  if (!Array.isArray(a) || !a.length) { out.push({ path, expected: e, actual: a }); return; }
  const last = Math.max(e[e.length - 1].second, a[a.length - 1].second);
  const cum = (list: { second: number; sent: number }[], s: number) => list.filter((x) => x.second <= s).reduce((n, x) => n + x.sent, 0);
  const first = (list: { second: number; sent: number }[]) => (list[0] && list[0].second === 0 ? list[0].sent : 0);
  if (first(e) !== first(a)) { out.push({ path: `${path}[second 0]`, expected: first(e), actual: first(a) }); }
  for (let s = 0; s <= last; s++) {
    if (Math.abs(cum(e, s) - cum(a, s)) > 1) {
      out.push({ path: `${path} (sent by second ${s})`, expected: cum(e, s), actual: cum(a, s), why: 'within one send' });
      return;
    }
  }
  if (cum(e, last) !== cum(a, last)) { out.push({ path: `${path} (total)`, expected: cum(e, last), actual: cum(a, last) }); }
}

export function compareCase(c: RecordedCase, obs: Observation | undefined): Diff[] {
  const out: Diff[] = [];
  if (!obs) { return [{ path: '(suite)', expected: 'an observation', actual: 'none' }]; }
  if (obs.fatal) { return [{ path: '(suite)', expected: 'the case ran', actual: obs.fatal }]; }
  for (const h of obs.harnessErrors) { out.push({ path: '(recording layer)', expected: 'no error', actual: h }); }

  // The params / calls as the case code serialized them before the call are the recording's
  // input.params / input.calls: this checks the serializer and the page, not the library.
  if (c.input.params !== undefined) { deepCompare('input.params (serialized before the call)', c.input.params, obs.inputCheck.params, out); }
  if (c.input.calls !== undefined) { deepCompare('input.calls (serialized before the call)', c.input.calls, obs.inputCheck.calls, out); }

  if (c.request) { compareRequest('request', c.request as Record<string, Json>, obs.request, out); }
  else if (obs.request) { out.push({ path: 'request', expected: '(none)', actual: describe(obs.request.body) }); }
  const rec = c.observed;
  if (rec.requests) {
    const list: Record<string, Json>[] = rec.requests;
    if (list.length !== obs.requests.length) { out.push({ path: 'requests.length', expected: list.length, actual: obs.requests.length }); }
    list.forEach((r, i) => compareRequest(`requests[${i}]`, r, obs.requests[i], out));
  }
  const act = obs.observed;
  const keys = new Set<string>();
  for (const k of OBSERVED_ALWAYS) { if (k in rec || k in act) { keys.add(k); } }
  for (const k of OBSERVED_IF_RECORDED) { if (k in rec) { keys.add(k); } }
  for (const k of Object.keys(rec)) { if (!OBSERVED_NOT_COMPARED.has(k)) { keys.add(k); } }
  for (const k of keys) {
    if (!(k in rec)) { out.push({ path: k, expected: '(not recorded)', actual: describe(act[k]) }); continue; }
    if (!(k in act)) { out.push({ path: k, expected: describe(rec[k]), actual: '(not observed)' }); continue; }
    deepCompare(k, rec[k], act[k], out);
  }
  if (rec.timing) { compareTiming(rec.timing, act.timing, out); }
  return out;
}

export function formatDiffs(diffs: Diff[]): string {
  return diffs.map((d) => `  ${d.path}\n    recorded: ${JSON.stringify(d.expected)}\n    observed: ${JSON.stringify(d.actual)}${d.why ? `\n    (${d.why})` : ''}`).join('\n');
}
