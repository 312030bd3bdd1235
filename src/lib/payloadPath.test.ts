import { describe, expect, it } from 'vitest';
import { compileMetricName, compilePayloadPath, parsePayloadPath } from './payloadPath';

describe('payload paths', () => {
  const payload = JSON.parse(
    '{"gnss":{"lat":22.48,"hdg":90},"loc":[1.5,0,-2],"data":{"temp.max":71,"list":[{"v":3}]}}',
  );

  it('read nested keys, array indexes and quoted keys', () => {
    expect(compilePayloadPath('gnss.lat')(payload)).toBe(22.48);
    expect(compilePayloadPath('loc[2]')(payload)).toBe(-2);
    expect(compilePayloadPath('data."temp.max"')(payload)).toBe(71);
    expect(compilePayloadPath('data.list[0].v')(payload)).toBe(3);
  });

  it('give undefined for what is not there, and never read inherited properties', () => {
    expect(compilePayloadPath('gnss.lon')(payload)).toBeUndefined();
    expect(compilePayloadPath('loc[7]')(payload)).toBeUndefined();
    expect(compilePayloadPath('gnss.lat.x')(payload)).toBeUndefined();
    expect(compilePayloadPath('gnss.constructor')(payload)).toBeUndefined();
    expect(compilePayloadPath('a')(null)).toBeUndefined();
  });

  it('refuse paths they cannot read, saying where', () => {
    expect(() => parsePayloadPath('gnss..lat')).toThrow(/character 5/);
    expect(() => parsePayloadPath('.x')).toThrow(/character 1/);
    expect(() => parsePayloadPath('a[x]')).toThrow(/character 2/);
  });

  it('read Sparkplug metrics by their whole name', () => {
    expect(compileMetricName('pos/x')({ 'pos/x': 3, pos: 9 })).toBe(3);
    expect(compileMetricName('toString')({})).toBeUndefined();
  });
});
