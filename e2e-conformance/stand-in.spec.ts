// The sandbox's stand-in library (sandbox/src/assets/bx24.js) against the recording of the
// official classic library (tests/fixtures/bx24-observed.json): one test per recorded case,
// comparing what the stand-in sent and what its callbacks received, field by field (see
// compare.ts). The cases were run by global-setup.ts (observe.ts says how).
import * as fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { loadFixture } from './fixture';
import { compareCase, formatDiffs } from './compare';
import { EXCLUDED } from './exclusions';
import type { Observation } from './observe';

const fx = loadFixture();
const file = process.env.BX24_CONFORMANCE_OBSERVED;
const observed: Record<string, Observation> = file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).results : {};
const only = process.env.BX24_CONFORMANCE_ONLY ? new RegExp(process.env.BX24_CONFORMANCE_ONLY) : null;

for (const c of fx.cases) {
  if (only && !only.test(c.name)) { continue; }
  test(`${c.name}`, () => {
    const reason = EXCLUDED[c.name];
    test.skip(reason !== undefined, reason);
    const diffs = compareCase(c, observed[c.name]);
    expect(diffs.length, `${c.name} differs from the recording in ${diffs.length} place(s):\n${formatDiffs(diffs)}\n`).toBe(0);
  });
}

// A per-group summary (matched / total, and every difference), written when asked for.
test.afterAll(() => {
  const out = process.env.BX24_CONFORMANCE_SUMMARY;
  if (!out) { return; }
  const groups: Record<string, { total: number; matched: number; cases: Record<string, ReturnType<typeof compareCase>> }> = {};
  for (const c of fx.cases) {
    if (only && !only.test(c.name)) { continue; }
    const g = (groups[c.kind] ??= { total: 0, matched: 0, cases: {} });
    g.total++;
    const diffs = c.name in EXCLUDED ? [] : compareCase(c, observed[c.name]);
    if (!diffs.length) { g.matched++; } else { g.cases[c.name] = diffs; }
  }
  fs.writeFileSync(out, JSON.stringify(groups, null, 1));
});
