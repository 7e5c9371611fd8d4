/** Types of build-lib.mjs (see its header). */
export type Row = Record<string, string>;
export type Tables = Record<string, Row[]>;
export declare const TABLES: readonly string[];
export declare const OUTSIDE_PATH: RegExp;
export declare class DatasetBuildError extends Error {}
export declare function readTables(dir: string): Tables;
export declare function buildDataset(tables: Tables): string;
