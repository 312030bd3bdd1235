import type { FieldValue } from '../../config/schema';
import { AssetReporter } from '../core/assetReporter';
import type { SimKernel } from '../core/simKernel';
import type { BoxSite } from './terminalSite';

/** A box as the terminal operating system knows it now. */
export interface BoxState {
  id: string;
  size: 20 | 40;
  position: [number, number, number];
  headingDeg: number;
  fields: Record<string, FieldValue>;
}

/**
 * Every box on the terminal and aboard, and its reports through the TOS gateway. A box at rest is
 * not reported (a TOS publishes moves, not its whole inventory every few seconds); the first time
 * a box changes, all its fields go out, then only what changes.
 */
export class ContainerBook {
  private readonly states = new Map<string, BoxState>();
  private readonly reporters = new Map<string, AssetReporter>();
  private readonly types: Map<string, string>;

  constructor(
    private readonly kernel: SimKernel,
    boxes: ReadonlyMap<string, BoxSite>,
    private readonly gatewayOf: (id: string) => string | undefined,
  ) {
    for (const [id, b] of boxes)
      this.states.set(id, {
        id,
        size: b.size,
        position: [...b.position],
        headingDeg: b.headingDeg,
        fields: b.fields,
      });
    this.types = new Map([...boxes].map(([id, b]) => [id, b.asset.type]));
  }

  get(id: string): BoxState {
    const s = this.states.get(id);
    if (!s) throw new Error(`unknown container ${id}`);
    return s;
  }

  has(id: string): boolean {
    return this.states.has(id);
  }

  all(): IterableIterator<BoxState> {
    return this.states.values();
  }

  /** Moves a box and reports it (with any field changes) now. */
  update(
    id: string,
    position: readonly [number, number, number],
    headingDeg: number,
    fields?: Record<string, FieldValue>,
  ): void {
    const s = this.get(id);
    s.position[0] = position[0];
    s.position[1] = position[1];
    s.position[2] = position[2];
    s.headingDeg = headingDeg;
    if (fields) Object.assign(s.fields, fields);
    const reporter = this.reporter(s);
    if (!reporter) return;
    if (fields) Object.assign(reporter.fields, fields);
    reporter.moveTo(s.position[0], s.position[1], s.position[2], headingDeg);
    reporter.sample();
  }

  private reporter(s: BoxState): AssetReporter | undefined {
    let r = this.reporters.get(s.id);
    if (r) return r;
    const gateway = this.gatewayOf(s.id);
    if (!gateway) return undefined;
    r = new AssetReporter(
      this.kernel,
      { id: s.id, type: this.types.get(s.id) ?? 'container', gateway, heartbeat: false },
      // The first report carries the box as it was before this change, overwritten below.
      { ...s.fields },
      { position: s.position, headingDeg: s.headingDeg },
    );
    this.reporters.set(s.id, r);
    return r;
  }
}
