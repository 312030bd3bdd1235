// Immersive VR without a headset: the button says why it is off in a plain browser (and the XR
// code is never fetched there); a fake WebXR device records the session request and its refusal
// is shown while the page keeps running; the in-page emulator (`?xr=emulate`, IWER) enters VR
// for real, and the XR scene graph holds the origin, the teleport floor, controllers and panels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { connectBrowser, openPage } from './browser.mjs';
import { BASE_URL, byTestId, callTwin, openSite, until } from './twin.mjs';

const { en } = await tsImport('../src/ui/strings.ts', import.meta.url);
const browser = await connectBrowser();
after(() => browser.close());

/** A bundled site replaying its shift: assets move, as they would in a lesson. */
const SITE = '?site=factory&mode=replay';

/** Script files the page fetched whose names say they are the XR code. */
const xrChunks = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => /\/assets\/(XrLayer|installEmulator|emulate)-/.test(name)),
  );

/** Tooltips of the disabled button, by the support state it reports (src/ui/strings.ts). */
const UNAVAILABLE_TIP = {
  'no-headset': en['vr.noHeadset'],
  'no-webxr': en['vr.noWebxr'],
  insecure: en['vr.insecure'],
};

/** A vector (x, z parts) turned by `yaw` about +y, as three.js turns an object's children. */
const turn = ([x, y, z], yaw) => [
  x * Math.cos(yaw) + z * Math.sin(yaw),
  y,
  -x * Math.sin(yaw) + z * Math.cos(yaw),
];

/** The quaternion [x, y, z, w] turning -z (where a controller's ray points) onto unit `d`. */
const aimAlong = ([dx, dy, dz]) => {
  const [x, y, z, w] = [dy, -dx, 0, 1 - dz];
  const n = Math.hypot(x, y, z, w);
  return [x / n, y / n, z / n, w / n];
};

