import { describe, expect, it } from 'vitest';
import { parseTime, replayParamsFromSearch, replaySearch, type ReplayParams } from './replayParams';

describe('replay URL parameters', () => {
  it('are absent unless the page is asked to replay', () => {
    expect(replayParamsFromSearch('?site=terminal')).toBeNull();
    expect(replayParamsFromSearch('?site=terminal&mode=live')).toBeNull();
    expect(replayParamsFromSearch('?site=terminal&mode=replay')).toEqual({
      recording: null,
      t: null,
      speed: null,
      loop: null,
      camera: null,
      selected: null,
    });
  });

  it('read times as ISO 8601 or epoch milliseconds, and refuse nonsense', () => {
    expect(parseTime('2025-01-06T08:30:00Z')).toBe(Date.UTC(2025, 0, 6, 8, 30));
    expect(parseTime('1736152200000')).toBe(1736152200000);
    expect(parseTime('yesterday')).toBeNull();
    expect(parseTime('')).toBeNull();
    const bad = replayParamsFromSearch('?mode=replay&t=x&speed=-2&loop=5/2&cam=1,2,3');
    expect(bad).toMatchObject({ t: null, speed: null, loop: null, camera: null });
  });

  it('round-trip a shared moment and keep the other parameters', () => {
    const moment: ReplayParams = {
      recording: 'https://files.example/shift 1.mcap',
      t: Date.UTC(2025, 0, 6, 9, 15, 30, 250),
      speed: 8,
      loop: { from: Date.UTC(2025, 0, 6, 9), to: Date.UTC(2025, 0, 6, 9, 30) },
      camera: { position: [120.04, 80, -35.55], target: [10, 0, 20] },
      selected: 'QC01',
    };
    const search = replaySearch('?site=terminal&lang=zh-CN&t=1', moment);
    const params = new URLSearchParams(search);
    expect(params.get('site')).toBe('terminal');
    expect(params.get('lang')).toBe('zh-CN');
    expect(params.getAll('t')).toHaveLength(1);
    expect(replayParamsFromSearch(search)).toEqual({
      ...moment,
      camera: { position: [120, 80, -35.5], target: [10, 0, 20] },
    });
  });
});
