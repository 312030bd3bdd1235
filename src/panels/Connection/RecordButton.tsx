import { useState } from 'react';
import { useStore } from 'zustand';
import type { LiveStatusStore } from '../../twin/liveStatus';
import { useT } from '../../ui/i18n';

interface Props {
  status: LiveStatusStore;
  /** File name for the download, without extension. */
  fileName(): string;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const elapsed = (ms: number) => {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
};

/**
 * Records the live session: every message as received, written to an MCAP file in the browser
 * (see docs/recordings.md) and downloaded when recording stops. Shown only while live.
 */
export function RecordButton({ status, fileName }: Props) {
  const t = useT();
  const recorder = useStore(status, (s) => s.recorder);
  const recording = useStore(status, (s) => s.recording);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!recorder) return null;
  const stop = async () => {
    setSaving(true);
    const { blob, error: failure } = await recorder.stop();
    setSaving(false);
    setError(failure);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName()}.mcap`;
    link.click();
    // The download has its own reference; the page's can go once it started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <>
      <button
        className={recording ? 'record-button recording' : 'record-button'}
        data-testid="record-button"
        data-state={saving ? 'saving' : recording ? 'recording' : 'idle'}
        disabled={saving}
        title={recording ? t('record.stopTip') : t('record.startTip')}
        onClick={() => (recording ? void stop() : (setError(null), recorder.start()))}
      >
        <span className="record-dot" aria-hidden="true" />
        {saving
          ? t('record.saving')
          : recording
            ? t('record.stop', {
                time: elapsed(recording.elapsedMs),
                size: megabytes(recording.bytes),
              })
            : t('record.start')}
      </button>
      {(error ?? recording?.error) && (
        <span className="record-error" role="alert" data-testid="record-error">
          {t('record.failed', { message: error ?? recording?.error ?? '' })}
        </span>
      )}
    </>
  );
}
