/** The Sparkplug B host side of telemetry: decode, follow edge-node sessions, report. */
export { createSparkplugHost } from './createSparkplugHost';
export {
  decodeSparkplug,
  decodeSparkplugPayload,
  type SparkplugDecodeError,
  type SparkplugDecodeResult,
  type SparkplugMessage,
  type SparkplugMetric,
} from './decodeSparkplug';
export type * from './hostTypes';
export type { MetricValue, SparkplugDatatype } from './metricValue';
export { encodeRebirthRequest } from './rebirthRequest';
export {
  parseSparkplugTopic,
  type SparkplugMessageType,
  type SparkplugTopic,
} from './sparkplugTopic';
