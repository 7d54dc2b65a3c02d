// Runs every recorded case against the stand-in before the specs compare them: many cases at
// once (one browser, a fresh context and fresh servers per case), so the whole recording takes
// well under a minute on 2 cores. The observations go to a temporary file whose path the specs
// read from BX24_CONFORMANCE_OBSERVED. Observing here (not in the tests) means a failing test,
// which makes Playwright replace its worker, never re-runs the cases.
//
// Cases whose timing the recording gives in 10 ms steps run first, a few at a time, with
// nothing else running, so that a loaded machine does not push a 10 ms timer into the next step.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, BrowserContext } from '@playwright/test';
import { loadFixture, RecordedCase } from './fixture';
import { observeCase, Observation } from './observe';
import { EXCLUDED } from './exclusions';
import { LAUNCH } from '../e2e/chromium';

async function pool<T>(items: T[], width: number, run: (t: T, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async (_x, lane) => {
    while (next < items.length) { const item = items[next++]; await run(item, lane); }
  });
  await Promise.all(lanes);
}

export default async function globalSetup(): Promise<void> {
  const fx = loadFixture();
  const width = Number(process.env.BX24_CONFORMANCE_CONCURRENCY || 16);
  const only = process.env.BX24_CONFORMANCE_ONLY ? new RegExp(process.env.BX24_CONFORMANCE_ONLY) : null;
  const cases = fx.cases.filter((c) => !(c.name in EXCLUDED) && (!only || only.test(c.name)));
  const fine = (c: RecordedCase) => typeof c.observed.timing?.rounding === 'string' && c.observed.timing.rounding.startsWith('floored to 10 ms');
  // Longest first within the bulk, so the long observation windows overlap the rest.
  const windowOf = (c: RecordedCase) => c.input.observation_window_ms ?? fx.defaults.observation_window_ms;
  const phaseA = cases.filter(fine);
  const phaseB = cases.filter((c) => !fine(c)).sort((a, b) => windowOf(b) - windowOf(a));

  const started = Date.now();
  const mode = process.env.BX24_CONFORMANCE_CONTEXT || 'shared';
  const renderers = process.env.BX24_CONFORMANCE_RENDERERS ?? (mode === 'shared' ? '3' : '');
  const extra = renderers ? [`--renderer-process-limit=${renderers}`] : [];
  const browser = await chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, ...extra], headless: true });
  const results: Record<string, Observation> = {};
  // Where the cases' pages live. Default "shared": one browser context, a fresh page per case,
  // and at most BX24_CONFORMANCE_RENDERERS (3) renderer processes, so the cases' pages share
  // renderers instead of each spawning its own, which is what costs most on 2 cores (half the
  // CPU and half the time). Every case still has its own servers on new ports (so its own
  // origins), its own page and its own library instance, and nothing in the pages stores state.
  // "case": a fresh browser context per case, as the recording did; "lane": one per lane.
  const contexts: BrowserContext[] = [];
  const laneContext = async (lane: number) => {
    if (mode === 'case') { return undefined; }
    const i = mode === 'shared' ? 0 : lane;
    if (!contexts[i]) { contexts[i] = await browser.newContext({ viewport: { width: 1000, height: 800 } }); }
    return contexts[i];
  };
  const run = async (c: RecordedCase, lane: number) => {
    results[c.name] = await observeCase(browser, fx, c, { context: await laneContext(lane) });
  };
  try {
    await pool(phaseA, 3, run);
    await pool(phaseB, width, (c, lane) => run(c, lane + 3));
  } finally {
    await browser.close();
  }
  const file = path.join(os.tmpdir(), `bx24-conformance-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ wallMs: Date.now() - started, results }));
  process.env.BX24_CONFORMANCE_OBSERVED = file;
  console.log(`stand-in conformance: ${cases.length} cases observed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
