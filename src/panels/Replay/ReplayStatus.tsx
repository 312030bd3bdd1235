import { useState } from 'react';
import { useStore } from 'zustand';
import type { PlaybackSessionStore } from '../../playback/playbackSession';
import type { Player } from '../../playback/createPlayer';
import { useT } from '../../ui/i18n';

interface Props {
  sessions: PlaybackSessionStore;
}

/**
 * What the page says about the recording: opening progress, why it could not be opened, and
 * what is wrong with it (a truncated file still plays up to its last good record).
 */
export function ReplayStatus({ sessions }: Props) {
  const t = useT();
  const session = useStore(sessions, (s) => s.session);
  if (session.phase === 'opening') {
    const percent = session.fraction === null ? null : Math.round(session.fraction * 100);
    return (
      <div className="banner replay-opening" role="status" data-testid="replay-opening">
        {t(session.stage === 'indexing' ? 'replay.indexing' : 'replay.opening', {
          name: session.name,
        })}
        {percent !== null && (
          <progress max={100} value={percent} aria-label={t('replay.progress')}>
            {percent}%
          </progress>
        )}
      </div>
    );
  }
  if (session.phase === 'failed') {
    return (
      <div className="banner banner-warning" role="alert" data-testid="replay-error">
        {t('replay.failed', { name: session.name, message: session.message })}
      </div>
    );
  }
  if (session.phase === 'ready') return <ReplayProblems player={session.player} />;
  return null;
}

function ReplayProblems({ player }: { player: Player }) {
  const t = useT();
  const recorded = useStore(player.ui, (s) => s.info.problems);
  const met = useStore(player.ui, (s) => s.problems);
  const [dismissed, setDismissed] = useState(0);
  const problems = [...recorded, ...met];
  if (problems.length <= dismissed) return null;
  return (
    <div
      className="banner banner-warning replay-problems"
      role="alert"
      data-testid="replay-problems"
    >
      <strong>{t('replay.problemsTitle')}</strong>
      <ul>
        {problems.slice(0, 5).map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      <button
        className="banner-close"
        onClick={() => setDismissed(problems.length)}
        aria-label={t('errors.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
