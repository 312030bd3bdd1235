import { useEffect } from 'react';
import { addEffect } from '@react-three/fiber';
import type { TwinConfig } from '../config/schema';
import { fieldKinds } from '../telemetry/binding/fieldKinds';
import { createLiveSource } from '../telemetry/live/liveSource';
import type { BrokerCredentials } from './brokerCredentials';
import type { TwinStore } from '../twin/createTwinStore';
import type { LiveStatusStore } from '../twin/liveStatus';
import { createTelemetryApplier } from '../twin/telemetryApplier';
import { gatewayHealth, type LinkHealth } from '../twin/linkHealth';
import type { IngestStats } from '../twin/liveStatus';
import type { FieldValue } from '../config/schema';
import type { FrameProbe } from './frameProbe';
import { liveSettings } from './liveSettings';

const STATUS_EVERY_MS = 500;

/** Fields that drive articulated parts glide between samples; the rest change at once. */
const glidingFields = (config: TwinConfig) => (asset: { type: string }) =>
  Object.values(config.assetTypes[asset.type]?.parts ?? {}).map((part) => part.field);

/** Each gateway's health and the figures its own asset shows, from the ingest counters. */
function linkHealthOf(twin: TwinStore, stats: IngestStats, connected: boolean) {
  const byId = twin.getState().byId;
  const out = new Map<string, { health: LinkHealth; fields: Record<string, FieldValue> }>();
  for (const g of stats.gateways) {
    const fields = byId.get(g.id)?.fields;
    const number = (name: string) =>
      typeof fields?.[name] === 'number' ? (fields[name] as number) : undefined;
    const online = connected && g.online;
    out.set(g.id, {
      health: gatewayHealth({ ...g, online, rsrpDbm: number('rsrpDbm'), sinrDb: number('sinrDb') }),
      fields: {
        linkState: online ? 'online' : 'offline',
        delayMs: g.delayMsP50 ?? 0,
        lossRate: g.lossRate,
      },
    });
  }
  return out;
}

/**
 * Connects the shown site to its broker (when live) and applies one batch per frame before the
 * scene draws it. Connection figures reach panels at human speed through `liveStatus`.
 */
export function useLiveTelemetry(
  twin: TwinStore,
  liveStatus: LiveStatusStore,
  config: TwinConfig | null,
  credentials: BrokerCredentials,
  brokerOverride: string | null,
  probe: FrameProbe,
) {
  useEffect(() => {
    if (!config) return;
    let settings;
    try {
      const search = new URLSearchParams(window.location.search);
      if (brokerOverride) search.set('broker', brokerOverride);
      settings = liveSettings(`?${search}`, config, window.location.href);
    } catch (err) {
      liveStatus.setState({
        mode: 'static',
        brokerUrl: null,
        connection: null,
        stats: null,
        recording: null,
        recorder: null,
      });
      console.warn((err as Error).message);
      return;
    }
    liveStatus.setState({
      ...settings,
      connection: null,
      stats: null,
      recording: null,
      recorder: null,
    });
    if (settings.mode !== 'live' || !settings.brokerUrl) return;

    const source = createLiveSource({
      broker: {
        url: settings.brokerUrl,
        username: credentials.username,
        password: credentials.password,
        protocolVersion: credentials.protocolVersion,
      },
      bindings: config.bindings,
      geoOrigin: config.site.geoOrigin,
      fieldKinds: fieldKinds(config),
    });
    liveStatus.setState({
      recorder: {
        start: () => {
          source.startRecording(config, `${config.site.id} live ${new Date().toISOString()}`);
          liveStatus.setState({ recording: source.recording() });
        },
        stop: async () => {
          const done = source.stopRecording();
          liveStatus.setState({ recording: null });
          return done;
        },
      },
    });
    const applier = createTelemetryApplier(twin, glidingFields(config));
    let statusAt = 0;
    const remove = addEffect(() => {
      const now = performance.now();
      const connection = source.connection();
      applier.setConnected(connection.phase === 'connected');
      const batch = source.take();
      let changed = false;
      if (batch) {
        changed = applier.apply(batch, now);
        for (const sample of batch.samples) probe.applied(sample.sourceTime, sample.receiveTime);
      }
      changed = applier.step(now) || changed;
      if (changed) twin.markChanged();
      if (now - statusAt >= STATUS_EVERY_MS) {
        statusAt = now;
        const stats = source.stats();
        liveStatus.setState({ connection, stats, recording: source.recording() });
        if (
          stats &&
          applier.updateLinks(linkHealthOf(twin, stats, connection.phase === 'connected'))
        )
          twin.markChanged();
      }
    });
    return () => {
      remove();
      source.close();
      liveStatus.setState({ recorder: null, recording: null });
    };
  }, [twin, liveStatus, config, credentials, brokerOverride, probe]);
}
