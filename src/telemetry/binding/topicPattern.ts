/**
 * A binding's topic pattern: MQTT wildcards plus named single-level captures.
 * `site/+site/gw/+gateway/truck/+assetId/state` subscribes to `site/+/gw/+/truck/+/state` and
 * captures `site`, `gateway` and `assetId` from each topic it matches.
 */
export interface TopicPattern {
  /** The MQTT subscription filter. */
  filter: string;
  /** Captured values by name, or null when the topic does not match. */
  match(topic: string): Record<string, string> | null;
  /** The same, for a topic already split into levels (split once, matched against many). */
  matchLevels(parts: readonly string[]): Record<string, string> | null;
}

export function compileTopicPattern(pattern: string): TopicPattern {
  const levels = pattern.split('/');
  const multi = levels[levels.length - 1] === '#';
  const fixed = multi ? levels.slice(0, -1) : levels;
  const names = fixed.map((l) => (l.startsWith('+') && l.length > 1 ? l.slice(1) : null));
  const filter = levels.map((l) => (l.startsWith('+') ? '+' : l)).join('/');
  const matchLevels = (parts: readonly string[]): Record<string, string> | null => {
    if (multi ? parts.length < fixed.length : parts.length !== fixed.length) return null;
    const captures: Record<string, string> = {};
    for (let i = 0; i < fixed.length; i++) {
      const level = fixed[i] as string;
      const part = parts[i] as string;
      if (level.startsWith('+')) {
        const name = names[i];
        if (name) captures[name] = part;
      } else if (level !== part) {
        return null;
      }
    }
    return captures;
  };
  return {
    filter,
    match: (topic) => matchLevels(topic.split('/')),
    matchLevels,
  };
}
