import type { AssetConfig, FieldValue } from '../../config/schema';
import { randomInt, uniform, type Random } from '../../lib/random';
import { AssetReporter } from '../core/assetReporter';
import type { SimKernel } from '../core/simKernel';

/** Cut bundles kept ready at most; the cutters pause above it. */
const CUT_STOCK_MAX = 24;
const MINUTE = 60_000;

/**
 * The cutting room and the pressing line: automatic cutters spread a lay, cut it and bundle the
 * pieces (a few bundles per lay) into a stock AGVs take from; steam presses finish the pieces
 * AGVs bring from the lines. Both report status changes and counters — a slower rhythm than the
 * sewing floor.
 */
export class CuttingRoom {
  stock = 0;
  private readonly tables: AssetReporter[];
  private readonly waiting = new Set<AssetReporter>();

  constructor(
    private readonly kernel: SimKernel,
    tables: readonly { asset: AssetConfig; fields: Record<string, FieldValue>; gateway: string }[],
    private readonly random: Random,
    initialStock: number,
    private readonly onStock: () => void,
  ) {
    this.stock = initialStock;
    this.tables = tables.map(
      (t) =>
        new AssetReporter(
          kernel,
          { id: t.asset.id, type: t.asset.type, gateway: t.gateway, heartbeat: true },
          { ...t.fields, status: 'idle', bundles: 0 },
          undefined,
        ),
    );
  }

  get reporters(): readonly AssetReporter[] {
    return this.tables;
  }

  start(): void {
    this.tables.forEach((t, i) => this.kernel.after(1000 + i * 4 * MINUTE, () => this.lay(t)));
  }

  /** Takes up to `n` bundles from the stock; returns how many. */
  take(n: number): number {
    const got = Math.min(n, this.stock);
    this.stock -= got;
    if (this.stock < CUT_STOCK_MAX)
      for (const t of [...this.waiting]) {
        this.waiting.delete(t);
        this.lay(t);
      }
    return got;
  }

  private lay(t: AssetReporter): void {
    if (this.stock >= CUT_STOCK_MAX) {
      this.waiting.add(t);
      t.fields.status = 'idle';
      t.sample();
      return;
    }
    const set = (fields: Record<string, FieldValue>): void => {
      Object.assign(t.fields, fields);
      t.sample();
    };
    set({ status: 'spreading', plies: randomInt(this.random, 40, 90) });
    this.kernel.after(uniform(this.random, 8, 12) * MINUTE, () => {
      set({ status: 'cutting' });
      this.kernel.after(uniform(this.random, 5, 8) * MINUTE, () => {
        set({ status: 'bundling' });
        this.kernel.after(3 * MINUTE, () => {
          const cut = randomInt(this.random, 4, 6);
          this.stock += cut;
          set({ bundles: Number(t.fields.bundles ?? 0) + cut });
          this.onStock();
          this.lay(t);
        });
      });
    });
  }
}

export class PressingLine {
  /** Pieces waiting to be pressed. */
  waiting = 0;
  pressed = 0;
  private readonly presses: AssetReporter[];
  private readonly idle: AssetReporter[] = [];

  constructor(
    private readonly kernel: SimKernel,
    presses: readonly { asset: AssetConfig; fields: Record<string, FieldValue>; gateway: string }[],
    private readonly random: Random,
  ) {
    this.presses = presses.map(
      (p) =>
        new AssetReporter(
          kernel,
          { id: p.asset.id, type: p.asset.type, gateway: p.gateway, heartbeat: true },
          { ...p.fields, status: 'idle', pieces: 0 },
          undefined,
        ),
    );
    this.idle.push(...this.presses);
  }

  get reporters(): readonly AssetReporter[] {
    return this.presses;
  }

  deliver(pieces: number): void {
    this.waiting += pieces;
    while (this.waiting > 0 && this.idle.length > 0) this.press(this.idle.shift() as AssetReporter);
  }

  private press(p: AssetReporter): void {
    if (this.waiting === 0) {
      p.fields.status = 'idle';
      p.sample();
      this.idle.push(p);
      return;
    }
    this.waiting--;
    p.fields.status = 'pressing';
    p.fields.steamTemp = randomInt(this.random, 152, 164);
    p.sample();
    this.kernel.after(uniform(this.random, 35, 55) * 1000, () => {
      p.fields.pieces = Number(p.fields.pieces ?? 0) + 1;
      this.pressed++;
      this.press(p);
    });
  }
}
