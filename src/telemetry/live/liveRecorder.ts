import type { TwinConfig } from '../../config/schema';
import type { RecordingWriter } from '../recording/createRecordingWriter';
import type { BlobSink } from '../recording/recordingSinks';

/** How a recording in progress is doing, for the record button. */
export interface RecordingStatus {
  /** When recording started, ms epoch. */
  since: number;
  /** How long it has been recording, as of this status. */
  elapsedMs: number;
  messages: number;
  /** Bytes written so far (compressed, before the summary). */
  bytes: number;
  /** Why it stopped early, if it did. */
  error: string | null;
}

/**
 * Records the live messages the worker receives, exactly as received, into an MCAP file held as
 * Blobs (the browser may keep them on disk, so memory stays bounded over a long shift). The
 * writer is loaded only when recording starts: most live sessions never record.
 */
export function createLiveRecorder() {
  let writer: RecordingWriter | null = null;
  let sink: BlobSink | null = null;
  let status: RecordingStatus | null = null;
  /** Messages that arrived while the writer module was still loading. */
  let early: Array<[string, Uint8Array, number]> | null = null;

  const fail = (err: unknown) => {
    if (status) status.error = err instanceof Error ? err.message : String(err);
    writer = null;
  };

  return {
    async start(config: TwinConfig, configText: string, shift: string) {
      if (status) return;
      status = { since: Date.now(), elapsedMs: 0, messages: 0, bytes: 0, error: null };
      early = [];
      try {
        const [{ createRecordingWriter }, { createBlobSink }] = await Promise.all([
          import('../recording/createRecordingWriter'),
          import('../recording/recordingSinks'),
        ]);
        sink = createBlobSink();
        writer = createRecordingWriter({
          sink,
          config,
          configText,
          shift,
          siteId: config.site.id,
          library: 'twindeck live recorder',
        });
        for (const [topic, payload, at] of early)
          void writer.message(topic, payload, at).catch(fail);
      } catch (err) {
        fail(err);
      }
      early = null;
    },
    message(topic: string, payload: Uint8Array, receiveTime: number) {
      if (!status || status.error) return;
      status.messages++;
      if (early) early.push([topic, payload, receiveTime]);
      else writer?.message(topic, payload, receiveTime).catch(fail);
    },
    status(): RecordingStatus | null {
      if (status && writer) status.bytes = writer.stats().bytesWritten;
      if (status) status.elapsedMs = Date.now() - status.since;
      return status && { ...status };
    },
    /** Ends the file (summary and index) and hands it over; null when nothing was recording. */
    async stop(): Promise<{ blob: Blob | null; error: string | null }> {
      const current = writer;
      const error = status?.error ?? null;
      writer = null;
      status = null;
      if (!current || !sink) return { blob: null, error: error ?? 'nothing was recording' };
      try {
        await current.close();
        return { blob: sink.blob(), error };
      } catch (err) {
        return { blob: null, error: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
