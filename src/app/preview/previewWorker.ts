// Runs a plan on its site and writes what the site's gateways would send as a recording, off
// the page: the player then plays it exactly as it plays a recorded shift (docs/plans.md).
import { parseTwinConfig } from '../../config/loadTwinConfig';
import { parsePlanDocument, type PlanDocument } from '../../config/plan';
import { createBlobSink } from '../../telemetry/recording/recordingSinks';
import type { PreviewReply, PreviewRequest } from './previewProtocol';
import { LIVE_PLAN_ID, PREVIEW_SETTINGS } from './previewSettings';
import { writeSimulatedShift } from './simulatedShift';

const post = (reply: PreviewReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<PreviewRequest>) => {
  const { configText, planText, startTime, fromLive } = event.data;
  const started = performance.now();
  try {
    const loaded = parseTwinConfig(configText);
    if (!loaded.ok) throw new Error(`the site's config is invalid: ${loaded.issues[0]?.message}`);
    let document: PlanDocument | null = null;
    if (planText !== undefined) {
      const parsed = parsePlanDocument(planText);
      if (!parsed.ok) {
        const issue = parsed.issues[0];
        throw new Error(`the plan is invalid at ${issue?.path}: ${issue?.message}`);
      }
      document = parsed.plan;
    } else if (!fromLive) throw new Error('no plan to preview');
    const factory = loaded.config.site.kind === 'factory';
    const hours = fromLive
      ? fromLive.hours
      : factory
        ? PREVIEW_SETTINGS.factoryHours
        : PREVIEW_SETTINGS.maxHours;
    const id = document?.id ?? LIVE_PLAN_ID;
    const sink = createBlobSink();
    let reported = 0;
    const stats = await writeSimulatedShift({
      config: loaded.config,
      configText,
      planText,
      sink,
      startTime,
      hours,
      // From the live state the site's own plan for that state: its seed as the bundled plans'.
      seed: document?.seed ?? 1,
      plan: document?.plan,
      shift: `preview ${id}`,
      metadata: { preview: id },
      disruptions: PREVIEW_SETTINGS.disruptions,
      radio: PREVIEW_SETTINGS.radio,
      movingSampleMs: PREVIEW_SETTINGS.movingSampleMs,
      stopAfterWorkMs: factory || fromLive ? undefined : PREVIEW_SETTINGS.stopAfterWorkMs,
      onProgress: (t, workDone) => {
        const byTime = (t - startTime) / (hours * 3600_000);
        const fraction = Math.min(0.99, factory || fromLive ? byTime : Math.max(byTime, workDone));
        if (fraction - reported < 0.01) return;
        reported = fraction;
        post({ type: 'progress', fraction, simulatedHours: (t - startTime) / 3600_000 });
      },
    });
    const file = new File([sink.blob()], `preview-${loaded.config.site.id}-${id}.mcap`, {
      type: 'application/x-mcap',
    });
    post({
      type: 'done',
      file,
      hours: ((stats.endTime ?? startTime) - startTime) / 3600_000,
      messages: stats.messages,
      seconds: (performance.now() - started) / 1000,
    });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
