// The incident pass, off the page: opens the recording being replayed a second time (a small
// cache: it reads straight through) and plays it through the site's rules as fast as it can,
// posting the alarms found so far as it goes, so timeline markers appear while it runs.
import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
import type { KpiSeries } from '../diagnostics/kpis/kpiSeries';
import { openRecording } from '../telemetry/recording/openRecording';
import { blobReadable, httpReadable } from '../telemetry/recording/recordingReadables';
import type { RecordingLocation } from '../telemetry/replay/replayProtocol';
import { findIncidents } from './incidentPass';

/** The page's one request: which recording, bound with which config. */
export interface IncidentRequest {
  location: RecordingLocation;
  config: TwinConfig;
}

export type IncidentMessage =
  | { type: 'progress'; fraction: number; alarms: Alarm[]; kpis: KpiSeries }
  | { type: 'done'; alarms: Alarm[]; kpis: KpiSeries; seconds: number }
  | { type: 'error'; message: string };

const PASS_CACHE_BYTES = 32 * 1024 * 1024;
const post = (message: IncidentMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<IncidentRequest>) => {
  const { location, config } = event.data;
  const started = performance.now();
  try {
    const readable =
      location.kind === 'url' ? await httpReadable(location.url) : blobReadable(location.file);
    const replay = await openRecording(readable, { config, cacheBytes: PASS_CACHE_BYTES });
    const { alarms, kpis } = await findIncidents(replay, config, {
      progressEveryMs: 1000,
      onProgress: (fraction, found, series) =>
        post({ type: 'progress', fraction, alarms: [...found], kpis: series }),
    });
    replay.close();
    post({ type: 'done', alarms, kpis, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
