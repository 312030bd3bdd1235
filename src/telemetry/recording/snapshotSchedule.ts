import {
  DEFAULT_SNAPSHOT_BYTES_RATIO,
  DEFAULT_SNAPSHOT_EVERY_MS,
  DEFAULT_SNAPSHOT_MAX_EVERY_MS,
  DEFAULT_SNAPSHOT_MAX_MESSAGES,
} from './recordingFormat';

/**
 * When to write a snapshot. One is due once at least `everyMs` of log time has passed since the
 * last AND the messages since then weigh at least `bytesRatio` times the last snapshot — so a
 * site with many assets and little traffic does not fill its file with snapshots (the bundled
 * terminal's 1,500 containers make ~580 kB snapshots), while a busy site still gets one every
 * `everyMs`. After `maxEveryMs`, or after `maxMessages` messages (even within `everyMs`), one
 * is due whatever it weighs: that bounds how much a seek replays (a full-scale terminal sends
 * ~600 messages/s). A snapshot at S holds every message logged at or before S, so it is written once
 * time has moved past S, at the last message's time.
 */
export class SnapshotSchedule {
  private lastSnapshot = -Infinity;
  private lastBytes = 0;
  private bytesSince = 0;
  private messagesSince = 0;
  private lastLogTime = -Infinity;

  constructor(
    readonly everyMs = DEFAULT_SNAPSHOT_EVERY_MS,
    readonly bytesRatio = DEFAULT_SNAPSHOT_BYTES_RATIO,
    readonly maxEveryMs = DEFAULT_SNAPSHOT_MAX_EVERY_MS,
    readonly maxMessages = DEFAULT_SNAPSHOT_MAX_MESSAGES,
  ) {}

  /** Before the message at `t`: the time of the snapshot to write first, or null. */
  due(t: number): number | null {
    if (this.lastSnapshot === -Infinity) this.lastSnapshot = t;
    if (t <= this.lastLogTime) return null;
    const elapsed = this.lastLogTime - this.lastSnapshot;
    const heavy = this.bytesSince >= this.bytesRatio * this.lastBytes;
    const due =
      this.messagesSince >= this.maxMessages ||
      (elapsed >= this.everyMs && (heavy || elapsed >= this.maxEveryMs));
    return due ? this.lastLogTime : null;
  }

  wrote(t: number, bytes: number): void {
    this.lastSnapshot = t;
    this.lastBytes = bytes;
    this.bytesSince = 0;
    this.messagesSince = 0;
  }

  /** After the message at `t` of `bytes` payload bytes. */
  counted(t: number, bytes: number): void {
    this.lastLogTime = t;
    this.bytesSince += bytes;
    this.messagesSince++;
  }
}
