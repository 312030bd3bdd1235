/** A camera pose in site metres. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

/** What a shared replay link carries besides the site (`?site=` / `?config=`). */
export interface ReplayParams {
  /** `recording=<url>`; null plays the site's bundled shift. */
  recording: string | null;
  /** `t=` ISO 8601 time or ms since the epoch. */
  t: number | null;
  speed: number | null;
  /** `loop=<from>/<to>`, each like `t`. */
  loop: { from: number; to: number } | null;
  /** `cam=x,y,z,tx,ty,tz`: camera position and target. */
  camera: CameraPose | null;
  /** `sel=<asset id>`. */
  selected: string | null;
}

const PARAMS = ['mode', 'recording', 't', 'speed', 'loop', 'cam', 'sel'] as const;

/** A time from the URL: ISO 8601 (`2025-01-06T08:30:00Z`) or ms since the epoch; else null. */
export function parseTime(text: string | null): number | null {
  if (text === null || text === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

const formatTime = (ms: number) => new Date(Math.round(ms)).toISOString();

/** Replay parameters of a query string, or null unless it asks for `mode=replay`. */
export function replayParamsFromSearch(search: string): ReplayParams | null {
  const params = new URLSearchParams(search);
  if (params.get('mode') !== 'replay') return null;
  const speed = Number(params.get('speed'));
  const [from, to] = (params.get('loop') ?? '').split('/').map((s) => parseTime(s || null));
  const cam = (params.get('cam') ?? '').split(',').map(Number);
  return {
    recording: params.get('recording') || null,
    t: parseTime(params.get('t')),
    speed: params.has('speed') && Number.isFinite(speed) && speed > 0 ? speed : null,
    loop: from != null && to != null && to > from ? { from, to } : null,
    camera:
      cam.length === 6 && cam.every(Number.isFinite)
        ? {
            position: [cam[0]!, cam[1]!, cam[2]!],
            target: [cam[3]!, cam[4]!, cam[5]!],
          }
        : null,
    selected: params.get('sel') || null,
  };
}

const metres = (v: number) => String(Math.round(v * 10) / 10);

/**
 * The query string of a shareable moment: the current one (site, language, …) with the replay
 * parameters replaced. Absent values are left out rather than written empty.
 */
export function replaySearch(current: string, state: ReplayParams): string {
  const params = new URLSearchParams(current);
  for (const name of PARAMS) params.delete(name);
  params.set('mode', 'replay');
  if (state.recording) params.set('recording', state.recording);
  if (state.t !== null) params.set('t', formatTime(state.t));
  if (state.speed !== null && state.speed !== 1) params.set('speed', String(state.speed));
  if (state.loop) params.set('loop', `${formatTime(state.loop.from)}/${formatTime(state.loop.to)}`);
  if (state.camera)
    params.set('cam', [...state.camera.position, ...state.camera.target].map(metres).join(','));
  if (state.selected) params.set('sel', state.selected);
  return `?${params.toString()}`;
}
