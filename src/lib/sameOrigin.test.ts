import { describe, expect, it } from 'vitest';
import { resolveSameOrigin } from './sameOrigin';

describe('resolveSameOrigin', () => {
  const origin = 'http://localhost:5173';
  it('resolves relative URLs against the base', () => {
    expect(resolveSameOrigin('../models/a.glb', `${origin}/twin-configs/t.json`, origin).href).toBe(
      `${origin}/models/a.glb`,
    );
  });
  it('refuses another origin, including protocol-relative URLs', () => {
    expect(() => resolveSameOrigin('https://evil.example/c.json', `${origin}/`, origin)).toThrow(
      /origin/,
    );
    expect(() => resolveSameOrigin('//evil.example/c.json', `${origin}/`, origin)).toThrow(
      /origin/,
    );
  });
});
