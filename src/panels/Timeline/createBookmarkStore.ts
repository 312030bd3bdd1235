import { createStore, type StoreApi } from 'zustand/vanilla';

/** A moment of a recording someone marked, with their note. */
export interface Bookmark {
  id: string;
  /** The bookmarked instant, ms epoch. */
  t: number;
  /** Plain text, possibly empty. */
  note: string;
  /** When the bookmark was made, ms epoch. */
  createdAt: number;
}

/** The bookmarks of one recording and what can be done with them. */
export interface BookmarkState {
  /** The recording the bookmarks belong to; part of the storage key. */
  recordingKey: string;
  /** Sorted by time, then by creation. */
  bookmarks: readonly Bookmark[];
  /** Adds a bookmark at `t` and returns it. */
  add(t: number, note?: string): Bookmark;
  /** Changes a bookmark's note or time; unknown ids are ignored. */
  edit(id: string, patch: { note?: string; t?: number }): void;
  remove(id: string): void;
  /** The bookmarks as a JSON document (`format: "twindeck-bookmarks"`). */
  exportJson(): string;
  /**
   * Adds the bookmarks of a JSON document made by `exportJson` (from any recording); one with an
   * id already present replaces it. Returns how many were read; throws `BookmarkImportError`.
   */
  importJson(text: string): number;
}

export type BookmarkStore = StoreApi<BookmarkState>;

/** Why a bookmarks file was refused, naming the JSON path (`At bookmarks[2].t: …`). */
export class BookmarkImportError extends Error {
  override name = 'BookmarkImportError';
}

/** The part of `Storage` the store uses; `localStorage` by default. */
export type BookmarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface BookmarkStoreOptions {
  /** Identifies the recording (its URL or file name and size); bookmarks are kept per key. */
  recordingKey: string;
  /** Where bookmarks persist; `null` keeps them in memory. Default: `localStorage` if present. */
  storage?: BookmarkStorage | null;
  /** Default: `Date.now`. */
  now?: () => number;
  /** Default: a random UUID. */
  newId?: () => string;
}

const FORMAT = 'twindeck-bookmarks';
const VERSION = 1;
/** Longest note kept; a bookmark is a label, not a document. */
export const MAX_NOTE_LENGTH = 2000;

/** The localStorage key of a recording's bookmarks. */
export const bookmarkStorageKey = (recordingKey: string) => `twindeck.bookmarks.${recordingKey}`;

const byTime = (a: Bookmark, b: Bookmark) => a.t - b.t || a.createdAt - b.createdAt;

const defaultStorage = (): BookmarkStorage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Some browsers throw on access when storage is disabled.
  }
};

const defaultId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `b-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Bookmarks with notes for one recording, in a vanilla zustand store, persisted to
 * `localStorage` under `twindeck.bookmarks.<recordingKey>` on every change. Storage that is
 * missing, full or holds garbage never breaks the panel: bookmarks then live in memory.
 */
export function createBookmarkStore(options: BookmarkStoreOptions): BookmarkStore {
  const { recordingKey } = options;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? defaultId;
  const key = bookmarkStorageKey(recordingKey);

  const persist = (bookmarks: readonly Bookmark[]) => {
    if (!storage) return;
    try {
      if (bookmarks.length === 0) storage.removeItem(key);
      else storage.setItem(key, serialize(recordingKey, bookmarks));
    } catch {
      // Quota exceeded or storage disabled: keep the in-memory copy.
    }
  };

  const store = createStore<BookmarkState>()((set, get) => {
    const commit = (bookmarks: Bookmark[]) => {
      bookmarks.sort(byTime);
      set({ bookmarks });
      persist(bookmarks);
    };
    return {
      recordingKey,
      bookmarks: load(storage, key),
      add(t, note = '') {
        const bookmark: Bookmark = { id: newId(), t, note: clip(note), createdAt: now() };
        commit([...get().bookmarks, bookmark]);
        return bookmark;
      },
      edit(id, patch) {
        const { bookmarks } = get();
        if (!bookmarks.some((b) => b.id === id)) return;
        commit(
          bookmarks.map((b) =>
            b.id === id
              ? {
                  ...b,
                  ...(patch.note !== undefined && { note: clip(patch.note) }),
                  ...(patch.t !== undefined && Number.isFinite(patch.t) && { t: patch.t }),
                }
              : b,
          ),
        );
      },
      remove(id) {
        const { bookmarks } = get();
        if (bookmarks.some((b) => b.id === id)) commit(bookmarks.filter((b) => b.id !== id));
      },
      exportJson: () => serialize(recordingKey, get().bookmarks, 2),
      importJson(text) {
        const incoming = parseBookmarks(text);
        const ids = new Set(incoming.map((b) => b.id));
        commit([...get().bookmarks.filter((b) => !ids.has(b.id)), ...incoming]);
        return incoming.length;
      },
    };
  });
  return store;
}

const clip = (note: string) => note.slice(0, MAX_NOTE_LENGTH);

function serialize(recordingKey: string, bookmarks: readonly Bookmark[], indent?: number) {
  return JSON.stringify(
    { format: FORMAT, version: VERSION, recordingKey, bookmarks },
    null,
    indent,
  );
}

function load(storage: BookmarkStorage | null, key: string): Bookmark[] {
  try {
    const text = storage?.getItem(key);
    return text ? parseBookmarks(text).sort(byTime) : [];
  } catch {
    return []; // Unreadable or hand-edited into garbage: start empty rather than fail.
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, problem: string): never {
  throw new BookmarkImportError(`At ${path}: ${problem}`);
}

/** Reads a bookmarks document, or throws `BookmarkImportError` naming the first bad path. */
export function parseBookmarks(text: string): Bookmark[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new BookmarkImportError(`Not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(doc)) fail('(root)', 'expected an object');
  if (doc.format !== FORMAT) fail('format', `expected "${FORMAT}"`);
  if (typeof doc.version !== 'number' || doc.version > VERSION) {
    fail('version', `expected a number up to ${VERSION}`);
  }
  if (!Array.isArray(doc.bookmarks)) fail('bookmarks', 'expected an array');
  return doc.bookmarks.map((item: unknown, i): Bookmark => {
    const at = `bookmarks[${i}]`;
    if (!isRecord(item)) fail(at, 'expected an object');
    const { id, t, note, createdAt } = item;
    if (typeof id !== 'string' || id === '') fail(`${at}.id`, 'expected a non-empty string');
    if (typeof t !== 'number' || !Number.isFinite(t)) fail(`${at}.t`, 'expected a time in ms');
    if (note !== undefined && typeof note !== 'string') fail(`${at}.note`, 'expected a string');
    if (createdAt !== undefined && (typeof createdAt !== 'number' || !Number.isFinite(createdAt)))
      fail(`${at}.createdAt`, 'expected a time in ms');
    return { id, t, note: clip(note ?? ''), createdAt: createdAt ?? 0 };
  });
}
