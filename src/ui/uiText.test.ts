import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every component file of the app (tests aside). */
function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** Literal text people read that the i18n layer does not give: example values, not words. */
const ALLOWED = new Set(['wss://broker.example:8084/mqtt']);

/**
 * Text written straight into JSX — a text node, or a `title`, `aria-label`, `placeholder` or
 * `alt` given as a string — with at least one letter: it would show in English to a Chinese user.
 */
function hardCodedText(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?<!=)>\s*([^<>{}\n]*[A-Za-z\u4e00-\u9fff][^<>{}\n]*?)\s*</g)) {
    const text = (m[1] as string).trim();
    // `a > b` in code and generics (`Array<…>`) also sit between angle brackets.
    if (/^[\w.]+(\s*[=&|)(,;:?]|$)/.test(text) && !/\s/.test(text.replace(/[=&|)(,;:?].*/, '')))
      continue;
    if (/[;=(){}]|=>|&&|\|\|/.test(text)) continue;
    found.push(text);
  }
  for (const m of source.matchAll(/\b(title|aria-label|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g))
    found.push(m[2] as string);
  return found.filter((text) => !ALLOWED.has(text));
}

describe('UI text', () => {
  it('comes only from the string tables (no text written into components)', () => {
    const files = componentFiles('src');
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((file) =>
      hardCodedText(readFileSync(file, 'utf8')).map((text) => `${file}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('would catch text written into a component', () => {
    expect(hardCodedText('<button title="Close">Close the panel</button>')).toEqual([
      'Close the panel',
      'Close',
    ]);
    expect(hardCodedText('<span>{t("x")}</span>')).toEqual([]);
    expect(hardCodedText('<b>关闭</b>')).toEqual(['关闭']);
  });
});
