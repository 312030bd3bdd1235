/** What a key press on the page asks of the timeline. */
export type TimelineKeyAction =
  | 'togglePlay'
  | 'stepBack'
  | 'stepForward'
  | 'stepBackMany'
  | 'stepForwardMany'
  | 'slower'
  | 'faster'
  | 'addBookmark'
  | 'seekStart'
  | 'seekEnd';

/** The fields of a `KeyboardEvent` the key map reads. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
}

/** Shift+arrow moves this many steps at once. */
export const MANY_STEPS = 10;

/**
 * The timeline's key map: Space play/pause, ←/→ step (Shift: 10 steps), `[` `]` speed,
 * B bookmark, Home/End. Browser shortcuts (Ctrl, ⌘, Alt) are left alone; held-down Space and
 * B do not repeat.
 */
export function timelineKeyAction(e: KeyPress): TimelineKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return e.repeat ? null : 'togglePlay';
    case 'ArrowLeft':
      return e.shiftKey ? 'stepBackMany' : 'stepBack';
    case 'ArrowRight':
      return e.shiftKey ? 'stepForwardMany' : 'stepForward';
    case '[':
      return 'slower';
    case ']':
      return 'faster';
    case 'b':
    case 'B':
      return e.repeat ? null : 'addBookmark';
    case 'Home':
      return 'seekStart';
    case 'End':
      return 'seekEnd';
    default:
      return null;
  }
}

/** The parts of an event target the check reads (an `HTMLElement` has them). */
interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
}

/** Whether keys pressed on `target` belong to it: text fields, selects, editable content. */
export function isTextEntry(target: EventTarget | TargetLike | null): boolean {
  if (!target) return false;
  const el = target as TargetLike;
  return el.isContentEditable === true || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? '');
}
