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
  seekBudgetOf,
} from './testSupport';

const SEEKS = 12;

/**
 * The real bundled shift (8 hours, written by `npm run recordings`, which `npm test` runs first):
 * one pass plays it from the start frame by frame; at seeded random times along the way a
 * freshly opened replay seeks there, and both states must be equal, within the seek's byte budget.
 *
 * A busy shift takes longer to play than a test file should: `part` plays only its share of the
 * shift (`index` of `of` equal parts, the last ending at the shift's end), each part in a test
 * file of its own so they run side by side. A part after the first starts from a seek to its
 * start — the very seek the part before checks last against playing from the start.
 */
export async function expectSeeksMatchPlaying(
  siteId: string,
  expect: ExpectStatic,
  part = { index: 0, of: 1 },
) {
  const path = shiftPath(process.cwd(), siteId) as string;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run recordings\` first`);
  const bytes = new Uint8Array(readFileSync(path));
  const { config } = loadBundledConfig(siteId);
  const budget = await seekBudgetOf(bytes);
  const player = await openRecording(bytesReadable(bytes), { config });
  expect(player.info.problems).toEqual([]);
  const { start, end } = player.info;
  expect(end - start).toBeGreaterThanOrEqual(8 * 3600_000 - 60_000);
  const from = Math.round(start + ((end - start) * part.index) / part.of);
  const to =
    part.index === part.of - 1
      ? end
      : Math.round(start + ((end - start) * (part.index + 1)) / part.of);
  const random = seededRandom(siteId.length * 7919 + part.index);
  const seeks = Math.ceil(SEEKS / part.of);
  const times = Array.from({ length: seeks }, () => Math.round(from + random() * (to - from)));
  times.push(to);
  times.sort((a, b) => a - b);
  const played = createPlayedState();
  const seeker = await openRecording(bytesReadable(bytes), { config });
  let at = start - 1;
  if (part.index > 0) {
    played.apply((await player.stateAt(from)).batch);
    at = from;
  }
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
