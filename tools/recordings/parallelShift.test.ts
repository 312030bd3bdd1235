import { describe, expect, it } from 'vitest';
import { createRecordingWriter } from '../../src/telemetry/recording/createRecordingWriter';
import { writeSimulatedShiftParallel } from './parallelShift';
import { simulatedMessages } from '../../src/app/preview/simulatedShift';
import { loadBundledConfig, memorySink, simulatedRecording, TEST_START } from './testSupport';

describe('the parallel shift generator', () => {
  it('writes the bytes the one-thread writer writes, and a first part closed at its end', async () => {
    const { config, text } = loadBundledConfig('terminal');
    const whole = memorySink();
    const part = memorySink();
    const stats = await writeSimulatedShiftParallel({
      config,
      configText: text,
      startTime: TEST_START,
      shift: 'test shift',
      outputs: [
        { sink: whole, hours: 0.1 },
        { sink: part, hours: 0.05 },
      ],
    });
    const single = await simulatedRecording('terminal', 6);
    expect(Buffer.compare(whole.bytes(), single.bytes)).toBe(0);
    expect(stats[0]!.snapshots).toBeGreaterThan(stats[1]!.snapshots);

    // The first part: what the writer writes given the messages up to its end, then closed.
    const cut = TEST_START + 0.05 * 3600_000;
    const reference = memorySink();
    const writer = createRecordingWriter({
      sink: reference,
      config,
      configText: text,
      shift: 'test shift',
      startTime: TEST_START,
      library: 'twindeck simulated shift',
    });
    let last = -Infinity;
    let done = false;
    await simulatedMessages({ config, startTime: TEST_START, hours: 0.1 }, async (m) => {
      last = Math.max(last, m.receiveTime);
      done ||= last > cut;
      if (!done)
        await writer.message(m.topic, m.payload, m.receiveTime, m.publishTime, {
          qos: m.qos,
          retain: m.retain,
        });
    });
    await writer.close(cut);
    expect(Buffer.compare(part.bytes(), reference.bytes())).toBe(0);
  });
});
