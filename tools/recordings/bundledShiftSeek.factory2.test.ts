import { describe, expect, it } from 'vitest';
import { expectSeeksMatchPlaying } from './bundledShiftSeek';

describe('the bundled factory shift, second half', () => {
  it('gives at every seek the state playing from its first half gives', async () => {
    await expectSeeksMatchPlaying('factory', expect, { index: 1, of: 2 });
  }, 120_000);
});
