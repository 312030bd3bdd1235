import { describe, expect, it } from 'vitest';
import { searchForRequest, siteRequestFromSearch } from './siteRequest';

describe('siteRequest', () => {
  it('reads site and config parameters, config first', () => {
    expect(siteRequestFromSearch('?site=terminal')).toEqual({ kind: 'bundled', id: 'terminal' });
    expect(siteRequestFromSearch('?site=a&config=/c.json')).toEqual({
      kind: 'url',
      url: '/c.json',
    });
    expect(siteRequestFromSearch('?lang=en')).toBeNull();
  });
  it('writes a request back, keeping other parameters', () => {
    expect(searchForRequest('?lang=zh-CN&config=/x.json', { kind: 'bundled', id: 'factory' })).toBe(
      '?lang=zh-CN&site=factory',
    );
    expect(searchForRequest('?site=factory', null)).toBe('');
  });
});
