/** Broker log-in details for the live connection. */
export interface BrokerCredentials {
  username?: string;
  password?: string;
  protocolVersion?: 4 | 5;
  /** Only then is the password written to this browser's storage. */
  remember: boolean;
}

const KEY = 'twindeck.broker';

/** What was remembered; a password only when the user asked for it to be. */
export function loadBrokerCredentials(): BrokerCredentials {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Partial<
      BrokerCredentials & { url: string }
    > | null;
    if (!stored) return { remember: false };
    return {
      username: typeof stored.username === 'string' ? stored.username : undefined,
      password:
        stored.remember && typeof stored.password === 'string' ? stored.password : undefined,
      protocolVersion: stored.protocolVersion === 5 ? 5 : 4,
      remember: stored.remember === true,
    };
  } catch {
    return { remember: false };
  }
}

export function saveBrokerCredentials(url: string, credentials: BrokerCredentials): void {
  const { password, ...rest } = credentials;
  const stored = credentials.remember ? { url, ...rest, password } : { url, ...rest };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(stored));
  } catch {
    // Storage may be disabled (kiosk profiles); the session keeps working without it.
  }
}
