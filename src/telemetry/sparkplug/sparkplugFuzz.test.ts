import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath } from '../../../tools/testing/corpora.mjs';
import { describe, expect, it } from 'vitest';
// The gateway's payloads are the seeds that mutations start from.
// eslint-disable-next-line boundaries/dependencies
import { createSparkplugGateway } from '../../sim/gateways/sparkplugGateway';
import { createSparkplugHost } from './createSparkplugHost';
import { decodeSparkplug } from './decodeSparkplug';

const CORPORA = `${corpusPath()}/`;
const GROUP = 'twindeck-terminal';
const TOPICS = ['NBIRTH', 'NDATA', 'NDEATH']
  .map((type) => `spBv1.0/${GROUP}/${type}/gw-quay`)
  .concat(['DBIRTH', 'DDATA', 'DDEATH'].map((type) => `spBv1.0/${GROUP}/${type}/gw-quay/QC01`));
const RANDOM_CASES = 2000;

/** Small seeded PRNG (mulberry32): the same cases on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return corpusFiles(path);
    return /\.(json|mcap)$/.test(entry.name) ? [path] : [];
  });
}

/** Valid messages of every type (NDEATH, NBIRTH, DBIRTH, DDATA, DDEATH), to mutate. */
function seedMessages(): Array<{ topic: string; payload: Uint8Array }> {
  const gateway = createSparkplugGateway(
    { id: 'gw-quay', protocol: 'sparkplugb', assets: ['QC01'], cell: 'C-QUAY-1' },
    'terminal',
  );
  const will = gateway.startSession(0);
  const state = (t: number, moves: number) => ({
    kind: 'state' as const,
    t,
    gateway: 'gw-quay',
    assetId: 'QC01',
    assetType: 'quayCrane',
    position: [1, 2, 3] as [number, number, number],
    fields: { status: 'moving', moves, trolley: 12.5, locked: true },
  });
  return [
    will,
    ...gateway.encode(state(0, 1)),
    ...gateway.encode(state(1, 2)),
    ...gateway.deviceGone('QC01', 2),
  ];
}

function mutate(seed: Uint8Array, random: () => number): Uint8Array {
  const bytes = Uint8Array.from(seed);
  switch (Math.floor(random() * 3)) {
    case 0: // truncate
      return bytes.subarray(0, Math.floor(random() * bytes.length));
    case 1: // flip a few bytes
      for (let i = 0; i < 1 + random() * 4; i++)
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      return bytes;
    default: {
      // pure noise
      const noise = new Uint8Array(Math.floor(random() * 96));
      for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256);
      return noise;
    }
  }
}

describe('Sparkplug decoding of bad input', () => {
  it('survives the public corpora and seeded fuzz, counting every undecodable payload', () => {
    const host = createSparkplugHost();
    const seeds = seedMessages();
    // Born first, so garbage that decodes also reaches alias resolution and the seq checks.
    const births = seeds.slice(1, 3);
    for (const { topic, payload } of births) host.handle(topic, payload, 0);
    expect(host.node(GROUP, 'gw-quay')?.devices.get('QC01')?.online).toBe(true);
    const random = seededRandom(0x5eed);
    const files = corpusFiles(CORPORA);
    expect(files.length).toBeGreaterThan(1000);
    const cases = [
      ...files.map((file) => new Uint8Array(readFileSync(file))),
      ...Array.from({ length: RANDOM_CASES }, () =>
        mutate(seeds[Math.floor(random() * seeds.length)]?.payload ?? new Uint8Array(), random),
      ),
    ];

    let failures = 0;
    cases.forEach((payload, i) => {
      const topic = TOPICS[i % TOPICS.length] ?? '';
      if (!decodeSparkplug(topic, payload).ok) failures++;
      const result = host.handle(topic, payload, i);
      expect(Array.isArray(result.updates)).toBe(true);
    });

    const node = host.node(GROUP, 'gw-quay');
    expect(host.counters.internalErrors).toBe(0);
    expect(host.counters.messages).toBe(cases.length + births.length);
    expect(node?.counters.decodeErrors).toBe(failures);
    expect(failures).toBeGreaterThan(cases.length / 4);
  });
});
