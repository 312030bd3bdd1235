/** Where a live connection is; shown in the connection panel and `twindeck.connection()`. */
export type ConnectionPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConnectionState {
  phase: ConnectionPhase;
  url: string;
  /** When the phase began (ms epoch). */
  since: number;
  /** Successful connects so far; every one after the first is a reconnect. */
  connects: number;
  /** Connection attempts since the last successful connect. */
  attempts: number;
  /** SUBSCRIBE packets sent in this session (exactly one per topic filter per connect). */
  subscribes: number;
  /** Clients thrown away by the watchdog because they stopped making progress. */
  watchdogRestarts: number;
  lastError: string | null;
}

export const idleConnection = (url: string): ConnectionState => ({
  phase: 'idle',
  url,
  since: 0,
  connects: 0,
  attempts: 0,
  subscribes: 0,
  watchdogRestarts: 0,
  lastError: null,
});
