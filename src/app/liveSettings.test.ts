import { describe, expect, it } from 'vitest';
import { TwinConfig } from '../config/schema';
import { liveSettings, resolveBrokerUrl } from './liveSettings';

const config = (extra: Record<string, unknown>) =>
  TwinConfig.parse({
    schemaVersion: 1,
    site: { id: 's', name: 'S', geoOrigin: { lat: 0, lon: 0 } },
    models: {},
    assetTypes: {},
    ...extra,
  });
const bound = config({
  broker: { url: '/mqtt' },
  bindings: [{ topic: 'a/+assetId', decoder: 'json' }],
});

describe('liveSettings', () => {
  it('goes live by default when the site has bindings and a broker', () => {
    expect(liveSettings('?site=s', bound, 'https://twin.example/app/')).toEqual({
      mode: 'live',
      brokerUrl: 'wss://twin.example/mqtt',
    });
    expect(liveSettings('?site=s&mode=static', bound, 'http://h/').mode).toBe('static');
    expect(liveSettings('?site=s', config({}), 'http://h/').mode).toBe('static');
  });

  it('takes the broker from the URL first', () => {
    expect(liveSettings('?mode=live&broker=ws://10.0.0.5:9001', bound, 'http://h/')).toEqual({
      mode: 'live',
      brokerUrl: 'ws://10.0.0.5:9001/',
    });
  });

  it('refuses brokers a browser cannot reach', () => {
    expect(() => resolveBrokerUrl('mqtt://h:1883', 'http://h/')).toThrow(/ws:\/\/ or wss:\/\//);
    expect(resolveBrokerUrl('http://h:8080/mqtt', 'https://x/')).toBe('wss://h:8080/mqtt');
  });
});
