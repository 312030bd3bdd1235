import { decompress as zstdDecompress } from 'fzstd';
import { compress as lz4Compress, decompress as lz4Decompress } from 'lz4js';

/**
 * Chunk compression, in plain JavaScript so the same code runs in the page, a worker and Node:
 * TwinDeck writes lz4 (lz4js, both ways); it reads lz4, zstd (fzstd, the usual choice of other
 * MCAP writers) and uncompressed chunks. Other schemes are reported, not guessed at.
 */
export const READABLE_COMPRESSIONS = ['', 'lz4', 'zstd'] as const;

export function compressLz4(data: Uint8Array): { compression: string; compressedData: Uint8Array } {
  return { compression: 'lz4', compressedData: lz4Compress(data) };
}

/** Decompressed bytes; throws with a plain reason for unknown schemes and broken data. */
export function decompressChunk(
  compression: string,
  data: Uint8Array,
  uncompressedSize: number,
): Uint8Array {
  if (compression === '') return data;
  let out: Uint8Array;
  if (compression === 'lz4') out = lz4Decompress(data, uncompressedSize);
  else if (compression === 'zstd') out = zstdDecompress(data, new Uint8Array(uncompressedSize));
  else throw new Error(`chunks compressed with "${compression}", which TwinDeck cannot read`);
  if (out.byteLength !== uncompressedSize)
    throw new Error(
      `${compression} data gave ${out.byteLength} bytes where the chunk says ${uncompressedSize}`,
    );
  return out;
}
