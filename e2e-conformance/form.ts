// How the recording describes a request body (see the recording's README, "request"):
// form_pairs (split on '&', each side percent-decoded with '+' as a space, empty segments left
// out and counted), form (the pairs nested by bracket syntax as PHP reads them, values strings,
// no renaming of '.' or ' ' in top-level keys) and, for a batch, cmd (each cmd[key] decoded).
import type { Json } from './fixture';

function decode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try { return decodeURIComponent(plus); } catch { return plus; }
}

export function formPairs(body: string): { pairs: [string, string][]; empty: number } {
  const pairs: [string, string][] = [];
  let empty = 0;
  for (const seg of body.split('&')) {
    if (seg === '') { empty++; continue; }
    const i = seg.indexOf('=');
    pairs.push(i < 0 ? [decode(seg), ''] : [decode(seg.slice(0, i)), decode(seg.slice(i + 1))]);
  }
  return { pairs, empty };
}

/** "a[b][c]" -> ["a", "b", "c"]; "a" -> ["a"]; "a[]" -> ["a", ""]. Text after the last
 * complete bracket pair is ignored, as PHP does. A key whose first "[" never closes is plain. */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || key.indexOf(']', open) < 0) { return [key]; }
  const out = [key.slice(0, open)];
  let i = open;
  while (i < key.length && key[i] === '[') {
    const close = key.indexOf(']', i);
    if (close < 0) { break; }
    out.push(key.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

export function nestForm(pairs: [string, string][]): { [k: string]: Json } {
  const root: { [k: string]: Json } = {};
  for (const [key, value] of pairs) {
    const p = keyPath(key);
    let node: { [k: string]: Json } = root;
    for (let j = 0; j < p.length; j++) {
      let seg = p[j];
      if (seg === '' && j > 0) {
        // "a[]": the next integer index.
        const ints = Object.keys(node).filter((k) => /^\d+$/.test(k)).map(Number);
        seg = String(ints.length ? Math.max(...ints) + 1 : 0);
      }
      if (j === p.length - 1) {
        node[seg] = value;
      } else {
        const next = node[seg];
        if (next === undefined || typeof next !== 'object' || next === null || Array.isArray(next)) {
          node[seg] = {};
        }
        node = node[seg] as { [k: string]: Json };
      }
    }
  }
  return root;
}

export function describeBody(body: string): Record<string, Json> {
  const { pairs, empty } = formPairs(body);
  const form = nestForm(pairs);
  const out: Record<string, Json> = { form_pairs: pairs, empty_segments: empty, form };
  const cmd = form.cmd;
  if (cmd && typeof cmd === 'object' && !Array.isArray(cmd)) {
    const c: Record<string, Json> = {};
    for (const [k, raw] of Object.entries(cmd)) {
      if (typeof raw !== 'string') { continue; }
      const q = raw.indexOf('?');
      const method = q < 0 ? raw : raw.slice(0, q);
      const query = q < 0 ? '' : raw.slice(q + 1);
      c[k] = { raw, method, query, params: nestForm(formPairs(query).pairs) };
    }
    out.cmd = c;
  }
  return out;
}
