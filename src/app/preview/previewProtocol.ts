/** What the page asks the preview worker: one plan, run on one site from `startTime`. */
export interface PreviewRequest {
  configText: string;
  planText: string;
  /** ms since the Unix epoch. */
  startTime: number;
}

export type PreviewReply =
  | { type: 'progress'; fraction: number; simulatedHours: number }
  | { type: 'done'; file: File; hours: number; messages: number; seconds: number }
  | { type: 'error'; message: string };
