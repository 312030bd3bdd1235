// Diagnose in a replay: the incident pass finds the bundled terminal shift's seeded incidents,
// the timeline marks them, and choosing one takes the replay to its moment with its asset
// selected and a loop around it. The shift carries its plan: ghosts of the planned run are drawn
// beside the real assets, and the site is found behind the plan where the simulation broke down.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { canvasImage } from './pixels.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

describe('incidents of the terminal shift', () => {
  let session;
  let incidents;

  before(async () => {
    session = await openSite(browser, '?site=terminal&mode=replay');
    await session.page.waitForFunction(() => window.twindeck.clock().mode === 'replay', null, {
      timeout: 60_000,
    });
    // The pass plays the whole 8-hour shift through the rules in a worker.
    await session.page.waitForFunction(
      () => window.twindeck.incidentScan().state === 'done',
      null,
      {
        timeout: 200_000,
        polling: 1000,
      },
    );
    incidents = await callTwin(session.page, 'incidents');
  });
  after(() => session?.close());

  it('finds the incidents the simulation seeded, one rule kind after another', () => {
    const rules = new Set(incidents.map((i) => i.ruleId));
    for (const rule of [
      'crane-fault',
      'crane-waiting-for-trucks',
      'crane-rate',
      'truck-breakdown',
      'truck-silent',
      'truck-at-gate',
      'link-degraded',
      'crane-behind-plan',
    ])
      assert.ok(rules.has(rule), `no ${rule} incident among ${[...rules].join(', ')}`);
    const gate = incidents.find((i) => i.ruleId === 'truck-at-gate');
    assert.equal(gate.severity, 'critical');
    assert.match(gate.message, /gate/);
    for (const i of incidents) assert.ok(i.durationMs >= 0 && i.start <= i.raisedAt, i.id);
  });

  it('gives the KPIs of the shift as they stood at the clock', async () => {
    const { page } = session;
    const { start, end } = await callTwin(page, 'clock');
    await callTwin(page, 'seek', end);
    await page.waitForFunction(() => window.twindeck.kpis().qcGrossRate !== undefined);
    const atEnd = await callTwin(page, 'kpis');
    assert.ok(atEnd.qcGrossRate > 15 && atEnd.qcGrossRate < 40, `gross rate ${atEnd.qcGrossRate}`);
    assert.ok(atEnd.truckTurnMinutes > 0);
    assert.ok(atEnd.rtgUtilisation > 0 && atEnd.rtgUtilisation <= 100);
    await callTwin(page, 'seek', start + 5 * 60_000);
    await page.waitForFunction(() => window.twindeck.kpis().qcGrossRate === undefined);
  });

  it('prints a shift report with the KPIs and every incident', async () => {
    const { page } = session;
    await page.click(byTestId('incidents-button'));
    await page.click(`${byTestId('incidents-panel')} ${byTestId('report-button')}`);
    await page.waitForSelector(byTestId('shift-report'));
    const rows = await page.locator(`${byTestId('report-incidents')} tbody tr`).count();
    assert.equal(rows, incidents.length);
    await page.keyboard.press('Escape');
    await page.waitForSelector(byTestId('shift-report'), { state: 'detached' });
    await page.click(byTestId('incidents-button'));
  });

  it('marks each incident on the timeline', async () => {
    const markers = await session.page
      .locator(`${byTestId('timeline')} [data-testid="timeline-marker"][data-id^="alarm:"]`)
      .count();
    assert.equal(markers, incidents.length);
  });

  it('goes to an incident chosen in the list: clock before it, asset selected, a loop around it', async () => {
    const { page } = session;
    const crane = incidents.find((i) => i.ruleId === 'crane-fault');
    await page.click(byTestId('incidents-button'));
    await page.click(`${byTestId('incident-row')}[data-alarm-id="${crane.id}"]`);
    await page.waitForFunction(
      (t) => Math.abs(window.twindeck.clock().t - t) < 1000,
      crane.start - 10_000,
    );
    assert.equal(await callTwin(page, 'selected'), crane.assetId);
    // At its moment the alarm list shows it raised.
    await callTwin(page, 'seek', crane.raisedAt + 1000);
    const open = await callTwin(page, 'alarms');
    const shown = open.find((a) => a.id === crane.id);
    assert.ok(shown, 'the alarm is listed at its moment');
    assert.equal(shown.state, 'active');
    assert.equal(shown.clearedAt, undefined);
  });

  it('measures the shift against the plan it carries: ghosts drawn, behind where cranes broke down', async () => {
    const { page } = session;
    const { start } = await callTwin(page, 'clock');
    await callTwin(page, 'pause');
    await callTwin(page, 'seek', start + 6 * 3600_000);
    const site = await callTwin(page, 'planDeviation');
    assert.ok(site, 'the plan was simulated');
    assert.ok(site.ghosts >= 10, `${site.ghosts} ghosts`);
    assert.ok(site.plannedDone > site.done, `done ${site.done}, planned ${site.plannedDone}`);
    assert.ok(site.behindMinutes > 2, `site ${site.behindMinutes} min behind`);
    // The crane the simulation broke down is behind its own plan; its ghost stands apart.
    const behind = incidents.find((i) => i.ruleId === 'crane-behind-plan');
    const crane = await callTwin(page, 'planDeviation', behind.assetId);
    assert.ok(crane.behindMinutes > 5, `${behind.assetId} ${crane.behindMinutes} min behind`);
    assert.ok(Number.isFinite(crane.ghost.distanceM), 'the crane has a ghost');
    // Ghosts on and off: the picture differs where they stand.
    const withGhosts = await canvasImage(page);
    await page.keyboard.press('g');
    await page.waitForTimeout(500);
    const without = await canvasImage(page);
    await page.keyboard.press('g');
    let differing = 0;
    for (let i = 0; i < withGhosts.data.length; i += 4)
      if (
        Math.abs(withGhosts.data[i] - without.data[i]) +
          Math.abs(withGhosts.data[i + 1] - without.data[i + 1]) >
        30
      )
        differing++;
    assert.ok(differing > 100, `${differing} pixels differ with ghosts shown`);
  });

  it('previews the next two hours from the replayed moment', async () => {
    const { page } = session;
    const { kpis } = await page.evaluate(() => window.twindeck.preview('live'));
    assert.equal(typeof kpis.qcGrossRate, 'number');
    // Its recording plays once reopened by the player.
    await page.waitForFunction(() => window.twindeck.clock().mode === 'replay');
    const clock = await callTwin(page, 'clock');
    assert.ok(
      Math.abs((clock.end - clock.start) / 3600_000 - 2) < 0.1,
      `${clock.end - clock.start} ms`,
    );
    // It starts where the replay stood: six hours into the shift (the test before).
    assert.equal(new Date(clock.start).toISOString(), '2025-01-06T06:00:00.000Z');
    assert.match(await page.textContent(byTestId('replay-badge')), /Preview/);
  });
});
