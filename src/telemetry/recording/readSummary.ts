import { McapIndexedReader } from '@mcap/core';
import { nsToMs } from './mcapRecords';
import type { ChannelInfo, ChunkRef, RecordingProblem, SchemaInfo } from './mcapTypes';
import { CONFIG_ATTACHMENT, PLAN_ATTACHMENT, snapshotKindOf } from './recordingFormat';
import type { RecordingReadable } from './recordingReadables';
import {
  sortChunks,
  type AttachmentEntry,
  type MetadataEntry,
  type RecordingIndex,
} from './recordingIndex';

/** Why the summary cannot serve as the index: the file is then scanned instead. */
export class SummaryUnusable extends Error {
  override name = 'SummaryUnusable';
  constructor(
    message: string,
    readonly kind: 'notIndexed' | 'badIndex',
  ) {
    super(message);
  }
}

/**
 * The index from the file's summary section (through @mcap/core's McapIndexedReader): chunk
 * indexes, channels, schemas, statistics, metadata and the config/plan attachments. Throws
 * SummaryUnusable when there is no summary, it is damaged, or it cannot locate the messages.
 */
export async function readSummary(
  readable: RecordingReadable,
  size: number,
): Promise<RecordingIndex> {
  let reader: McapIndexedReader;
  try {
    reader = await McapIndexedReader.Initialize({ readable });
  } catch (error) {
    const reason = (error as Error).message.replace(/ \[library=.*\]$/, '');
    if (/not indexed/i.test(reason))
      throw new SummaryUnusable(
        'the file has no index (its writer left out the summary)',
        'notIndexed',
      );
    throw new SummaryUnusable(`its index cannot be read (${reason})`, 'badIndex');
  }
  const problems: RecordingProblem[] = [];
  const stats = reader.statistics;
  // Without chunk indexes the messages cannot be located (unchunked, or chunks not indexed);
  // only statistics saying there are none spare the scan.
  if (reader.chunkIndexes.length === 0 && (stats === undefined || stats.messageCount > 0n))
    throw new SummaryUnusable('its index does not locate its messages', 'notIndexed');
  if (
    stats !== undefined &&
    (stats.attachmentCount > reader.attachmentIndexes.length ||
      stats.metadataCount > reader.metadataIndexes.length)
  )
    throw new SummaryUnusable('its index leaves out attachments or metadata', 'notIndexed');
  if (reader.chunkIndexes.length > 0 && reader.channelsById.size === 0)
    throw new SummaryUnusable('its index lists no channels', 'notIndexed');

  const channels = new Map<number, ChannelInfo>();
  for (const c of reader.channelsById.values())
    channels.set(c.id, {
      id: c.id,
      schemaId: c.schemaId,
      topic: c.topic,
      messageEncoding: c.messageEncoding,
      metadata: c.metadata,
    });
  const schemas = new Map<number, SchemaInfo>();
  for (const s of reader.schemasById.values()) schemas.set(s.id, { ...s });
  const snapshotIds = new Set<number>();
  const keyframeIds = new Set<number>();
  for (const c of channels.values()) {
    const kind = snapshotKindOf(c.topic);
    if (kind) snapshotIds.add(c.id);
    if (kind === 'key') keyframeIds.add(c.id);
  }

  const chunks: ChunkRef[] = [];
  for (const ci of reader.chunkIndexes) {
    const offset = Number(ci.chunkStartOffset);
    const length = Number(ci.chunkLength);
    if (offset + length > size || length <= 0) {
      problems.push({
        kind: 'badIndex',
        message: `the index lists a chunk at byte ${offset} that is not in the file; it is skipped`,
      });
      continue;
    }
    const ids = [...ci.messageIndexOffsets.keys()];
    chunks.push({
      offset,
      length,
      kind: 'chunk',
      startTime: nsToMs(ci.messageStartTime),
      endTime: nsToMs(ci.messageEndTime),
      hasSnapshot: ids.length === 0 ? undefined : ids.some((id) => snapshotIds.has(id)),
      hasKeyframe: ids.length === 0 ? undefined : ids.some((id) => keyframeIds.has(id)),
    });
  }

  const metadata: MetadataEntry[] = [];
  try {
    for await (const m of reader.readMetadata())
      metadata.push({ name: m.name, metadata: m.metadata });
  } catch (error) {
    problems.push({
      kind: 'badMetadata',
      message: `its metadata cannot be read (${(error as Error).message})`,
    });
  }
  const attachments: AttachmentEntry[] = [];
  for (const a of reader.attachmentIndexes) {
    const entry: AttachmentEntry = {
      name: a.name,
      mediaType: a.mediaType,
      logTime: nsToMs(a.logTime),
      data: null,
    };
    if (a.name === CONFIG_ATTACHMENT || a.name === PLAN_ATTACHMENT) {
      try {
        for await (const full of reader.readAttachments({ name: a.name })) entry.data = full.data;
      } catch (error) {
        problems.push({
          kind: 'badMetadata',
          message: `the attachment ${a.name} cannot be read (${(error as Error).message})`,
        });
      }
    }
    attachments.push(entry);
  }

  let messageCount: number | null = null;
  if (stats) {
    let snapshots = 0n;
    for (const id of snapshotIds) snapshots += stats.channelMessageCounts.get(id) ?? 0n;
    messageCount = Number(stats.messageCount - snapshots);
  }
  return {
    size,
    profile: reader.header.profile,
    library: reader.header.library,
    chunks: sortChunks(chunks),
    channels,
    schemas,
    metadata,
    attachments,
    messageCount,
    indexed: true,
    problems,
  };
}
