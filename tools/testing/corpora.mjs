// Where the public test corpora are (MCAP conformance files, JSONTestSuite). CI keeps them in
// ../shared/corpora beside the checkout; TWINDECK_CORPORA points elsewhere, and a clone made
// outside the workplace (a temporary CI check) finds the workplace's copy.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const CANDIDATES = [
  process.env.TWINDECK_CORPORA,
  resolve(process.cwd(), '../shared/corpora'),
  '/work/shared/corpora',
];

/** Absolute path of a corpus file or folder, or an Error saying where it was looked for. */
export function corpusPath(relative = '') {
  for (const root of CANDIDATES) {
    if (root && existsSync(root)) return resolve(root, relative);
  }
  throw new Error(
    `test corpora not found (looked in ${CANDIDATES.filter(Boolean).join(', ')}); ` +
      'set TWINDECK_CORPORA to the folder holding JSONTestSuite/ and mcap-conformance/',
  );
}
