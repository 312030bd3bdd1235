import { useEffect, useRef } from 'react';
import { localize } from '../../lib/localizedText';
import { useTwin } from '../../twin/react';
import { useLocale, useT } from '../../ui/i18n';

/** Name and type of the asset under the pointer, following the pointer. */
export function HoverTooltip() {
  const t = useT();
  const locale = useLocale();
  const hovered = useTwin((s) => (s.hoveredId ? s.byId.get(s.hoveredId) : undefined));
  const typeName = useTwin((s) => {
    const type = hovered ? s.config?.assetTypes[hovered.type] : undefined;
    return type ? localize(type.name, locale) : '';
  });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Position by direct style writes: pointer moves are too frequent for React state.
    const move = (e: PointerEvent) => {
      if (ref.current)
        ref.current.style.transform = `translate(${e.clientX + 14}px, ${e.clientY + 14}px)`;
    };
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, []);
  return (
    <div
      ref={ref}
      className="tooltip"
      data-testid={hovered ? 'hover-tooltip' : undefined}
      hidden={!hovered}
    >
      {hovered && (
        <>
          <strong>{localize(hovered.name, locale)}</strong>
          <span className="muted">
            {typeName} · {hovered.id}
          </span>
          <span className="tooltip-hint">{t('tooltip.hint')}</span>
        </>
      )}
    </div>
  );
}
