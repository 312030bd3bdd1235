import { useT } from '../../ui/i18n';
import { MAX_NOTE_LENGTH, type Bookmark } from './createBookmarkStore';
import type { SiteClock } from './siteClock';
import { CloseButton } from '../common/CloseButton';

interface Props {
  bookmark: Bookmark;
  clock: SiteClock;
  /** Put the cursor in the note (a bookmark just added with B). */
  autoFocus: boolean;
  onSeek(t: number): void;
  onEdit(note: string): void;
  onDelete(): void;
}

/**
 * One bookmark in the list: its time (click seeks), its note (edited in place, saved on Enter
 * or leaving the field, Esc reverts) and a delete button. The parent keys rows by id and note,
 * so a note changed elsewhere (an import) shows without a second source of truth.
 */
export function BookmarkRow({ bookmark, clock, autoFocus, onSeek, onEdit, onDelete }: Props) {
  const t = useT();
  const time = clock.time(bookmark.t);
  return (
    <li className="timeline-bookmark-row" data-id={bookmark.id}>
      <button
        type="button"
        className="link mono"
        onClick={() => onSeek(bookmark.t)}
        title={`${clock.date(bookmark.t)} ${time}`}
        aria-label={t('timeline.bookmarkGo', { time })}
      >
        {time}
      </button>
      <input
        defaultValue={bookmark.note}
        placeholder={t('timeline.bookmarkNotePlaceholder')}
        aria-label={`${t('timeline.bookmarkNote')} ${time}`}
        autoFocus={autoFocus}
        maxLength={MAX_NOTE_LENGTH}
        spellCheck={false}
        onBlur={(e) => {
          if (e.currentTarget.value !== bookmark.note) onEdit(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          else if (e.key === 'Escape') {
            e.stopPropagation(); // Esc in a field reverts the note; it does not close the list.
            e.currentTarget.value = bookmark.note;
            e.currentTarget.blur();
          }
        }}
      />
      <CloseButton onClick={onDelete} label={t('timeline.bookmarkDelete')} />
    </li>
  );
}
