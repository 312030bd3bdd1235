import type { AssetEvent, AssetSample } from '../telemetry/samples';
import type { TelemetryBatch } from '../telemetry/ingest/createIngest';
import type { AssetState } from './assetState';
import type { FieldValue } from '../config/schema';
import type { TwinStore } from './createTwinStore';
import type { LinkHealth } from './linkHealth';

/** Jumps longer than this are teleports (a box placed, a vehicle re-localised): no gliding. */
const SNAP_DISTANCE_M = 60;
/** How long the last velocity is carried on after the newest sample before the asset holds. */
const EXTRAPOLATE_MS = 1000;
const MIN_GLIDE_MS = 50;
const MAX_GLIDE_MS = 1000;
const STALE_CHECK_MS = 250;
const RECENT_EVENTS = 500;

/** Where an asset glides from and to between two samples. */
interface Track {
  asset: AssetState;
  gateway: string | undefined;
  /** When the newest sample was applied (the `now` of apply), for the glide interval. */
  lastApply: number;
  /** When the newest sample arrived, for staleness (see ApplierOptions). */
  lastReceive: number;
  staleAfterMs: number;
  /** Glide start (ms, this clock) and duration. */
  t0: number;
  duration: number;
  from: Float64Array;
  to: Float64Array;
  /** Per millisecond, for the short extrapolation after `to`. */
  velocity: Float64Array;
  /** Scratch: the target before the newest sample (no allocation per message). */
  previous: Float64Array;
  /** Articulated numeric fields glide too: a trolley runs, it does not jump. */
  fieldNames: string[];
  moving: boolean;
}

export interface ApplierOptions {
  /**
   * Judge staleness by the samples' receive times rather than by when they were applied: a
   * replay passes its clock (ms epoch) as `now`, and a snapshot's sample may be long past.
   */
  staleBySampleTime?: boolean;
}

/** x, y, z, heading, then the gliding fields. */
const POSE = 4;

/**
 * Applies telemetry to the twin in place: state fields at once, positions, headings and
 * articulated fields gliding from where they are drawn to each new sample over one sample
 * interval (so motion is continuous whatever the jitter), then carried on briefly, then held.
 * Marks assets stale when their data stops or the connection drops.
 */
