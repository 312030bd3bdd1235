// A broken config is explained on screen, each problem at its JSON path — never a blank page.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { byTestId, openApp } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

/** Each fixture in e2e/fixtures/ and the JSON paths of the problems built into it. */
const BROKEN_CONFIGS = [
  {
    file: 'invalid-types.json',
    about: 'wrong types and a missing required field',
    paths: [
      'site.name',
      'models.box.scale',
      'assets[0].pose.position[1]',
      'assetTables[0].rows[1][3]',
    ],
  },
  {
    file: 'unknown-reference.json',
    about: 'references to an asset type and a zone that do not exist',
    paths: ['assets[1].type', 'assets[2].zone'],
  },
  {
    // .txt, not .json: Prettier's format check would reject a file that is not valid JSON.
    file: 'syntax-error.txt',
    about: 'JSON that ends mid-document',
    paths: ['$'],
  },
];

/** Reads the texts of the listed config errors once the list is on screen. */
async function readConfigErrors(page) {
  await page.locator(byTestId('config-errors')).waitFor({ state: 'visible' });
  return page.locator(`${byTestId('config-errors')} ${byTestId('config-error')}`).allInnerTexts();
}

for (const { file, about, paths } of BROKEN_CONFIGS) {
  describe(`config with ${about} (${file})`, () => {
    it('lists each problem with its JSON path and a message', async () => {
      const session = await openApp(browser, `?config=/e2e-fixtures/${file}`);
      try {
        const errors = await readConfigErrors(session.page);
        assert.ok(errors.length >= paths.length, `only ${errors.length} errors:\n${errors}`);
        for (const path of paths) {
          const error = errors.find((text) => text.includes(path));
          assert.ok(error, `no error at ${path} among:\n${errors.join('\n')}`);
          assert.ok(error.replace(path, '').trim().length > 0, `error at ${path} has no message`);
        }
        assert.deepEqual(session.uncaught, []);
      } finally {
        await session.close();
      }
    });
  });
}
