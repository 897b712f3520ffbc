// How many resource operations the engine runs at once: `--parallel`, whose default is 4 x CPUs
// (pulumi/pulumi#15016), overridden by PULUMI_PARALLEL. Steps beyond it wait for a free slot.
import * as os from "os";

export function defaultParallelism(): number {
  const configured = Number(process.env.PULUMI_PARALLEL);
  return Number.isInteger(configured) && configured > 0 ? configured : 4 * os.cpus().length;
}

/** At most `limit` operations at once; the others queue in arrival order. */
export class StepSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit = defaultParallelism()) {}

  async run<T>(step: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await step();
    } finally {
      // A freed slot passes straight to the next waiting step.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
