import { describe, expect, it } from 'vitest';
import type { TwinConfig } from '../../config/schema';
import type { AssetState } from '../../twin/assetState';
import { assetPanelText, wrapText, type VrWords } from './vrPanelText';

const WORDS: VrWords = {
  type: 'Type',
  data: 'Data',
  live: 'live',
  stale: 'stale',
  initial: 'initial',
};

const crane = (fields: AssetState['fields'], more: Partial<AssetState> = {}): AssetState => ({
  id: 'QC01',
  type: 'quayCrane',
  name: { en: 'Quay crane 1', 'zh-CN': '岸桥 1' },
  zone: undefined,
  node: undefined,
  position: [0, 0, 0],
  headingDeg: 0,
  pitchDeg: 0,
  rollDeg: 0,
  fields,
  lastUpdate: 0,
  stale: false,
  gateway: undefined,
  linkHealth: undefined,
  version: 0,
  ...more,
});

const config = {
  assetTypes: {
    quayCrane: {
      name: { en: 'Quay crane', 'zh-CN': '岸桥' },
      fields: {
        status: { label: { en: 'Status', 'zh-CN': '状态' } },
        trolley: { unit: 'm' },
        hoist: { unit: 'm' },
      },
    },
  },
} as unknown as TwinConfig;

describe('assetPanelText', () => {
  it('names the asset and its type, then fields in the order the type declares them', () => {
    const text = assetPanelText(
      crane({ extra: 'x', hoist: 30.456, status: 'working', trolley: 5 }, { lastUpdate: 1 }),
      config,
      'en',
      WORDS,
    );
    expect(text).toEqual({
      title: 'Quay crane 1',
      lines: [
        'Type: Quay crane',
        'Data: live',
        'Status: working',
        'trolley: 5 m',
        'hoist: 30.46 m',
        'extra: x',
      ],
    });
  });

  it('speaks the UI language and keeps to a few fields', () => {
    const text = assetPanelText(
      crane({ status: 'idle', trolley: 1, hoist: 2 }),
      config,
      'zh-CN',
      WORDS,
      1,
    );
    expect(text.title).toBe('岸桥 1');
    expect(text.lines).toEqual(['Type: 岸桥', 'Data: initial', '状态: idle']);
  });

  it('says stale data is stale, and copes with an unknown type', () => {
    const text = assetPanelText(crane({}, { stale: true, lastUpdate: 5 }), null, 'en', WORDS);
    expect(text.lines).toEqual(['Type: quayCrane', 'Data: stale']);
  });
});

describe('wrapText', () => {
  const chars = (s: string) => s.length;

  it('breaks at spaces within the width', () => {
    expect(wrapText('the quay crane lifts boxes', 10, chars)).toEqual([
      'the quay',
      'crane',
      'lifts',
      'boxes',
    ]);
  });

  it('breaks Chinese anywhere, and keeps given line breaks', () => {
    expect(wrapText('岸桥正在卸船作业\n第二行', 3, chars)).toEqual([
      '岸桥正',
      '在卸船',
      '作业',
      '第二行',
    ]);
  });

  it('leaves a word longer than the width on a line of its own', () => {
    expect(wrapText('a verylongword b', 5, chars)).toEqual(['a', 'verylongword', 'b']);
  });
});
