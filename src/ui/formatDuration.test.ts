import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it('says seconds, then minutes, then hours and minutes, in either language', () => {
    expect(formatDuration(97_000, 'en')).toBe('97 s');
    expect(formatDuration(13 * 60_000, 'en')).toBe('13 min');
    expect(formatDuration(125 * 60_000, 'en')).toBe('2 h 5 min');
    expect(formatDuration(125 * 60_000, 'zh-CN')).toBe('2 小时 5 分钟');
  });

  it('leaves off "0 min" on whole hours', () => {
    expect(formatDuration(7_200_000, 'en')).toBe('2 h');
    expect(formatDuration(7_200_000, 'zh-CN')).toBe('2 小时');
  });
});
