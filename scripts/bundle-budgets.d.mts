// Types of scripts/bundle-budgets.mjs, for the test that imports it.
export interface BundleEntry {
  readonly name: string;
  readonly contents: string;
  readonly budget: number | null;
}
export interface BundleMeasurement {
  name: string;
  budget: number | null;
  minified: number;
  gzip: number;
  code: string;
  inputs: string[];
  analysis?: string;
}
export const ROOT: string;
export const DEFAULT_WORK_DIR: string;
export const SINGLE_NAME_BUDGET: number;
export const BUNDLE_ENTRIES: readonly BundleEntry[];
export function buildPackage(workDir?: string): Promise<{ packageDir: string; rebuilt: boolean }>;
export function measureEntry(entry: BundleEntry, options?: { workDir?: string; analyze?: boolean }): Promise<BundleMeasurement>;
export function measureBundles(options?: { workDir?: string; analyze?: boolean }): Promise<{ rebuilt: boolean; results: BundleMeasurement[] }>;
export function overBudget<T extends { budget: number | null; minified: number }>(results: readonly T[]): T[];
