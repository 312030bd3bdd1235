import { useEffect } from 'react';

/** Key → action; keys are KeyboardEvent.key values. Ignored while typing in a field. */
export function useKeyboardShortcuts(bindings: Record<string, () => void>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const action = bindings[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bindings, enabled]);
}
