// Preview: both bundled terminal plans are simulated in the page, played like recorded shifts,
// and judged by the same KPI code as a replay; the plan with more cranes and trucks finishes
// the ships sooner, and the Plans panel compares the two.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

describe('previewing the terminal plans', () => {
  let session;
  const predicted = {};

  before(async () => {
    session = await openSite(browser, '?site=terminal&mode=preview&plan=lean');
    await session.page.waitForFunction(() => window.twindeck.plans().length >= 2, null, {
      timeout: 30_000,
    });
  });
  after(() => session?.close());

  it('lists the site’s plans', async () => {
    const plans = await callTwin(session.page, 'plans');
    assert.deepEqual(
      plans.map((p) => p.id),
      ['lean', 'full', 'day'],
    );
    assert.ok(plans.every((p) => typeof p.name === 'string' && p.name.length > 0));
  });

  for (const id of ['lean', 'full']) {
    it(`previews the ${id} plan and predicts its KPIs`, async () => {
      const { kpis } = await session.page.evaluate((plan) => window.twindeck.preview(plan), id);
      predicted[id] = kpis;
      for (const name of ['vesselCompletionHours', 'qcGrossRate', 'truckTurnMinutes'])
        assert.equal(typeof kpis[name], 'number', `${id}: ${name}`);
      // Quay cranes work at 25–35 gross moves an hour in the simulator.
      assert.ok(kpis.qcGrossRate >= 20 && kpis.qcGrossRate <= 40, `${id}: ${kpis.qcGrossRate}`);
    });
  }

  it('finishes the ships sooner with more cranes and trucks', () => {
    assert.ok(
      predicted.full.vesselCompletionHours < predicted.lean.vesselCompletionHours,
      `full ${predicted.full.vesselCompletionHours} h, lean ${predicted.lean.vesselCompletionHours} h`,
    );
  });

  it('plays the preview on the replay clock, marked as a preview', async () => {
    const clock = await callTwin(session.page, 'clock');
    assert.equal(clock.mode, 'replay');
    const hours = (clock.end - clock.start) / 3600_000;
    assert.ok(Math.abs(hours - predicted.full.vesselCompletionHours) < 0.5, `${hours} h`);
    assert.match(await session.page.textContent(byTestId('replay-badge')), /Preview/);
  });

  it('compares the two plans in the Plans panel', async () => {
    const table = session.page.locator(byTestId('plan-compare'));
    await table.waitFor({ state: 'visible' });
    const headers = await table.locator('th').allTextContents();
    assert.ok(headers.some((h) => /4 quay cranes/.test(h)));
    assert.ok(headers.some((h) => /6 quay cranes/.test(h)));
    assert.ok(headers.some((h) => /Difference/.test(h)));
  });

  it('edits a plan into a new one, starts its preview and exports it as a plan file', async () => {
    const { page } = session;
    await page.click(byTestId('plan-edit-lean'));
    const form = page.locator(byTestId('plan-form'));
    await form.locator('input[name="trucks"]').fill('26');
    await form.locator('input[name="cranes-V1"]').fill('1');
    await page.click(byTestId('plan-form-save'));
    await page.waitForFunction(() => window.twindeck.plans().some((p) => p.id === 'lean-edit-1'));
    // Its preview runs at once (how previews run and compare is tested above; the edit itself,
    // against the simulator, in src/app/preview/editPlan.test.ts).
    await page
      .locator(`${byTestId('plan-lean-edit-1')} [role="progressbar"]`)
      .waitFor({ state: 'visible' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(byTestId('plan-export-lean-edit-1')),
    ]);
    const text = await (await download.createReadStream()).toArray();
    const plan = JSON.parse(Buffer.concat(text).toString('utf8'));
    assert.equal(plan.id, 'lean-edit-1');
    assert.equal(plan.plan.trucks.pool.length, 26);
    assert.equal(plan.plan.craneSplit.filter((w) => w.vesselId === 'V1').length, 1);
  });

  it('raises no page errors', () => {
    assert.deepEqual(session.uncaught, []);
    assert.deepEqual(session.consoleErrors, []);
  });
});
