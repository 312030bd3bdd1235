// The least a page can do with live MQTT: mqtt.js on the main thread, subscribed to everything,
// counting messages. The ceiling the app's ingest is held against (`?broker=ws://…`).
import mqtt from 'mqtt';

const broker = new URL(window.location.href).searchParams.get('broker');
const state = { connected: false, messages: 0 };
window.bench = state;
const client = mqtt.connect(broker, { reconnectPeriod: 0 });
client.on('connect', () => {
  client.subscribe('#', () => {
    state.connected = true;
  });
});
client.on('message', () => {
  state.messages++;
});
