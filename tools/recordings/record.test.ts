import { open } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { fileHandleReadable } from '../../src/telemetry/recording/recordingReadables';
import { startEmbeddedBroker } from '../broker/embeddedBroker.mjs';
import { runGateways } from '../gateways/runGateways';
import { recordBroker } from './record';
import { loadBundledConfig } from './testSupport';

const dir = mkdtempSync(join(tmpdir(), 'twindeck-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the recorder CLI', () => {
  it('records what the simulated gateways publish on a real broker into a playable file', async () => {
    const broker = await startEmbeddedBroker();
    const { config, text } = loadBundledConfig('terminal');
    const gateways = runGateways({ brokerUrl: broker.tcpUrl, config, speed: 10 });
    const out = join(dir, 'recorded.mcap');
    try {
      const stats = await recordBroker({
        brokerUrl: broker.tcpUrl,
        config,
        configText: text,
        out,
        shift: 'test',
        durationMs: 2500,
      });
      expect(stats.messages).toBeGreaterThan(200);
    } finally {
      await gateways.stop();
      await broker.close();
    }
    const handle = await open(out);
    try {
      const replay = await openRecording(fileHandleReadable(handle), { config });
      expect(replay.info.problems).toEqual([]);
      expect(replay.info.siteId).toBe('terminal');
      expect(replay.info.configText).toBe(text);
      const state = await replay.stateAt(replay.info.end);
      expect(state.batch.samples.length).toBeGreaterThan(40);
      // Publish times are the payloads' source times, not the receive times.
      const sample = state.batch.samples.find((s) => s.assetId.startsWith('T'));
      expect(sample?.sourceTime).toBeLessThanOrEqual(sample?.receiveTime ?? 0);
    } finally {
      await handle.close();
    }
  });
});
