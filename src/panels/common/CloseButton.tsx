/** The × in a panel's corner (and on a row it removes): one look, one tooltip and label for it. */
export function CloseButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button
      type="button"
      className="icon-button"
      onClick={onClick}
      title={label}
      aria-label={label}
    >
      ×
    </button>
  );
}
