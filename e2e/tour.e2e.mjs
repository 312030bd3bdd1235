// A guided tour played over the terminal's replayed shift: the note and the camera follow the
// stops, a stop's recording time moves the replay clock, and pause, next, previous and Escape do
// what a trainer expects, in English and in Chinese.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

/** How long each stop of the test's tour lasts: the shortest a config may give. */
const DWELL_MS = 2_000;

/** The quick tour: a view, an asset to follow, a pose of its own, another view. */
const QUICK_TOUR = {
  id: 'quick',
  name: { en: 'Quick tour', 'zh-CN': '快速导览' },
  stops: [
    {
      view: 'quay',
      at: '2025-01-06T09:00:00+08:00',
      note: { en: 'First the quay.', 'zh-CN': '先看岸线。' },
    },
    { follow: 'QC01', note: { en: 'Then crane one.', 'zh-CN': '再看一号岸桥。' } },
    {
      camera: { position: [60, 45, 210], target: [20, 0, 150] },
      at: '2025-01-06T11:30:00+08:00',
      note: { en: 'A pose of its own.', 'zh-CN': '自定义机位。' },
    },
    { view: 'gate', note: { en: 'Last, the gate.', 'zh-CN': '最后是闸口。' } },
  ].map((stop) => ({ ...stop, dwellMs: DWELL_MS })),
};

/**
 * The bundled terminal with the quick tour first, served from e2e/.out: its model URLs made
 * absolute so they still point at the app's models from there.
 */
function writeTourTerminal() {
  const config = JSON.parse(readFileSync('twin-configs/terminal.json', 'utf8'));
  for (const model of Object.values(config.models))
    model.url = new URL(model.url, 'http://x/twin-configs/').pathname;
  delete config.$schema;
  config.tours = [QUICK_TOUR, ...config.tours];
  mkdirSync('e2e/.out', { recursive: true });
  writeFileSync('e2e/.out/tour-terminal.json', JSON.stringify(config));
  return { url: '/e2e-out/tour-terminal.json', config };
}

const near = (a, b, metres) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < metres;

