import type { DecodedChunk } from './mcapTypes';

/**
 * Decoded chunks by file offset, least recently used first out once their bytes pass the cap.
 * A Map keeps insertion order, so a hit re-inserts and the first key is always the oldest.
 */
export class ChunkCache {
  private readonly entries = new Map<number, DecodedChunk>();
  private used = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly capBytes: number) {}

  get(offset: number): DecodedChunk | undefined {
    const chunk = this.entries.get(offset);
    if (chunk) {
      this.entries.delete(offset);
      this.entries.set(offset, chunk);
      this.hits++;
    } else this.misses++;
    return chunk;
  }

  has(offset: number): boolean {
    return this.entries.has(offset);
  }

  set(offset: number, chunk: DecodedChunk): void {
    const old = this.entries.get(offset);
    if (old) this.used -= old.byteSize;
    this.entries.delete(offset);
    this.entries.set(offset, chunk);
    this.used += chunk.byteSize;
    for (const [key, value] of this.entries) {
      // Always keep the newest, even if it alone passes the cap: it is about to be read.
      if (this.used <= this.capBytes || key === offset) break;
      this.entries.delete(key);
      this.used -= value.byteSize;
    }
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }
}
