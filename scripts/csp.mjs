// Trunk post_build hook: puts a Content-Security-Policy into the built index.html (release only).
//
// Allowed: the app's own files ('self'), Trunk's inline module loader by its sha256 hash (no
// 'unsafe-inline'), WebAssembly compilation ('wasm-unsafe-eval', no 'unsafe-eval'), the
// official BX24 library's origin, and REST calls to the portal. The portal's origin is known
// per deployment: set OLM_PORTAL_ORIGIN (e.g. https://yourcompany.bitrix24.com) when building;
// without it REST may go to any https origin (an app shared by many portals). See docs/install.md.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const file = join(process.env.TRUNK_STAGING_DIR, 'index.html');
let html = readFileSync(file, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('csp: no inline loader script found in index.html');
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

const LIBRARY = 'https://api.bitrix24.com';
const portal = (process.env.OLM_PORTAL_ORIGIN || '').trim();
if (portal && !/^https?:\/\/[^/\s;']+$/.test(portal)) {
  throw new Error(`csp: OLM_PORTAL_ORIGIN must be an origin like https://x.bitrix24.com, got ${portal}`);
}
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval' ${LIBRARY}`,
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${portal || 'https:'}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('csp: index.html already has a CSP');
html = html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) throw new Error('csp: no <meta charset="utf-8"> to put the policy after');
writeFileSync(file, html);
console.log(`csp: ${policy}`);
