import { describe, expect, it } from 'vitest';
import { isTextEntry, timelineKeyAction, type KeyPress } from './timelineKeys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('timelineKeyAction', () => {
  it('maps the documented keys', () => {
    expect(timelineKeyAction(press(' '))).toBe('togglePlay');
    expect(timelineKeyAction(press('ArrowLeft'))).toBe('stepBack');
    expect(timelineKeyAction(press('ArrowRight'))).toBe('stepForward');
    expect(timelineKeyAction(press('ArrowLeft', { shiftKey: true }))).toBe('stepBackMany');
    expect(timelineKeyAction(press('ArrowRight', { shiftKey: true }))).toBe('stepForwardMany');
    expect(timelineKeyAction(press('['))).toBe('slower');
    expect(timelineKeyAction(press(']'))).toBe('faster');
    expect(timelineKeyAction(press('b'))).toBe('addBookmark');
    expect(timelineKeyAction(press('B', { shiftKey: true }))).toBe('addBookmark');
    expect(timelineKeyAction(press('Home'))).toBe('seekStart');
    expect(timelineKeyAction(press('End'))).toBe('seekEnd');
  });
  it('leaves browser shortcuts and other keys alone', () => {
    expect(timelineKeyAction(press('b', { ctrlKey: true }))).toBeNull();
    expect(timelineKeyAction(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(timelineKeyAction(press('[', { metaKey: true }))).toBeNull();
    expect(timelineKeyAction(press('f'))).toBeNull();
    expect(timelineKeyAction(press('Escape'))).toBeNull();
  });
  it('repeats steps while held, but not play/pause or bookmarks', () => {
    expect(timelineKeyAction(press('ArrowRight', { repeat: true }))).toBe('stepForward');
    expect(timelineKeyAction(press(' ', { repeat: true }))).toBeNull();
    expect(timelineKeyAction(press('b', { repeat: true }))).toBeNull();
  });
});

describe('isTextEntry', () => {
  it('recognises fields and editable content', () => {
    expect(isTextEntry({ tagName: 'INPUT' })).toBe(true);
    expect(isTextEntry({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEntry({ tagName: 'SELECT' })).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextEntry({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
