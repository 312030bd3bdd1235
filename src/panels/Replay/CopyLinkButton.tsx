import { useState } from 'react';
import { useT } from '../../ui/i18n';

interface Props {
  /** The URL of the moment shown (site, recording, time, speed, loop, camera, selection). */
  link(): string;
}

/** Copies a link to the moment shown; where the clipboard is refused, offers it to copy by hand. */
export function CopyLinkButton({ link }: Props) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      className="replay-copy-link"
      data-testid="replay-copy-link"
      title={t('replay.copyLinkTip')}
      onClick={() => {
        const url = link();
        const manual = () => window.prompt(t('replay.copyLinkTip'), url);
        if (!navigator.clipboard) {
          manual();
          return;
        }
        navigator.clipboard.writeText(url).then(() => {
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        }, manual);
      }}
    >
      {copied ? t('replay.copied') : t('replay.copyLink')}
    </button>
  );
}
