// The incident pass, off the page: opens the recording being replayed a second time (a small
// cache: it reads straight through) and plays it through the site's rules as fast as it can,
// posting the alarms found so far as it goes, so timeline markers appear while it runs.
import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
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
  | { type: 'progress'; fraction: number; alarms: Alarm[] }
  | { type: 'done'; alarms: Alarm[]; seconds: number }
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
    let sent = 0;
    const alarms = await findIncidents(replay, config, {
      progressEveryMs: 500,
      onProgress: (fraction, found) => {
        // Only what changed is worth a structured clone: new alarms, or clears of earlier ones.
        if (fraction < 1 && found.length === sent) return;
        sent = found.length;
        post({ type: 'progress', fraction, alarms: [...found] });
      },
    });
    replay.close();
    post({ type: 'done', alarms, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