describe('a guided tour in a replay', () => {
  let session;
  let config;

  before(async () => {
    const written = writeTourTerminal();
    config = written.config;
    session = await openSite(
      browser,
      `?config=${encodeURIComponent(written.url)}&mode=replay&recording=/recordings/terminal-shift.mcap&lang=en`,
    );
    await session.page.waitForFunction(() => window.twindeck.clock().mode === 'replay', null, {
      timeout: 60_000,
    });
  });
  after(() => session?.close());

  it('plays its stops: note, camera and replay clock follow each one, then it ends', async () => {
    const { page } = session;
    const view = (id) => config.cameraViews.find((v) => v.id === id);
    await page.click(byTestId('tours-button'));
    await page.waitForSelector(byTestId('tour-bar'));
    assert.equal(await callTwin(page, 'tour'), null, 'nothing plays before the trainer says');
    // Sampled in the page, between its own frames and timers: a slow poll from here could
    // miss a stop of a couple of seconds on a busy machine.
    await page.evaluate(() => {
      window.tourSamples = [];
      window.tourSampler = setInterval(() => {
        const tour = window.twindeck.tour();
        if (!tour) return;
        window.tourSamples.push({
          stop: tour.stop,
          playing: tour.playing,
          camera: window.twindeck.camera(),
          t: window.twindeck.clock().t,
          crane: window.twindeck.asset('QC01').position,
          note: document.querySelector('[data-testid="tour-note-text"]')?.textContent ?? null,
        });
      }, 100);
    });
    await page.click(byTestId('tour-play'));
    await page.waitForFunction(
      () => window.twindeck.tour()?.stop === 3 && !window.twindeck.tour().playing,
      null,
      { timeout: 40_000, polling: 250 },
    );
    const samples = await page.evaluate(() => {
      clearInterval(window.tourSampler);
      return window.tourSamples;
    });
    const order = samples.map((s) => s.stop).filter((stop, i, all) => stop !== all[i - 1]);
    assert.deepEqual(order, [0, 1, 2, 3], 'the stops in order, each once');
    const arrived = [
      ({ camera, t }) =>
        near(camera.position, view('quay').position, 1) && t === Date.parse(QUICK_TOUR.stops[0].at),
      ({ camera, crane }) =>
        Math.hypot(camera.target[0] - crane[0], camera.target[2] - crane[2]) < 30,
      ({ camera, t }) =>
        near(camera.position, QUICK_TOUR.stops[2].camera.position, 0.01) &&
        t === Date.parse(QUICK_TOUR.stops[2].at),
      ({ camera }) => near(camera.position, view('gate').position, 1),
    ];
    QUICK_TOUR.stops.forEach((stop, i) => {
      const at = samples.filter((s) => s.stop === i);
      assert.ok(
        at.some(arrived[i]),
        `the camera (and clock) reached stop ${i + 1}: last ${JSON.stringify(at.at(-1))}`,
      );
      assert.ok(
        at.some((s) => s.note === stop.note.en),
        `stop ${i + 1} showed “${stop.note.en}”`,
      );
    });
    // The end of the tour holds the last stop, paused, its note still up.
    assert.deepEqual(await callTwin(page, 'tour'), {
      id: 'quick',
      stop: 3,
      stops: 4,
      playing: false,
    });
    assert.match(await page.textContent(byTestId('tour-note')), /End of the tour/);
  });

  it('holds a stop while paused, steps with the buttons and keys, and ends with Escape', async () => {
    const { page } = session;
    await callTwin(page, 'startTour', 'quick', 1);
    await page.waitForFunction(() => window.twindeck.tour()?.playing);
    await page.click(byTestId('tour-play'));
    // A busy machine may take a dwell to click: the pause holds whichever stop it caught.
    const paused = await callTwin(page, 'tour');
    assert.equal(paused.playing, false, 'the play button paused it');
    await page.waitForTimeout(DWELL_MS * 2);
    assert.deepEqual(await callTwin(page, 'tour'), paused, 'no stop passed while paused');
    for (let stop = paused.stop; stop < 2; stop++) await page.click(byTestId('tour-next'));
    assert.equal((await callTwin(page, 'tour')).stop, 2);
    assert.equal(await page.textContent(byTestId('tour-note-text')), 'A pose of its own.');
    assert.equal(await page.textContent(byTestId('tour-position')), 'Stop 3 of 4');
    await page.waitForFunction(
      (t) => window.twindeck.clock().t === t,
      Date.parse(QUICK_TOUR.stops[2].at),
    );
    assert.match(await page.textContent(byTestId('tour-note-at')), /Recording time 11:30:00/);
    await page.click(byTestId('tour-previous'));
    assert.equal((await callTwin(page, 'tour')).stop, 1);
    await page.keyboard.press('.');
    assert.equal((await callTwin(page, 'tour')).stop, 2);
    await page.keyboard.press(',');
    await page.keyboard.press(',');
    assert.deepEqual(await callTwin(page, 'tour'), {
      id: 'quick',
      stop: 0,
      stops: 4,
      playing: false,
    });
    await page.keyboard.press('Escape');
    assert.equal(await callTwin(page, 'tour'), null);
    assert.equal(await page.locator(byTestId('tour-bar')).count(), 0, 'the bar closed');
  });
});

describe('a guided tour on a live (here: static) page, in Chinese', () => {
  let session;

  before(async () => {
    const { url } = writeTourTerminal();
    session = await openSite(browser, `?config=${encodeURIComponent(url)}&mode=static&lang=zh-CN`);
  });
  after(() => session?.close());

  it('shows the notes in Chinese and says a stop’s recording time waits for a replay', async () => {
    const { page } = session;
    await callTwin(page, 'startTour', 'quick');
    await page.waitForSelector(byTestId('tour-note'));
    assert.equal(await page.textContent(byTestId('tour-note-text')), '先看岸线。');
    assert.match(await page.textContent(byTestId('tour-note')), /快速导览.*第 1 站，共 4 站/);
    assert.equal(
      await page.textContent(byTestId('tour-note-at')),
      '回放时此站跳到 09:00:00；实时模式下显示场地当前的状态。',
    );
    const clock = await callTwin(page, 'clock');
    assert.ok(Math.abs(clock.t - Date.now()) < 60_000, 'the clock stays at the present');
  });

  it('refuses a tour or a stop the site has not, and T ends the tour', async () => {
    const { page } = session;
    await assert.rejects(callTwin(page, 'startTour', 'no-such-tour'), /no tour "no-such-tour"/);
    await assert.rejects(callTwin(page, 'startTour', 'quick', 4), /stops 0–3, not 4/);
    assert.equal((await callTwin(page, 'tour')).id, 'quick', 'the tour running goes on');
    await page.keyboard.press('t');
    assert.equal(await callTwin(page, 'tour'), null);
    assert.equal(await page.locator(byTestId('tour-bar')).count(), 0);
  });
});
