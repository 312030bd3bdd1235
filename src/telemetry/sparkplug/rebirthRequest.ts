import { encodeTahuPayload } from './sparkplugPayload';
import { SPARKPLUG_NAMESPACE } from './sparkplugTopic';

/**
 * The NCMD asking an edge node to rebirth, for a host allowed to publish (the twin is read-only
 * by default and only reports `rebirthSuggested`).
 */
export function encodeRebirthRequest(
  group: string,
  edgeNode: string,
  t: number,
): { topic: string; payload: Uint8Array } {
  const payload = encodeTahuPayload({
    timestamp: t,
    metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true, timestamp: t }],
  });
  return { topic: `${SPARKPLUG_NAMESPACE}/${group}/NCMD/${edgeNode}`, payload };
}