const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('VR', () => {
  it('is off in a browser without a headset, says why, and costs no XR code', async () => {
    const session = await openSite(browser, `${SITE}&lang=en`);
    try {
      const { page } = session;
      const button = page.locator(byTestId('vr-button'));
      await until(
        'the support check',
        async () => (await button.getAttribute('data-support')) !== 'checking',
        10_000,
      );
      const vr = await callTwin(page, 'vr');
      assert.equal(vr.supported, false);
      assert.equal(vr.presenting, false);
      assert.equal(vr.mode, null);
      assert.ok(vr.support in UNAVAILABLE_TIP, `support reported as ${vr.support}`);
      assert.equal(await button.getAttribute('data-support'), vr.support);
      assert.equal(await button.isDisabled(), true);
      assert.equal(await button.getAttribute('title'), UNAVAILABLE_TIP[vr.support]);
      assert.equal(await button.textContent(), en['vr.enter']);
      await assert.rejects(callTwin(page, 'enterVr'), /VR is not available/);
      assert.deepEqual(await xrChunks(page), [], 'no XR code fetched on a desk');
      assert.deepEqual(session.uncaught, []);
    } finally {
      await session.close();
    }
  });

  it('requests an immersive-vr session from the button, and shows a refusal', async () => {
    const fake = await openPage(browser);
    try {
      const { page } = fake;
      // A WebXR device that says yes to immersive-vr and records, then refuses, the request.
      await page.addInitScript(() => {
        const calls = [];
        window.__xrRequests = calls;
        const xr = new EventTarget();
        xr.isSessionSupported = async (mode) => mode === 'immersive-vr';
        xr.requestSession = async (mode, init) => {
          calls.push({ mode, init: JSON.parse(JSON.stringify({ ...init, domOverlay: null })) });
          throw new DOMException('The headset is asleep', 'NotAllowedError');
        };
        Object.defineProperty(navigator, 'xr', { value: xr, configurable: true });
      });
      await page.goto(new URL(`/${SITE}&lang=en`, BASE_URL).href);
      await page.waitForFunction(() => typeof window.twindeck === 'object');
      await page.evaluate(() => window.twindeck.ready());
      const button = page.locator(byTestId('vr-button'));
      await until('the button enabled', async () => !(await button.isDisabled()), 20_000);
      assert.equal(await button.getAttribute('title'), en['vr.enterTip']);
      assert.ok((await xrChunks(page)).length > 0, 'the XR code loaded once a headset was seen');
      await button.click();
      const alert = page.locator(byTestId('vr-error'));
      await alert.waitFor({ timeout: 10_000 });
      assert.match(await alert.textContent(), /Could not start VR: .*The headset is asleep/);
      const calls = await page.evaluate(() => window.__xrRequests);
      assert.equal(calls.length, 1);
      assert.equal(calls[0].mode, 'immersive-vr');
      assert.ok(calls[0].init.requiredFeatures.includes('local-floor'), 'feet on the floor');
      for (const arOnly of ['plane-detection', 'mesh-detection', 'anchors', 'hit-test'])
        assert.ok(!calls[0].init.optionalFeatures.includes(arOnly), `${arOnly} not asked for`);
      const vr = await callTwin(page, 'vr');
      assert.equal(vr.presenting, false);
      assert.match(vr.error, /The headset is asleep/);
      // The page keeps running: the site is there and the replay clock still answers.
      assert.equal((await callTwin(page, 'site')).id, 'factory');
      await until(
        'the replay still opening and playing',
        async () => (await callTwin(page, 'clock')).mode === 'replay',
        20_000,
      );
      assert.deepEqual(fake.uncaught, []);
    } finally {
      await fake.close();
    }
  });

  it('enters and leaves VR in the emulated headset, with the XR scene in place', async (t) => {
    const session = await openSite(browser, `${SITE}&lang=en&xr=emulate`);
    try {
      const { page } = session;
      const button = page.locator(byTestId('vr-button'));
      await until('the emulator installed', async () => !(await button.isDisabled()), 20_000);
      assert.equal((await callTwin(page, 'vr')).emulated, true);
      const camera = await callTwin(page, 'camera');
      await button.click();
      const presenting = await until(
        'presenting with both controllers',
        async () => {
          const vr = await callTwin(page, 'vr');
          return vr.presenting && vr.sceneGraph.controllers === 2 && vr;
        },
        20_000,
      );
      assert.equal(presenting.mode, 'immersive-vr');
      assert.equal(await button.textContent(), en['vr.exit']);
      const graph = presenting.sceneGraph;
      assert.equal(graph.origins, 1);
      assert.equal(graph.cameraInOrigin, true, 'the XR camera rides on the origin');
      assert.equal(graph.teleportTargets, 1);
      assert.equal(graph.hands, 0);
      // The origin's reference space and each controller's ray and grip spaces.
      assert.ok(graph.xrSpaces >= 5, `${graph.xrSpaces} XR spaces`);
      assert.equal(graph.captionPanels, 1, 'the controls help floats ahead');
      assert.equal(graph.assetPanels, 0, 'no asset panel without a selection');

      // The player stands on the ground in front of what the desk camera looked at, facing it.
      const { origin } = presenting;
      assert.equal(origin.position[1], 0);
      const look = [camera.target[0] - camera.position[0], camera.target[2] - camera.position[2]];
      const facing = [-Math.sin(origin.yaw), -Math.cos(origin.yaw)];
      const cos = (look[0] * facing[0] + look[1] * facing[1]) / Math.hypot(...look);
      assert.ok(cos > 0.999, `facing the camera's way (cos ${cos})`);
      const ahead = distance(origin.position, [camera.target[0], 0, camera.target[2]]);
      assert.ok(ahead <= 12.01, `${ahead.toFixed(1)} m short of the looked-at point`);

      // Inspecting by pointing, as its own step in the report.
      await t.test('selects the asset the right controller points at', async () => {
        // Inspecting by pointing: the right controller's ray on the asset nearest the player, then
        // the trigger pulled and let go.
        const assets = await callTwin(page, 'assets');
        const near = assets
          .map((a) => ({ a, d: distance(a.position, origin.position) }))
          .sort((p, q) => p.d - q.d)[0].a;
        const aim = [near.position[0], near.position[1] + 0.8, near.position[2]];
        const hand = [0.25, 1.3, -0.3];
        const handInWorld = turn(hand, origin.yaw).map((v, i) => v + origin.position[i]);
        const towards = turn(
          aim.map((v, i) => v - handInWorld[i]),
          -origin.yaw,
        );
        const length = Math.hypot(...towards);
        const quaternion = aimAlong(towards.map((v) => v / length));
        await page.evaluate(
          ([position, q]) => {
            const right = window.twindeckXrEmulator.controllers.right;
            right.position.set(...position);
            right.quaternion.set(...q);
          },
          [hand, quaternion],
        );
        // A software-drawn XR frame can take most of a second: a pull shorter than a frame is
        // never seen, so the trigger is held for 1 s (a click is a release within 2.5 s,
        // XrLayer.tsx), and pulled again if it was missed.
        let selected = false;
        for (let pull = 0; pull < 3 && !selected; pull++) {
          await page.waitForTimeout(1_000);
          await page.evaluate(() =>
            window.twindeckXrEmulator.controllers.right.updateButtonValue('trigger', 1),
          );
          await page.waitForTimeout(1_000);
          await page.evaluate(() =>
            window.twindeckXrEmulator.controllers.right.updateButtonValue('trigger', 0),
          );
          selected = await until(
            'the pointed-at asset selected',
            async () => (await callTwin(page, 'selected')) === near.id,
            4_000,
          ).catch(() => false);
        }
        assert.ok(selected, `${near.id} selected by pointing at it`);

        // The help leaves once something was inspected.
        await until(
          'the asset panel instead of the help',
          async () => {
            const { sceneGraph } = await callTwin(page, 'vr');
            return sceneGraph.assetPanels === 1 && sceneGraph.captionPanels === 0;
          },
          10_000,
        );
      });

      // A guided tour in VR: its stop's note floats ahead, and the player stands before it.
      // "Fabric to garment", stop 2: the cutting view, looking at (-36, 0, -3) from the south.
      const tour = JSON.parse(readFileSync('twin-configs/factory.json', 'utf8')).tours[0];
      await callTwin(page, 'startTour', tour.id, 2);
      const toured = await until(
        'the tour stop in VR',
        async () => {
          const state = await callTwin(page, 'vr');
          return (
            state.caption?.text === tour.stops[2].note.en &&
            state.sceneGraph.captionPanels === 1 &&
            distance(state.origin.position, [-36, 0, -3]) < 20 &&
            state
          );
        },
        15_000,
      );
      assert.equal(toured.caption.title, tour.name.en);
      // The tour bar's ×. The emulator's canvas covers the page while it presents (keys and
      // clicks go to it), so the click is dispatched to the button; a headset leaves the desk
      // page free for the trainer.
      await page.getByRole('button', { name: en['tour.close'] }).dispatchEvent('click');
      await until('the caption gone', async () => !(await callTwin(page, 'vr')).caption, 5_000);

      await callTwin(page, 'exitVr');
      const out = await callTwin(page, 'vr');
      assert.equal(out.presenting, false);
      assert.equal(out.mode, null);
      assert.equal(out.sceneGraph.teleportTargets, 0, 'the VR-only parts are gone');
      assert.equal(await button.textContent(), en['vr.enter']);
      assert.deepEqual(session.uncaught, []);
    } finally {
      await session.close();
    }
  });
});
