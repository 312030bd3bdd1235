/**
 * What the page asks the preview worker: one plan, run on one site from `startTime`; or, with
 * `fromLive`, the site's own plan for the state the config carries (the live twin's), for a few
 * hours.
 */
export interface PreviewRequest {
  configText: string;
  planText?: string;
  /** ms since the Unix epoch. */
  startTime: number;
  fromLive?: { hours: number };
}

export type PreviewReply =
  | { type: 'progress'; fraction: number; simulatedHours: number }
  | { type: 'done'; file: File; hours: number; messages: number; seconds: number }
  | { type: 'error'; message: string };
