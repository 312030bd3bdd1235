/**
 * Wall-clock text in the site's time zone. The `Intl.DateTimeFormat`s are built once per zone
 * and reused: the playhead's time text is formatted from here every second of playback.
 */
export interface SiteClock {
  /** The IANA zone in use (`UTC` when the requested one is unknown). */
  readonly timeZone: string;
  /** `HH:mm:ss`, 24-hour. */
  time(t: number): string;
  /** `HH:mm`, 24-hour. */
  minutes(t: number): string;
  /** `yyyy-MM-dd`. */
  date(t: number): string;
  /** `MM-dd`, for axis labels at day boundaries. */
  monthDay(t: number): string;
  /** The zone's offset from UTC at `t`, ms (positive east of Greenwich). */
  offset(t: number): number;
  /** `UTC+8`, `UTC−3:30`, `UTC`. */
  offsetName(t: number): string;
}

const cache = new Map<string, SiteClock>();

/** Whether the engine knows `timeZone` as an IANA zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The clock for `timeZone`, shared by every caller; unknown zones fall back to UTC. */
export function siteClock(timeZone: string): SiteClock {
  let clock = cache.get(timeZone);
  if (!clock) {
    clock = createSiteClock(timeZone);
    cache.set(timeZone, clock);
  }
  return clock;
}

/** Builds a formatter on its first use: the first zoned `DateTimeFormat` of a page loads ICU's zone data. */
function lazyFormat(
  zone: () => string,
  options: Intl.DateTimeFormatOptions,
  locale: string,
): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | null = null;
  return () => (format ??= new Intl.DateTimeFormat(locale, { ...options, timeZone: zone() }));
}

/**
 * The clock's formatters are made when first used, not when the clock is: a page builds its site
 * clock while it opens, and a live site may never show a time (about 100 ms of its first frame).
 */
function createSiteClock(requested: string): SiteClock {
  let resolved: string | null = null;
  const zone = () => (resolved ??= isKnownTimeZone(requested) ? requested : 'UTC');
  // en-GB with h23: zero-padded HH:mm:ss whatever the UI language, midnight as 00 (not 24).
  const hms = lazyFormat(
    zone,
    { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
    'en-GB',
  );
  const hm = lazyFormat(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB');
  const fields = lazyFormat(
    zone,
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    },
    'en-US',
  );
  const partsOf = (t: number) => {
    const out = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    for (const part of fields().formatToParts(t)) {
      if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
    }
    return out;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = (t: number) => {
    const p = partsOf(t);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return wall - Math.floor(t / 1000) * 1000;
  };
  return {
    get timeZone() {
      return zone();
    },
    time: (t) => hms().format(t),
    minutes: (t) => hm().format(t),
    date(t) {
      const p = partsOf(t);
      return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    },
    monthDay(t) {
      const p = partsOf(t);
      return `${pad(p.month)}-${pad(p.day)}`;
    },
    offset,
    offsetName(t) {
      const minutes = Math.round(offset(t) / 60_000);
      if (minutes === 0) return 'UTC';
      const abs = Math.abs(minutes);
      const mm = abs % 60;
      return `UTC${minutes < 0 ? '−' : '+'}${Math.floor(abs / 60)}${mm ? `:${pad(mm)}` : ''}`;
    },
  };
}

/** Converts a wall-clock time in the zone (as if it were UTC ms) to the instant, ms epoch. */
export function wallToInstant(wall: number, clock: SiteClock): number {
  // Two passes: the first guess's offset may sit on the other side of a DST change.
  const guess = wall - clock.offset(wall);
  return wall - clock.offset(guess);
}

/** `1:02:03` (with hours) or `02:03`; negative durations show as zero. */
export function formatDuration(ms: number, withHours: boolean): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const ss = s < 10 ? `0${s}` : `${s}`;
  if (!withHours) {
    const mm = h * 60 + m;
    return `${mm < 10 ? '0' : ''}${mm}:${ss}`;
  }
  return `${h}:${m < 10 ? '0' : ''}${m}:${ss}`;
}
