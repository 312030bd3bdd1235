/** TwinDeck recordings (docs/recordings.md): write MCAP from MQTT messages, open it for replay. */
export {
  createRecordingWriter,
  type MessageDelivery,
  type RecordingWriter,
  type RecordingWriterOptions,
  type RecordingWriterStats,
} from './createRecordingWriter';
export type { RecordingProblem } from './mcapTypes';
export { indexRecording, openRecording } from './openRecording';
export * from './recordingFormat';
export {
  blobReadable,
  bytesReadable,
  fileHandleReadable,
  httpReadable,
  RecordingOpenError,
  type FileHandleLike,
  type HttpReadableOptions,
  type RecordingReadable,
} from './recordingReadables';
export { createBlobSink, type BlobSink, type RecordingSink } from './recordingSinks';
export type * from './replayTypes';
export {
  decodeSnapshot,
  encodeSnapshot,
  SNAPSHOT_JSON_SCHEMA,
  type RecordingSnapshot,
} from './snapshot';