export function createTelemetryApplier(
  twin: TwinStore,
  glidingFields: (asset: AssetState) => readonly string[],
  options: ApplierOptions = {},
) {
  const { staleBySampleTime = false } = options;
  const tracks = new Map<string, Track>();
  const moving = new Set<Track>();
  const recentEvents: AssetEvent[] = [];
  let connected = true;
  let staleCheckedAt = 0;

  const trackOf = (asset: AssetState, now: number): Track => {
    let track = tracks.get(asset.id);
    if (!track) {
      const fieldNames = [...glidingFields(asset)];
      const n = POSE + fieldNames.length;
      track = {
        asset,
        gateway: undefined,
        lastApply: now,
        lastReceive: now,
        staleAfterMs: 30_000,
        t0: now,
        duration: MIN_GLIDE_MS,
        from: new Float64Array(n),
        to: new Float64Array(n),
        velocity: new Float64Array(n),
        previous: new Float64Array(n),
        fieldNames,
        moving: false,
      };
      readPose(track, track.to);
      tracks.set(asset.id, track);
    }
    return track;
  };

  const applySample = (sample: AssetSample, now: number, snap: boolean) => {
    const asset = twin.getState().byId.get(sample.assetId);
    if (!asset) return;
    const track = trackOf(asset, now);
    const interval = now - track.lastApply;
    track.lastApply = now;
    track.lastReceive = staleBySampleTime ? sample.receiveTime : now;
    track.gateway = sample.gateway ?? track.gateway;
    asset.gateway = track.gateway;
    track.staleAfterMs = sample.staleAfterMs;
    asset.lastUpdate = sample.sourceTime;
    asset.stale = false;
    asset.version++;
    twin.markTypeChanged(asset.type);

    let glides = false;
    const target = track.to;
    const previous = track.previous;
    previous.set(target);
    if (sample.position) {
      target[0] = sample.position[0];
      target[1] = sample.position[1];
      target[2] = sample.position[2];
      glides = true;
    }
    if (sample.headingDeg !== undefined) {
      // Unwrapped: 350° → 10° is a 20° turn, not 340° back the long way.
      target[3] = previous[3]! + shortestTurn(previous[3]!, sample.headingDeg);
      glides = true;
    }
    for (const [name, value] of Object.entries(sample.fields)) {
      const k = track.fieldNames.indexOf(name);
      if (k >= 0 && typeof value === 'number') {
        target[POSE + k] = value;
        glides = true;
      } else {
        asset.fields[name] = value;
      }
    }
    if (!glides) return;
    readPose(track, track.from);
    const duration = Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, interval));
    const jump = Math.hypot(target[0]! - track.from[0]!, target[2]! - track.from[2]!);
    for (let i = 0; i < target.length; i++) {
      track.velocity[i] = (target[i]! - previous[i]!) / duration;
    }
    if (snap || jump > SNAP_DISTANCE_M) {
      track.from.set(target);
      track.velocity.fill(0);
    }
    track.t0 = now;
    track.duration = duration;
    if (!track.moving) {
      track.moving = true;
      moving.add(track);
    }
  };

  return {
    /**
     * Applies one frame's batch; true when anything the scene draws changed. `snap` puts assets
     * where their samples say at once (a seek shows the state at the new time, not a glide to it).
     */
    apply(batch: TelemetryBatch, now: number, snap = false): boolean {
      for (const sample of batch.samples) applySample(sample, now, snap);
      for (const event of batch.events) {
        recentEvents.push(event);
        if (recentEvents.length > RECENT_EVENTS) recentEvents.shift();
      }
      for (const id of batch.offline) {
        for (const track of tracks.values()) {
          if (track.asset.id === id || track.gateway === id) {
            track.asset.stale = true;
            track.asset.version++;
            twin.markTypeChanged(track.asset.type);
          }
        }
      }
      return batch.samples.length > 0 || batch.offline.length > 0;
    },

    /** Moves gliding assets to where they are at `now`; true when anything moved or went stale. */
    step(now: number): boolean {
      let changed = false;
      for (const track of moving) {
        twin.markTypeChanged(track.asset.type);
        const u = (now - track.t0) / track.duration;
        if (u < 1) {
          writePose(track, u, 0);
        } else {
          const over = Math.min(now - track.t0 - track.duration, EXTRAPOLATE_MS);
          writePose(track, 1, over);
          if (over >= EXTRAPOLATE_MS) {
            // Hold here; the next sample glides on from where the asset stopped.
            track.moving = false;
            moving.delete(track);
            readPose(track, track.to);
          }
        }
        changed = true;
      }
      if (now - staleCheckedAt >= STALE_CHECK_MS) {
        staleCheckedAt = now;
        for (const track of tracks.values()) {
          const stale = !connected || now - track.lastReceive > track.staleAfterMs;
          if (stale !== track.asset.stale) {
            track.asset.stale = stale;
            track.asset.version++;
            twin.markTypeChanged(track.asset.type);
            changed = true;
          }
        }
      }
      return changed;
    },

    /** Forgets every track and event: the twin was reset to its initial state (a seek). */
    reset(): void {
      tracks.clear();
      moving.clear();
      recentEvents.length = 0;
      staleCheckedAt = 0;
    },

    /** The connection dropped or came back: without it every live asset is stale at once. */
    setConnected(isConnected: boolean): void {
      connected = isConnected;
      staleCheckedAt = 0;
    },

    /**
     * Grades every live asset's link by its gateway, and writes the gateway's measured delay,
     * loss and state into the gateway's own asset; true when anything changed.
     */
    updateLinks(
      health: ReadonlyMap<string, { health: LinkHealth; fields: Record<string, FieldValue> }>,
    ): boolean {
      let changed = false;
      const byId = twin.getState().byId;
      for (const [id, { fields }] of health) {
        const gatewayAsset = byId.get(id);
        if (!gatewayAsset) continue;
        Object.assign(gatewayAsset.fields, fields);
        gatewayAsset.version++;
        twin.markTypeChanged(gatewayAsset.type);
        changed = true;
      }
      for (const track of tracks.values()) {
        const next = track.gateway === undefined ? undefined : health.get(track.gateway)?.health;
        if (next !== track.asset.linkHealth) {
          track.asset.linkHealth = next;
          track.asset.version++;
          twin.markTypeChanged(track.asset.type);
          changed = true;
        }
      }
      return changed;
    },

    recentEvents(): readonly AssetEvent[] {
      return recentEvents;
    },

    /** Assets that have had telemetry. */
    liveAssetCount(): number {
      return tracks.size;
    },
  };
}

export type TelemetryApplier = ReturnType<typeof createTelemetryApplier>;

function readPose(track: Track, out: Float64Array) {
  const a = track.asset;
  out[0] = a.position[0];
  out[1] = a.position[1];
  out[2] = a.position[2];
  out[3] = a.headingDeg;
  track.fieldNames.forEach((name, k) => {
    const v = a.fields[name];
    out[POSE + k] = typeof v === 'number' ? v : 0;
  });
}

/** Glide fraction `u` from `from` to `to`, then `overMs` of the last velocity beyond it. */
function writePose(track: Track, u: number, overMs: number) {
  const { from, to, velocity } = track;
  const at = (i: number) => from[i]! + (to[i]! - from[i]!) * u + velocity[i]! * overMs;
  const a = track.asset;
  a.version++;
  a.position[0] = at(0);
  a.position[1] = at(1);
  a.position[2] = at(2);
  a.headingDeg = at(3);
  for (let k = 0; k < track.fieldNames.length; k++) {
    a.fields[track.fieldNames[k]!] = at(POSE + k);
  }
}

/** Signed degrees from a to b the short way round (−180…180]. */
export function shortestTurn(a: number, b: number): number {
  const d = ((((b - a) % 360) + 540) % 360) - 180;
  return d === -180 ? 180 : d;
}
