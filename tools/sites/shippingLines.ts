import { pickWeighted, type Random } from './mulberry32';

/**
 * Container lines whose boxes fill the yard: the owner value, their real ISO 6346 owner prefixes
 * (BIC codes; the fourth letter U marks a freight container), a colour close to their boxes, and a
 * rough share of the boxes seen in a South China terminal.
 */
export interface ShippingLine {
  /** Value of the container `owner` field; also the colorBy key. */
  owner: string;
  prefixes: readonly string[];
  /** sRGB colour the app tints the box with. */
  color: string;
  share: number;
}

export const SHIPPING_LINES: readonly ShippingLine[] = [
  { owner: 'COSCO', prefixes: ['CSNU', 'CBHU', 'CCLU'], color: '#3a6fb8', share: 16 },
  { owner: 'MSC', prefixes: ['MSCU', 'MEDU'], color: '#d4ae4a', share: 17 },
  { owner: 'Maersk', prefixes: ['MAEU', 'MSKU', 'MRKU'], color: '#5ab4de', share: 14 },
  { owner: 'CMA CGM', prefixes: ['CMAU', 'CGMU'], color: '#1c2f6e', share: 12 },
  { owner: 'Evergreen', prefixes: ['EGHU', 'EISU', 'EMCU'], color: '#2e7d32', share: 10 },
  { owner: 'OOCL', prefixes: ['OOLU', 'OOCU'], color: '#9aa2a9', share: 9 },
  { owner: 'ONE', prefixes: ['ONEU'], color: '#c2185b', share: 8 },
  { owner: 'Hapag-Lloyd', prefixes: ['HLXU', 'HLBU'], color: '#e8641b', share: 8 },
];

/** Tint for an owner the palette does not know. */
export const FALLBACK_OWNER_COLOR = '#7a7f85';

/** colorBy.colors of the container asset types. */
export function ownerColors(): Record<string, string> {
  return Object.fromEntries(SHIPPING_LINES.map((line) => [line.owner, line.color]));
}

/** A line drawn by its share of the boxes. */
export function pickLine(random: Random): ShippingLine {
  const line =
    SHIPPING_LINES[
      pickWeighted(
        random,
        SHIPPING_LINES.map((l) => l.share),
      )
    ];
  if (!line) throw new Error('no shipping lines');
  return line;
}
