import { describe, expect, it } from 'vitest';
import {
  BookmarkImportError,
  bookmarkStorageKey,
  createBookmarkStore,
  MAX_NOTE_LENGTH,
  parseBookmarks,
  type BookmarkStorage,
} from './createBookmarkStore';

/** An in-memory `Storage` stand-in; `full` makes writes throw like a quota error. */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage: BookmarkStorage & { items: Map<string, string>; full: boolean } = {
    items,
    full: false,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (storage.full) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
  return storage;
}

const T0 = Date.UTC(2024, 2, 5, 6);

function setup(recordingKey = 'terminal-shift-1', storage = memoryStorage()) {
  let id = 0;
  let clock = 1000;
  const store = createBookmarkStore({
    recordingKey,
    storage,
    newId: () => `b${++id}`,
    now: () => clock++,
  });
  return { store, storage, api: store.getState() };
}

describe('createBookmarkStore', () => {
  it('adds at a time with a note and lists by time', () => {
    const { store, api } = setup();
    api.add(T0 + 5000, 'crane 3 stops');
    const early = api.add(T0 + 1000);
    expect(early).toEqual({ id: 'b2', t: T0 + 1000, note: '', createdAt: 1001 });
    expect(store.getState().bookmarks.map((b) => b.note)).toEqual(['', 'crane 3 stops']);
  });
  it('edits a note or a time, and ignores unknown ids', () => {
    const { store, api } = setup();
    const b = api.add(T0, 'x');
    api.edit(b.id, { note: 'truck queue builds' });
    api.edit(b.id, { t: T0 + 60_000 });
    api.edit(b.id, { t: Number.NaN });
    api.edit('nope', { note: 'lost' });
    expect(store.getState().bookmarks).toEqual([
      { id: b.id, t: T0 + 60_000, note: 'truck queue builds', createdAt: 1000 },
    ]);
  });
  it('deletes', () => {
    const { store, api } = setup();
    const a = api.add(T0);
    api.add(T0 + 1);
    api.remove(a.id);
    expect(store.getState().bookmarks.map((b) => b.id)).toEqual(['b2']);
  });
  it('persists per recording and reloads', () => {
    const storage = memoryStorage();
    setup('shift-a', storage).api.add(T0, 'in A');
    setup('shift-b', storage).api.add(T0, 'in B');
    expect(storage.items.has(bookmarkStorageKey('shift-a'))).toBe(true);
    const again = setup('shift-a', storage).store;
    expect(again.getState().bookmarks.map((b) => b.note)).toEqual(['in A']);
  });
  it('clears the stored key when the last bookmark goes', () => {
    const { api, storage } = setup('k');
    const b = api.add(T0);
    api.remove(b.id);
    expect(storage.items.size).toBe(0);
  });
  it('keeps working when storage is full, missing or holds garbage', () => {
    const storage = memoryStorage();
    storage.items.set(bookmarkStorageKey('k'), '{not json');
    const { store, api } = setup('k', storage);
    expect(store.getState().bookmarks).toEqual([]);
    storage.full = true;
    api.add(T0, 'kept in memory');
    expect(store.getState().bookmarks).toHaveLength(1);
    const memoryOnly = createBookmarkStore({ recordingKey: 'k', storage: null });
    memoryOnly.getState().add(T0);
    expect(memoryOnly.getState().bookmarks).toHaveLength(1);
  });
  it('caps very long notes', () => {
    const { api } = setup();
    expect(api.add(T0, 'x'.repeat(MAX_NOTE_LENGTH + 10)).note).toHaveLength(MAX_NOTE_LENGTH);
  });
  it('exports and imports JSON, replacing bookmarks with the same id', () => {
    const source = setup('shift-a').api;
    source.add(T0, 'one');
    source.add(T0 + 2000, 'two');
    const json = source.exportJson();
    expect(JSON.parse(json)).toMatchObject({ format: 'twindeck-bookmarks', version: 1 });

    const { store, api } = setup('shift-a', memoryStorage());
    api.add(T0 + 1000, 'mine'); // id b1, same as the exported "one": replaced
    expect(api.importJson(json)).toBe(2);
    expect(store.getState().bookmarks.map((b) => b.note)).toEqual(['one', 'two']);
  });
  it('refuses a bad file, naming the path, without changing anything', () => {
    const { store, api } = setup();
    api.add(T0, 'keep');
    const doc = (bookmarks: unknown) =>
      JSON.stringify({ format: 'twindeck-bookmarks', version: 1, bookmarks });
    expect(() => api.importJson('nope')).toThrow(BookmarkImportError);
    expect(() => api.importJson('{"format":"other"}')).toThrow('At format:');
    expect(() =>
      api.importJson(
        doc([
          { id: 'a', t: 1 },
          { id: 'b', t: '2' },
        ]),
      ),
    ).toThrow('At bookmarks[1].t: expected a time in ms');
    expect(() => api.importJson(doc([{ id: '', t: 1 }]))).toThrow('At bookmarks[0].id');
    expect(() => api.importJson(doc([{ id: 'a', t: 1, note: 5 }]))).toThrow('At bookmarks[0].note');
    expect(store.getState().bookmarks.map((b) => b.note)).toEqual(['keep']);
  });
  it('reads documents without optional fields', () => {
    const text = JSON.stringify({
      format: 'twindeck-bookmarks',
      version: 1,
      bookmarks: [{ id: 'x', t: T0 }],
    });
    expect(parseBookmarks(text)).toEqual([{ id: 'x', t: T0, note: '', createdAt: 0 }]);
  });
});
