// A load generator in its own process: publishes JSON state messages at a steady rate to a
// broker over TCP, round-robin over the given topics, each payload stamped with its publish
// time (`ts`, for publish-to-pixel latency) and a per-topic `seq`.
// node bench/lib/loadPublisher.mjs <brokerUrl> <messagesPerSecond> <seconds> <topicsFile>
// topicsFile: JSON [{ topic, style: 'gnss' | 'loc', x, z, lat?, lon? }]; prints {"sent": n}.
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';

const [url, rateArg, secondsArg, topicsFile] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const targets = JSON.parse(readFileSync(topicsFile, 'utf8'));
const seq = new Uint32Array(targets.length);

const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, clean: true });
const start = performance.now();
let sent = 0;
let next = 0;

function payload(i, now) {
  const t = targets[i];
  const wobble = ((now / 1000) % 10) - 5;
  const body =
    t.style === 'gnss'
      ? {
          ts: now,
          seq: seq[i]++,
          gnss: { lat: t.lat + wobble * 1e-6, lon: t.lon, hdg: 90, speed_kmh: 20 },
          data: { status: 'toYard' },
        }
      : {
          ts: now,
          seq: seq[i]++,
          loc: { x: t.x + wobble * 0.1, y: 0, z: t.z, hdg: 90 },
          data: { status: 'working' },
        };
  return JSON.stringify(body);
}

await new Promise((resolve) => {
  const tick = () => {
    const elapsed = (performance.now() - start) / 1000;
    const due = Math.min(Math.floor(elapsed * rate), Math.floor(seconds * rate));
    const now = Date.now();
    while (sent < due) {
      const i = next;
      next = (next + 1) % targets.length;
      client.publish(targets[i].topic, payload(i, now), { qos: 0 });
      sent++;
    }
    if (elapsed >= seconds) resolve(undefined);
    else setTimeout(tick, 5);
  };
  tick();
});
await client.endAsync();
console.log(JSON.stringify({ sent }));
