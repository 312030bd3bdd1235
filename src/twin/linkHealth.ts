/** How well an asset's 5G gateway gets its data through, for the network layer. */
export type LinkHealth = 'good' | 'fair' | 'poor' | 'offline';

export interface GatewayFigures {
  online: boolean;
  delayMsP95: number | null;
  lossRate: number;
  rsrpDbm?: number;
  sinrDb?: number;
}

/**
 * A gateway's link health from what the app measures (end-to-end delay, sequence losses) and
 * what the gateway reports of its radio (RSRP, SINR). Thresholds follow what an operator of a
 * 5G private network calls a usable cell for telemetry: loss under 1 %, p95 delay under 150 ms,
 * RSRP above −100 dBm, SINR above 5 dB.
 */
export function gatewayHealth(g: GatewayFigures): LinkHealth {
  if (!g.online) return 'offline';
  const delay = g.delayMsP95 ?? 0;
  const rsrp = g.rsrpDbm ?? -80;
  const sinr = g.sinrDb ?? 20;
  if (g.lossRate > 0.05 || delay > 500 || rsrp < -110 || sinr < 0) return 'poor';
  if (g.lossRate > 0.01 || delay > 150 || rsrp < -100 || sinr < 5) return 'fair';
  return 'good';
}
