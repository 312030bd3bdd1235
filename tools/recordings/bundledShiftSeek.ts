import { existsSync, readFileSync } from 'node:fs';
import type { ExpectStatic } from 'vitest';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { bytesReadable } from '../../src/telemetry/recording/recordingReadables';
import { shiftPath } from './bundledShifts.mjs';
import {
  comparableState,
  createPlayedState,
  loadBundledConfig,
  seededRandom,
  seekBudget,
} from './testSupport';

const SEEKS = 12;

/**
 * The real bundled shift (8 hours, written by `npm run recordings`, which `npm test` runs first):
 * one pass plays it from the start frame by frame; at seeded random times along the way a
 * freshly opened replay seeks there, and both states must be equal, within the seek's byte budget.
 */
export async function expectSeeksMatchPlaying(siteId: string, expect: ExpectStatic) {
  const path = shiftPath(process.cwd(), siteId) as string;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run recordings\` first`);
  const bytes = new Uint8Array(readFileSync(path));
  const { config } = loadBundledConfig(siteId);
  const budget = await seekBudget(bytes);
  const player = await openRecording(bytesReadable(bytes), { config });
  expect(player.info.problems).toEqual([]);
  const { start, end } = player.info;
  expect(end - start).toBeGreaterThanOrEqual(8 * 3600_000 - 60_000);
  const random = seededRandom(siteId.length * 7919);
  const times = Array.from({ length: SEEKS }, () => Math.round(start + random() * (end - start)));
  times.push(end);
  times.sort((a, b) => a - b);
  const played = createPlayedState();
  const seeker = await openRecording(bytesReadable(bytes), { config });
  let at = start - 1;
  for (const t of times) {
    // Frames of 64× playback at 30 fps: about two seconds of the shift each.
    for (; at < t; at = Math.min(t, at + 2_133)) played.apply(await player.readTo(at));
    played.apply(await player.readTo(t));
    const seek = await seeker.stateAt(t);
    expect(comparableState(seek.batch), `state at ${new Date(t).toISOString()}`).toEqual(
      comparableState(played.batch()),
    );
    expect(seek.bytesRead).toBeLessThanOrEqual(budget.boundAt(t));
  }
}
