import { describe, expect, it } from 'vitest';
import { expectSeeksMatchPlaying } from './bundledShiftSeek';

describe('the bundled factory shift', () => {
  it('gives at every seek the state playing from the start gives', async () => {
    await expectSeeksMatchPlaying('factory', expect);
  }, 120_000);
});
