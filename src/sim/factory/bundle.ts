/** A bundle of cut pieces travelling a line, and the operations it has been through. */
export interface Bundle {
  id: string;
  lineId: string;
  pieces: number;
  /** Operation ids done, in the order they were done. */
  done: string[];
  /** Index in the line's operations of the first one it was to do here. */
  enteredAt: number;
}
