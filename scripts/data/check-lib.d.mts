/** Types of check-lib.mjs (see its header). */
export interface StageStats {
  stage: string;
  total: number;
  hhi: number;
  shares: Record<string, number>;
  nodes: number;
  withFlow: number;
}
export interface SectorStats {
  sector: string;
  total: number;
  byCountry: Record<string, number>;
  sinks: string[];
  delivered: boolean;
}
export interface DatasetCheck {
  problems: string[];
  nodes: Map<string, Record<string, unknown>>;
  inFlow: Map<string, number>;
  outFlow: Map<string, number>;
  materials: Map<string, { edges: number; flow: number }>;
  stages: StageStats[];
  sectors: SectorStats[];
  imbalances: { node: string; in: number; out: number }[];
}
export declare const STAGES: readonly string[];
export declare const IMBALANCE_TOLERANCE: number;
export declare function isUnconsumed(attributes: Record<string, unknown>): boolean;
export declare function checkDataset(graph: unknown): DatasetCheck;
