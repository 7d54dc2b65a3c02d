// The recording the suite checks against (tests/fixtures/bx24-observed.json, format
// bx24-observed/1; see tests/fixtures/README.md and the shared recording's README). Read-only.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const FIXTURE_PATH = path.join(ROOT, 'tests/fixtures/bx24-observed.json');
export const STAND_IN_PATH = path.join(ROOT, 'sandbox/src/assets/bx24.js');
export const SERIALIZER_PATH = path.join(ROOT, 'tests/conformance/serialize.js');
export const RECORDER_PATH = path.join(__dirname, 'app/recorder.js');

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs?: number;
}
export type ScriptedAnswer = HttpAnswer | 'drop';

export interface CaseInput {
  call?: string;
  code: string;
  code_before_init_reply?: string;
  params?: Json;
  calls?: Json;
  http: ScriptedAnswer[];
  http_default?: ScriptedAnswer;
  init_data?: Json;
  init_reply_delay_ms?: number;
  init_reply_count?: number;
  parent_refreshAuth?: { mode: 'never' | 'empty' | 'answer'; times?: number };
  parent_replies?: Record<string, string[]>;
  window_name?: string;
  top_level_page?: boolean;
  app_body_html?: string;
  observation_window_ms?: number;
  note?: string;
}

export interface RecordedCase {
  name: string;
  kind: 'callMethod' | 'callBatch' | 'encoding' | 'frame' | 'timing';
  input: CaseInput;
  request?: Record<string, Json>;
  observed: Record<string, any>;
}

export interface Fixture {
  format: string;
  defaults: {
    window_name: string;
    init_data: Record<string, Json>;
    http_headers: Record<string, string>;
    http_answer_when_list_exhausted: HttpAnswer;
    parent: string;
    observation_window_ms: number;
    iframe_size: string;
  };
  cases: RecordedCase[];
}

let cached: Fixture | null = null;
export function loadFixture(): Fixture {
  if (!cached) {
    cached = JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8')) as Fixture;
    if (cached.format !== 'bx24-observed/1') { throw new Error(`unknown fixture format ${cached.format}`); }
  }
  return cached;
}

/** A sentence in parentheses in the recording means "not a value": the parent never answered,
 * or the frame had no name attribute. */
export function isSentence(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('(') && v.endsWith(')');
}
