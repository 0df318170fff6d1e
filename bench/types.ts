/** One figure a bench file reports. `target` is an upper bound unless `isHigherBetter`. */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  target?: number;
  isHigherBetter?: boolean;
  /** A reference figure measured in the same run (e.g. the bare browser API); printed as value / reference. */
  reference?: number;
  note?: string;
};

/** What every bench/*.bench.ts exports. */
export type BenchModule = { run: () => Promise<BenchResult[]> };
