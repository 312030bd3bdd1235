import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../ui/i18n';
import { BookmarkRow } from './BookmarkRow';
import { MAX_NOTE_LENGTH, type BookmarkStore } from './createBookmarkStore';
import type { SiteClock } from './siteClock';
import { CloseButton } from '../common/CloseButton';

interface Props {
  store: BookmarkStore;
  clock: SiteClock;
  /** Reads the player's clock when a bookmark is added. */
  getTime(): number;
  onSeek(t: number): void;
  onClose(): void;
  /** The bookmark whose note takes the cursor on opening (one just added with B). */
  focusId: string | null;
}

/** A file name made from the recording key: letters, digits, dots and dashes only. */
const fileNameFor = (recordingKey: string) =>
  `bookmarks-${recordingKey.replace(/[^\w.-]+/g, '_').slice(-80) || 'recording'}.json`;

/**
 * The bookmark list above the timeline: add one at the current time with a note, edit notes,
 * jump, delete, and export or import them as JSON. Esc or a pointer press outside closes it.
 */
export function BookmarkPopover({ store, clock, getTime, onSeek, onClose, focusId }: Props) {
  const t = useT();
  const bookmarks = useStore(store, (s) => s.bookmarks);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // A row remounts when its note changes; only its first mount takes the cursor.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    focused.current = focusId;
  }, [focusId]);

  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      // The anchor (the button that opens the list) is the popover's parent: it toggles itself.
      const anchor = rootRef.current?.parentElement;
      if (anchor && e.target instanceof Node && !anchor.contains(e.target)) closeRef.current();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) closeRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  const exportFile = () => {
    const { exportJson, recordingKey } = store.getState();
    const url = URL.createObjectURL(new Blob([exportJson()], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameFor(recordingKey);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File) => {
    try {
      const count = store.getState().importJson(await file.text());
      setMessage({ text: t('timeline.bookmarksImported', { count }), error: false });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setMessage({
        text: t('timeline.bookmarksImportFailed', { name: file.name, message: text }),
        error: true,
      });
    }
  };

  return (
    <div
      ref={rootRef}
      className="timeline-popover"
      role="dialog"
      aria-label={t('timeline.bookmarks')}
      data-testid="timeline-bookmarks"
    >
      <header className="panel-header">
        <h2>{t('timeline.bookmarks')}</h2>
        <CloseButton onClick={onClose} label={t('timeline.close')} />
      </header>
      <form
        className="timeline-bookmark-add"
        onSubmit={(e) => {
          e.preventDefault();
          store.getState().add(getTime(), note.trim());
          setNote('');
        }}
      >
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('timeline.bookmarkNotePlaceholder')}
          aria-label={t('timeline.bookmarkNote')}
          maxLength={MAX_NOTE_LENGTH}
          autoFocus={focusId === null}
          spellCheck={false}
        />
        <button type="submit" title={t('timeline.bookmarkAddTip')}>
          {t('timeline.bookmarkAdd')}
        </button>
      </form>
      {bookmarks.length === 0 ? (
        <p className="muted">{t('timeline.bookmarksEmpty')}</p>
      ) : (
        <ol className="timeline-bookmark-list">
          {bookmarks.map((b) => (
            <BookmarkRow
              key={`${b.id}\n${b.note}`}
              bookmark={b}
              clock={clock}
              autoFocus={b.id === focusId && focused.current !== focusId}
              onSeek={onSeek}
              onEdit={(text) => store.getState().edit(b.id, { note: text })}
              onDelete={() => store.getState().remove(b.id)}
            />
          ))}
        </ol>
      )}
      <footer className="timeline-popover-footer">
        <button
          type="button"
          onClick={exportFile}
          disabled={bookmarks.length === 0}
          title={t('timeline.bookmarksExportTip')}
        >
          {t('timeline.bookmarksExport')}
        </button>
        <button
          type="button"
          onClick={() => fileRef.current?.click()}
          title={t('timeline.bookmarksImportTip')}
        >
          {t('timeline.bookmarksImport')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file may be picked again
            if (file) void importFile(file);
          }}
        />
        {message && (
          <span role="status" className={message.error ? 'error-text' : 'muted'}>
            {message.text}
          </span>
        )}
      </footer>
    </div>
  );
}
