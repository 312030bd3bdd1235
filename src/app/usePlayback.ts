import { useEffect } from 'react';
import { addAfterEffect, addEffect } from '@react-three/fiber';
import type { TwinConfig } from '../config/schema';
import { resolveSameOrigin } from '../lib/sameOrigin';
import { createPlayer } from '../playback/createPlayer';
import type { PlaybackSessionStore } from '../playback/playbackSession';
import { openReplayWorker } from '../telemetry/replay/openReplayWorker';
import type { RecordingLocation } from '../telemetry/replay/replayProtocol';
import type { TwinStore } from '../twin/createTwinStore';
import { createTelemetryApplier } from '../twin/telemetryApplier';
import type { ReplayParams } from './replayParams';

/** Where a site's bundled shift lives (written by `npm run recordings`). */
export const bundledRecordingUrl = (siteId: string) => `recordings/${siteId}-shift.mcap`;

/** A recording the user dropped or picked, to play on the shown site. */
export interface LocalRecording {
  file: File;
}

/** Which recording to open for the shown site, or null when the page is not replaying. */
export function recordingLocation(
  config: TwinConfig,
  params: ReplayParams | null,
  local: LocalRecording | null,
  pageUrl: string,
): RecordingLocation | null {
  if (local) return { kind: 'file', file: local.file, name: local.file.name };
  if (!params) return null;
  const url = params.recording ?? bundledRecordingUrl(config.site.id);
  return { kind: 'url', url: resolveSameOrigin(url, pageUrl, new URL(pageUrl).origin).href };
}

const nameOf = (location: RecordingLocation) =>
  location.kind === 'file' ? location.name : decodeURIComponent(location.url.split('/').pop()!);

/**
 * Replays a recording on the shown site: opens it in the replay worker, builds the player, and
 * runs it once per animation frame before the scene draws. Human-speed state goes to `sessions`.
 */
export function usePlayback(
  twin: TwinStore,
  sessions: PlaybackSessionStore,
  config: TwinConfig | null,
  location: RecordingLocation | null,
  params: ReplayParams | null,
) {
  useEffect(() => {
    if (!config || !location) {
      sessions.setState({ session: { phase: 'off' } });
      return;
    }
    const name = nameOf(location);
    let closed = false;
    let cleanup = () => {};
    sessions.setState({
      session: { phase: 'opening', name, stage: 'reading', fraction: null },
    });
    openReplayWorker({
      location,
      config,
      onProgress: (stage, fraction) => {
        if (!closed) sessions.setState({ session: { phase: 'opening', name, stage, fraction } });
      },
    }).then(
      (source) => {
        if (closed) {
          source.close();
          return;
        }
        const glides = (asset: { type: string }) =>
          Object.values(config.assetTypes[asset.type]?.parts ?? {}).map((part) => part.field);
        const applier = createTelemetryApplier(twin, glides, { staleBySampleTime: true });
        const player = createPlayer({ source, twin, applier });
        if (params?.speed) player.setSpeed(params.speed);
        if (params?.loop) player.setLoop(params.loop);
        void player.seek(params?.t ?? source.info.start);
        const removeFrame = addEffect((frameAt) => {
          if (player.frame(frameAt)) twin.markChanged();
        });
        const removeDrawn = addAfterEffect(() => player.frameDrawn());
        sessions.setState({ session: { phase: 'ready', name, player } });
        cleanup = () => {
          removeFrame();
          removeDrawn();
          player.close();
        };
      },
      (err: Error) => {
        if (!closed)
          sessions.setState({ session: { phase: 'failed', name, message: err.message } });
      },
    );
    return () => {
      closed = true;
      cleanup();
      sessions.setState({ session: { phase: 'off' } });
    };
    // params are read once per opened recording: later URL edits by the page must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [twin, sessions, config, location]);
}
