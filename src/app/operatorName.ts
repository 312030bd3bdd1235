/** Who acknowledges alarms on this screen: a name people type once, kept in this browser. */
const KEY = 'twindeck.operator';

export function loadOperator(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveOperator(name: string): void {
  try {
    window.localStorage.setItem(KEY, name.slice(0, 40));
  } catch {
    // Storage may be off (a kiosk profile): the name lasts for this page only.
  }
}
