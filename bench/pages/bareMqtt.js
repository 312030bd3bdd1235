// The least a page can do with live MQTT: mqtt.js on the main thread, subscribed to everything,
// counting messages (and, for one in 64, how old it is). The ceiling the app's ingest is held against (`?broker=ws://…`).
import mqtt from 'mqtt';

const broker = new URL(window.location.href).searchParams.get('broker');
const state = {
  connected: false,
  messages: 0,
  latencies: [],
  /** Starts the latency sample afresh (after a warm-up, as the app's resetStats does). */
  resetLatencies() {
    state.latencies = [];
  },
};
const decoder = new TextDecoder();
/** One message in 64 is decoded for its `ts`: the latency baseline, at almost no cost. */
const SAMPLE_EVERY = 64;
window.bench = state;
const client = mqtt.connect(broker, { reconnectPeriod: 0 });
client.on('connect', () => {
  client.subscribe('#', () => {
    state.connected = true;
  });
});
client.on('message', (topic, payload) => {
  state.messages++;
  if (state.messages % SAMPLE_EVERY !== 0 || state.latencies.length >= 4096) return;
  const ts = JSON.parse(decoder.decode(payload)).ts;
  if (typeof ts === 'number') state.latencies.push(Date.now() - ts);
});
