import { containerId } from './iso6346';
import { pick, randomInt, type Random } from './mulberry32';
import type { ShippingLine } from './shippingLines';

/** Issues unique ISO 6346 ids for a site: random serials, never reused, never check value 10. */
export class ContainerIdIssuer {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  next(line: ShippingLine): string {
    for (;;) {
      const prefix = pick(this.random, line.prefixes);
      const id = containerId(prefix, randomInt(this.random, 0, 999_999));
      if (id !== undefined && !this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }
}
