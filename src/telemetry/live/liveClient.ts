import type { IClientOptions, MqttClient } from 'mqtt';
import { backoffDelay } from './backoff';
import { idleConnection, type ConnectionState } from './connectionState';

export interface LiveClientOptions {
  url: string;
  username?: string;
  password?: string;
  clientId?: string;
  protocolVersion?: 4 | 5;
  /** Topic filters to subscribe to on every connect. */
  filters: string[];
  onMessage(topic: string, payload: Uint8Array, receiveTime: number): void;
  onState(state: ConnectionState): void;
  /** mqtt.js's `connect`, passed in so the same client runs in the worker and in Node tests. */
  connect: (url: string, options: IClientOptions) => MqttClient;
  /** A connection attempt that makes no progress for this long is abandoned. */
  watchdogMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => number;
}

/**
 * A read-only MQTT client that stays up: mqtt.js's own reconnect is off so that reconnects back
 * off with jitter, topics are subscribed exactly once per connect (no resubscribe on top), and a
 * watchdog replaces a client stuck between states. It never publishes.
 */
export function createLiveClient(options: LiveClientOptions) {
  const {
    url,
    filters,
    onMessage,
    onState,
    connect,
    watchdogMs = 20_000,
    initialBackoffMs = 500,
    maxBackoffMs = 15_000,
    random = Math.random,
    now = Date.now,
  } = options;
  const state: ConnectionState = idleConnection(url);
  let client: MqttClient | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const emit = (patch: Partial<ConnectionState>) => {
    const phaseChanged = patch.phase !== undefined && patch.phase !== state.phase;
    Object.assign(state, patch);
    if (phaseChanged) state.since = now();
    onState({ ...state });
  };

  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      if (closed || state.phase === 'connected') return;
      // No CONNACK and no close for this long: the socket is wedged. Start over with a new client.
      state.watchdogRestarts++;
      client?.end(true);
      client = null;
      scheduleRetry('no progress for ' + watchdogMs + ' ms');
    }, watchdogMs);
  };

  const scheduleRetry = (reason: string | null) => {
    if (closed) return;
    clearTimeout(retry);
    state.attempts++;
    emit({ phase: 'reconnecting', lastError: reason ?? state.lastError });
    retry = setTimeout(start, backoffDelay(state.attempts, random, initialBackoffMs, maxBackoffMs));
  };

  const start = () => {
    if (closed) return;
    client?.end(true);
    emit({ phase: state.connects === 0 && state.attempts === 0 ? 'connecting' : 'reconnecting' });
    armWatchdog();
    const c = connect(url, {
      reconnectPeriod: 0,
      resubscribe: false,
      clean: true,
      connectTimeout: Math.min(10_000, watchdogMs),
      keepalive: 20,
      protocolVersion: options.protocolVersion ?? 4,
      clientId: options.clientId,
      username: options.username,
      password: options.password,
    });
    client = c;
    c.on('connect', () => {
      if (client !== c) return;
      clearTimeout(watchdog);
      state.connects++;
      state.attempts = 0;
      emit({ phase: 'connected', lastError: null });
      for (const filter of filters) {
        state.subscribes++;
        c.subscribe(filter, { qos: 0 }, (err) => {
          if (err && client === c) emit({ lastError: `subscribe ${filter}: ${err.message}` });
        });
      }
      emit({});
    });
    c.on('message', (topic, payload) => {
      if (client === c) onMessage(topic, payload, now());
    });
    c.on('error', (err) => {
      if (client === c) emit({ lastError: err.message });
    });
    c.on('close', () => {
      if (client !== c) return;
      client = null;
      c.removeAllListeners('message');
      scheduleRetry(null);
    });
  };

  return {
    start,
    state: () => ({ ...state }),
    close() {
      closed = true;
      clearTimeout(retry);
      clearTimeout(watchdog);
      client?.end(true);
      client = null;
      emit({ phase: 'closed' });
    },
  };
}

export type LiveClient = ReturnType<typeof createLiveClient>;
