import { describe, expect, it } from 'vitest';
import { expectSeeksMatchPlaying } from './bundledShiftSeek';

describe('the bundled terminal shift', () => {
  it('gives at every seek the state playing from the start gives', async () => {
    await expectSeeksMatchPlaying('terminal', expect);
  }, 120_000);
});
