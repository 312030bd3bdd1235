import { describe, expect, it } from 'vitest';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { BUNDLED_SHIFT } from '../recordings/bundledShifts.mjs';
import { bundledSites } from './bundledSites';

const HOUR = 3_600_000;

describe('bundled tours', () => {
  const sites = bundledSites().map(({ file, config }) => {
    const loaded = validateTwinConfig(config);
    if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.issues)}`);
    return { file, config: loaded.config };
  });

  it('exist for every bundled site, with names and notes in English and Chinese', () => {
    for (const { file, config } of sites) {
      expect(config.tours.length, file).toBeGreaterThan(0);
      for (const tour of config.tours)
        for (const text of [tour.name, ...tour.stops.map((s) => s.note)]) {
          expect(typeof text, `${file} ${tour.id}`).toBe('object');
          if (typeof text === 'string') continue;
          expect(text.en, `${file} ${tour.id}`).toMatch(/[A-Za-z]{3}/);
          expect(text['zh-CN'], `${file} ${tour.id}: ${text.en}`).toMatch(/[\u3400-\u9fff]/);
        }
    }
  });

  it('go to moments inside the bundled shift when they name one', () => {
    const times = sites.flatMap(({ config }) =>
      config.tours.flatMap((tour) => tour.stops.flatMap((s) => (s.at ? [Date.parse(s.at)] : []))),
    );
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) {
      expect(t).toBeGreaterThan(BUNDLED_SHIFT.startTime);
      expect(t).toBeLessThan(BUNDLED_SHIFT.startTime + BUNDLED_SHIFT.hours * HOUR);
    }
  });
});
