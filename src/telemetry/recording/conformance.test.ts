import { McapWriter } from '@mcap/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryWritable } from '../../../tools/recordings/testSupport';
import { corpusPath } from '../../../tools/testing/corpora.mjs';
import { indexRecording, openRecording } from './openRecording';
import { bytesReadable, RecordingOpenError } from './recordingReadables';
import { RecordingReader } from './recordingReader';

const ROOT = corpusPath('mcap-conformance/data');
const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mcap'))
  .sort();

interface ExpectedRecord {
  type: string;
  fields: Array<[string, unknown]>;
}

const recordsOf = (file: string) =>
  (
    JSON.parse(readFileSync(join(ROOT, file.replace(/\.mcap$/, '.json')), 'utf8')) as {
      records: ExpectedRecord[];
    }
  ).records.map((r) => ({ type: r.type, f: fieldsOf(r.fields) }));

/** A record's fields: strings (numbers as decimal text), byte lists, or string maps. */
type Fields = Record<string, unknown>;
const fieldsOf = (fields: Array<[string, unknown]>): Fields => Object.fromEntries(fields);
const str = (f: Fields, key: string) => String(f[key]);
const list = (f: Fields, key: string) => f[key] as string[];
const map = (f: Fields, key: string) => new Map(Object.entries(f[key] as Record<string, string>));

const bytesOf = (list: string[]) => Uint8Array.from(list.map(Number));
const ms = (ns: unknown) => Math.round(Number(ns) / 1000) / 1000;

/** The messages a file holds, in the reader's terms (ms exact to the µs, channel topic). */
function expectedMessages(file: string) {
  const records = recordsOf(file);
  const topics = new Map(
    records.filter((r) => r.type === 'Channel').map((r) => [Number(r.f.id), str(r.f, 'topic')]),
  );
  return records
    .filter((r) => r.type === 'Message')
    .map((r) => ({
      topic: topics.get(Number(r.f.channel_id)),
      logTime: ms(r.f.log_time),
      publishTime: ms(r.f.publish_time),
      data: list(r.f, 'data').map(Number),
    }));
}

async function readAll(bytes: Uint8Array) {
  const index = await indexRecording(bytesReadable(bytes));
  const reader = new RecordingReader(bytesReadable(bytes), index, 1e8, []);
  const read: ReturnType<typeof expectedMessages> = [];
  await reader.messages(
    -Infinity,
    Infinity,
    (topic, _channel, logTime, publishTime, data) =>
      read.push({ topic, logTime, publishTime, data: [...data] }),
    true,
  );
  return { read, index };
}

/**
 * The file rebuilt from its record list with @mcap/core's writer and the options its name spells
 * (`ch` chunks, `chx` chunk index, `mx` message index, `rch`/`rsh` repeated channels/schemas,
 * `st` statistics, `sum` summary offsets, `ax`/`mdx` attachment/metadata index).
 */
async function rebuild(file: string): Promise<Uint8Array> {
  const has = new Set(
    file
      .split('/')
      .at(-1)!
      .replace(/\.mcap$/, '')
      .split('-')
      .slice(1),
  );
  const { writable, bytes } = memoryWritable();
  const writer = new McapWriter({
    writable,
    useChunks: has.has('ch'),
    useChunkIndex: has.has('chx'),
    useMessageIndex: has.has('mx'),
    repeatChannels: has.has('rch'),
    repeatSchemas: has.has('rsh'),
    useStatistics: has.has('st'),
    useSummaryOffsets: has.has('sum'),
    useAttachmentIndex: has.has('ax'),
    useMetadataIndex: has.has('mdx'),
    startChannelId: 1,
  });
  const records = recordsOf(file);
  const header = records.find((r) => r.type === 'Header')!.f;
  await writer.start({ profile: str(header, 'profile'), library: str(header, 'library') });
  const channels = new Map<number, number>();
  const schemas = new Map<number, number>();
  // Data section only: the records after DataEnd are the summary, which the writer makes.
  for (const { type, f } of records.slice(
    0,
    records.findIndex((r) => r.type === 'DataEnd'),
  )) {
    if (type === 'Schema' && !schemas.has(Number(f.id)))
      schemas.set(
        Number(f.id),
        await writer.registerSchema({
          name: str(f, 'name'),
          encoding: str(f, 'encoding'),
          data: bytesOf(list(f, 'data')),
        }),
      );
    else if (type === 'Channel' && !channels.has(Number(f.id)))
      channels.set(
        Number(f.id),
        await writer.registerChannel({
          topic: str(f, 'topic'),
          messageEncoding: str(f, 'message_encoding'),
          schemaId: schemas.get(Number(f.schema_id)) ?? 0,
          metadata: map(f, 'metadata'),
        }),
      );
    else if (type === 'Message')
      await writer.addMessage({
        channelId: channels.get(Number(f.channel_id))!,
        sequence: Number(f.sequence),
        logTime: BigInt(str(f, 'log_time')),
        publishTime: BigInt(str(f, 'publish_time')),
        data: bytesOf(list(f, 'data')),
      });
    else if (type === 'Attachment')
      await writer.addAttachment({
        name: str(f, 'name'),
        mediaType: str(f, 'media_type'),
        logTime: BigInt(str(f, 'log_time')),
        createTime: BigInt(str(f, 'create_time')),
        data: bytesOf(list(f, 'data')),
      });
    else if (type === 'Metadata')
      await writer.addMetadata({
        name: str(f, 'name'),
        metadata: map(f, 'metadata'),
      });
  }
  await writer.end();
  return bytes();
}

describe('the MCAP conformance corpus', () => {
  it('has its files', () => {
    expect(files.length).toBeGreaterThan(400);
  });

  it('opens every file and reads every message, or refuses it with a clear message', async () => {
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
      let replay;
      try {
        replay = await openRecording(bytesReadable(bytes));
      } catch (error) {
        // The corpus copy here holds Git LFS pointers in place of the files.
        expect(error, file).toBeInstanceOf(RecordingOpenError);
        expect((error as Error).message, file).toMatch(/Git LFS pointer|not an MCAP/);
        continue;
      }
      await replay.stateAt(replay.info.end);
      expect((await readAll(bytes)).read, file).toEqual(expectedMessages(file));
    }
  });

  it('reads every record layout of the corpus, rebuilt from its record lists', async () => {
    for (const file of files) {
      const bytes = await rebuild(file);
      const replay = await openRecording(bytesReadable(bytes));
      // Nothing binds without a twin config: a foreign file plays as silence, not an error.
      await replay.stateAt(replay.info.end);
      await replay.readTo(replay.info.end + 1);
      expect(replay.info.problems.map((p) => p.kind).filter((k) => k !== 'notIndexed')).toEqual([
        'noConfig',
      ]);
      const { read, index } = await readAll(bytes);
      expect(read, file).toEqual(expectedMessages(file));
      const metadata = recordsOf(file).filter((r) => r.type === 'Metadata');
      expect(
        index.metadata.map((m) => m.name),
        file,
      ).toEqual(metadata.map((m) => str(m.f, 'name')));
      const attachments = recordsOf(file).filter((r) => r.type === 'Attachment');
      expect(
        index.attachments.map((a) => a.name),
        file,
      ).toEqual(attachments.map((a) => str(a.f, 'name')));
    }
  });
});
