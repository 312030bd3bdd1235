// The UI in Chinese and in English: every string shown comes from the right table, none is
// missing, and the language switch changes it all at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const { en, zhCN } = await tsImport('../src/ui/strings.ts', import.meta.url);
const browser = await connectBrowser();
after(() => browser.close());

/** Everything a person can read on the page: its text, tooltips, labels and placeholders. */
const readableText = (page) =>
  page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
      .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a)))
      .filter(Boolean);
    return [document.body.innerText, ...attributes].join('\n');
  });

/** Opens the desk's panels one by one (keyboard shortcuts) and reads the page with each. */
async function readEveryPanel(page) {
  const texts = [await readableText(page)];
  for (const key of ['a', 'k', 'c', 'p', 't']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
    texts.push(await readableText(page));
    await page.keyboard.press(key);
  }
  await callTwin(page, 'select', 'QC01');
  await page.waitForSelector(byTestId('inspector'));
  texts.push(await readableText(page));
  await callTwin(page, 'select', null);
  await page.keyboard.press('w');
  await page.waitForSelector(byTestId('wall-screen'));
  texts.push(await readableText(page));
  await page.keyboard.press('w');
  return texts.join('\n');
}

/** Template text without its placeholders: the parts that must show as written. */
const fixedParts = (template) =>
  template
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => /[A-Za-z]{3,}/.test(part) && part.length >= 6);

const CJK = /[\u3400-\u9fff]/;

/** Whether `part` shows as words of its own (not inside a data name such as `movesPlanned`). */
const shownAsWords = (text, part) =>
  new RegExp(`(^|[^A-Za-z])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text);

describe('the UI in two languages', () => {
  let session;
  before(async () => {
    session = await openSite(browser, '?site=terminal&mode=static&lang=zh-CN');
  });
  after(() => session?.close());

  it('shows no English string and no string key in Chinese', async () => {
    const { page } = session;
    assert.equal(await callTwin(page, 'locale'), 'zh-CN');
    const text = await readEveryPanel(page);
    assert.match(text, CJK);
    const english = Object.keys(en).flatMap((key) =>
      en[key] === zhCN[key] ? [] : fixedParts(en[key]).filter((part) => shownAsWords(text, part)),
    );
    assert.deepEqual(english, [], 'English text on the Chinese page');
    const keys = Object.keys(en).filter((key) => text.includes(key));
    assert.deepEqual(keys, [], 'string keys shown instead of text');
    assert.doesNotMatch(text, /\bundefined\b|\{\w+\}/, 'an empty or unfilled string');
  });

  it('switches to English with the language switch, with no Chinese left', async () => {
    const { page } = session;
    await page.click(byTestId('language-switch'));
    assert.equal(await callTwin(page, 'locale'), 'en');
    assert.match(page.url(), /lang=en/);
    const text = await readEveryPanel(page);
    // The switch names the other language in that language: 中文.
    const chinese = text
      .split('\n')
      .filter((line) => CJK.test(line) && line.trim() !== en['language.other']);
    assert.deepEqual(chinese, [], 'Chinese text on the English page');
    assert.doesNotMatch(text, /\bundefined\b|\{\w+\}/, 'an empty or unfilled string');
    assert.ok(text.includes(en['wall.enter']));
  });
});
