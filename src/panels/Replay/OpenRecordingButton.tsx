import { useRef } from 'react';
import { useT } from '../../ui/i18n';

interface Props {
  onFile(file: File): void;
}

/** Picks a recording (MCAP) from disk to replay on the shown site; dropping one works too. */
export function OpenRecordingButton({ onFile }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        className="open-recording"
        data-testid="open-recording"
        title={t('replay.openTip')}
        onClick={() => input.current?.click()}
      >
        {t('replay.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".mcap"
        hidden
        data-testid="open-recording-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
