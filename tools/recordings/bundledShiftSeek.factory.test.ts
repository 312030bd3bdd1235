import { describe, expect, it } from 'vitest';
import { expectSeeksMatchPlaying } from './bundledShiftSeek';

// The factory shift is the busier one: its two halves are checked in two files, side by side.
describe('the bundled factory shift, first half', () => {
  it('gives at every seek the state playing from the start gives', async () => {
    await expectSeeksMatchPlaying('factory', expect, { index: 0, of: 2 });
  }, 120_000);
});
