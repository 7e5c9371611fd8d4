/**
 * Supply-chain stages: an ordered vocabulary. A graph may declare its own list in its
 * `stages` attribute; otherwise the default rare-earth chain applies.
 */

/**
 * The default stages, upstream to downstream. refining = oxides to metals, alloys and
 * high-purity compounds; component = polishing powders, sputtering targets, phosphors,
 * motors; manufacturing = chips, drives, vehicles, turbines, weapons.
 */
export const DEFAULT_STAGES = [
  'mining',
  'separation',
  'refining',
  'magnet',
  'component',
  'manufacturing',
  'end-use',
] as const;

/** The ordered stage list in force for a graph with the given attributes. */
export function stagesOf(attributes: { stages?: readonly string[] | undefined }): readonly string[] {
  return attributes.stages && attributes.stages.length > 0 ? attributes.stages : DEFAULT_STAGES;
}
