import type { AssetSample } from '../samples';

/**
 * Folds a newer sample of the same asset into an older one, in place: fields it carries replace
 * theirs, the rest stay; position and heading only when it has them. The rule a batch uses to
 * keep one sample per asset, and a replay to keep the full state.
 */
export function mergeSample(into: AssetSample, from: AssetSample): void {
  Object.assign(into.fields, from.fields);
  if (from.position) into.position = from.position;
  if (from.headingDeg !== undefined) into.headingDeg = from.headingDeg;
  into.sourceTime = from.sourceTime;
  into.receiveTime = from.receiveTime;
  if (from.gateway !== undefined) into.gateway = from.gateway;
}
