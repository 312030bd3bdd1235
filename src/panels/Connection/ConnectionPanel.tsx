import { useState } from 'react';
import { useStore } from 'zustand';
import type { IngestCounters, LiveStatusStore } from '../../twin/liveStatus';
import { useLocale, useT } from '../../ui/i18n';
import type { StringKey } from '../../ui/i18n';
import { CloseButton } from '../common/CloseButton';

/** Log-in details as the panel edits them. */
export interface ConnectionForm {
  username?: string;
  password?: string;
  protocolVersion?: 4 | 5;
  remember: boolean;
}

interface Props {
  status: LiveStatusStore;
  onClose(): void;
  onConnect(url: string, credentials: ConnectionForm): void;
}

const COUNTERS: Array<keyof IngestCounters> = [
  'messages',
  'decodeErrors',
  'tooLarge',
  'unknownTopics',
  'unknownAssets',
  'badValues',
  'outOfOrder',
  'duplicates',
  'lost',
  'clockSkew',
];

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/**
 * The broker, the connection's state and every count of what arrived and what was refused:
 * where an engineer looks first when the twin does not move.
 */
export function ConnectionPanel({ status, onClose, onConnect }: Props) {
  const t = useT();
  const locale = useLocale();
  const { brokerUrl, connection, stats, mode } = useStore(status);
  const [url, setUrl] = useState(brokerUrl ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [protocolVersion, setProtocolVersion] = useState<4 | 5>(4);
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  const phase = mode === 'static' ? 'static' : (connection?.phase ?? 'idle');

  return (
    <aside
      className="panel connection-panel"
      data-testid="connection-panel"
      aria-label={t('connection.title')}
    >
      <header className="panel-header">
        <h2>{t('connection.title')}</h2>
        <CloseButton onClick={onClose} label={t('connection.close')} />
      </header>
      <form
        className="connection-form"
        onSubmit={(event) => {
          event.preventDefault();
          onConnect(url, {
            username: username || undefined,
            password: password || undefined,
            protocolVersion,
            remember,
          });
        }}
      >
        <label>
          {t('connection.broker')}
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="wss://broker.example:8084/mqtt"
            spellCheck={false}
          />
        </label>
        <div className="connection-row">
          <label>
            {t('connection.username')}
            <input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
            />
          </label>
          <label>
            {t('connection.password')}
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          </label>
          <label>
            {t('connection.protocol')}
            <select
              value={protocolVersion}
              onChange={(e) => setProtocolVersion(e.target.value === '5' ? 5 : 4)}
            >
              <option value={4}>3.1.1</option>
              <option value={5}>5</option>
            </select>
          </label>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          {t('connection.remember')}
        </label>
        <button type="submit" className="primary" disabled={!url}>
          {t('connection.connect')}
        </button>
      </form>

      <dl className="connection-state">
        <dt>{t('connection.state')}</dt>
        <dd data-testid="connection-state" className={`live-${phase}`}>
          {t(`live.${phase}`)}
          {connection && connection.since > 0 && (
            <span className="muted">
              {' '}
              {t('connection.since', {
                time: new Date(connection.since).toLocaleTimeString(locale),
              })}
            </span>
          )}
        </dd>
        <dt>{t('connection.rate')}</dt>
        <dd data-testid="connection-rate">{number(stats?.messagesPerSecond ?? 0)}</dd>
        <dt>{t('connection.reconnects')}</dt>
        <dd>{Math.max(0, (connection?.connects ?? 0) - 1)}</dd>
        {connection?.lastError && (
          <>
            <dt>{t('connection.lastError')}</dt>
            <dd className="error-text">{connection.lastError}</dd>
          </>
        )}
      </dl>

      {!stats ? (
        <p className="muted">{t('connection.none')}</p>
      ) : (
        <>
          <h3>{t('connection.counters')}</h3>
          <table className="counters" data-testid="connection-counters">
            <tbody>
              {COUNTERS.map((key) => (
                <tr
                  key={key}
                  data-counter={key}
                  className={key !== 'messages' && stats.counters[key] > 0 ? 'warn' : ''}
                >
                  <td className="num">{number(stats.counters[key])}</td>
                  <td>{t(`connection.counter.${key}` as StringKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{t('connection.topics')}</h3>
          <table>
            <thead>
              <tr>
                <th>{t('connection.topic')}</th>
                <th className="num">{t('connection.messages')}</th>
                <th className="num">{t('connection.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.bindings.map((b, i) => (
                <tr key={i}>
                  <td className="mono">{b.topic}</td>
                  <td className="num">{number(b.messages)}</td>
                  <td className={`num ${b.rejected > 0 ? 'warn' : ''}`}>{number(b.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {stats.unknownTopicExamples.length > 0 && (
            <>
              <h3>{t('connection.unknownTopics')}</h3>
              <ul className="mono unknown-topics">
                {stats.unknownTopicExamples.map((topic) => (
                  <li key={topic}>{topic}</li>
                ))}
              </ul>
            </>
          )}

          {stats.gateways.length > 0 && (
            <>
              <h3>{t('connection.gateways')}</h3>
              <table data-testid="connection-gateways">
                <thead>
                  <tr>
                    <th>{t('connection.gateway')}</th>
                    <th className="num">{t('connection.delay')}</th>
                    <th className="num">{t('connection.loss')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.gateways.map((g) => (
                    <tr key={g.id} className={g.online ? '' : 'warn'}>
                      <td className="mono">
                        {g.id}{' '}
                        <span className="muted">
                          {g.online ? t('connection.online') : t('connection.offline')}
                        </span>
                      </td>
                      <td className="num">
                        {ms(g.delayMsP50)} / {ms(g.delayMsP95)}
                      </td>
                      <td className="num">{(g.lossRate * 100).toFixed(1)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </aside>
  );
}
