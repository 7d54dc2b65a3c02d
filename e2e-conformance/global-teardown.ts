// Removes the temporary file of observations global-setup.ts wrote.
import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const file = process.env.BX24_CONFORMANCE_OBSERVED;
  if (file && !process.env.BX24_CONFORMANCE_KEEP) { fs.rmSync(file, { force: true }); }
}
