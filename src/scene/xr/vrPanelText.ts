import type { TwinConfig } from '../../config/schema';
import { localize, type Locale } from '../../lib/localizedText';
import type { AssetState } from '../../twin/assetState';

/** The UI words a VR panel needs, in the UI language (the scene does not import the i18n layer). */
export interface VrWords {
  type: string;
  data: string;
  live: string;
  stale: string;
  initial: string;
}

/** A panel's text: a title line and the lines under it. */
export interface PanelText {
  title: string;
  lines: string[];
}

/** A panel readable at arm's length holds a handful of fields; the desk inspector has the rest. */
export const VR_PANEL_FIELDS = 5;

/** Numbers at most two decimals, with their unit (as the desk inspector shows them). */
const fieldText = (value: string | number | boolean, unit: string | undefined) =>
  typeof value === 'number'
    ? `${Math.round(value * 100) / 100}${unit ? ` ${unit}` : ''}`
    : String(value);

/**
 * The selected asset's panel in VR: its name, type and data state, then its first fields in the
 * order its type declares them (the config's order is the author's idea of what matters most),
 * then any others it reports.
 */
export function assetPanelText(
  asset: AssetState,
  config: TwinConfig | null,
  locale: Locale,
  words: VrWords,
  maxFields = VR_PANEL_FIELDS,
): PanelText {
  const type = config?.assetTypes[asset.type];
  const defs = type?.fields ?? {};
  const names = [...Object.keys(defs), ...Object.keys(asset.fields)].filter(
    (name, i, all) => all.indexOf(name) === i && asset.fields[name] !== undefined,
  );
  const state = asset.stale ? words.stale : asset.lastUpdate > 0 ? words.live : words.initial;
  return {
    title: localize(asset.name, locale) || asset.id,
    lines: [
      `${words.type}: ${type ? localize(type.name, locale) : asset.type}`,
      `${words.data}: ${state}`,
      ...names.slice(0, maxFields).map((name) => {
        const def = defs[name];
        const label = def?.label ? localize(def.label, locale) : name;
        return `${label}: ${fieldText(asset.fields[name] as string | number | boolean, def?.unit)}`;
      }),
    ],
  };
}

/**
 * Breaks `text` into lines no wider than `maxWidth` as `measure` reports widths: at spaces, or
 * anywhere for text without them (Chinese).
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // Words with their trailing space; a CJK character is a word of its own.
    for (const token of paragraph.match(
      /[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g,
    ) ?? []) {
      const next = line + token;
      if (line !== '' && measure(next.trimEnd()) > maxWidth) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line = next;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
