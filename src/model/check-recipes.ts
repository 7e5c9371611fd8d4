/**
 * Recipe and demand rules that span elements (docs/format.md, "Recipes"): every input
 * material of a recipe arrives on some in-edge of its node and every output material
 * leaves on some out-edge (a material is an edge's `material`, "" without one; edges of
 * planned projects count); recipe names are unique per node; a sink (in-edges, no
 * out-edge) has no `outputs`, and only a sink has a `demand`.
 *
 * Incremental, for the element-by-element loader: only nodes that carry `recipes` or
 * `demand` are watched, so a graph without them costs one Map lookup per edge end.
 */
import type { ProblemList } from './errors.js';
import type { NodeAttributes } from './schema.js';

interface Watched {
  attributes: NodeAttributes;
  ins: Set<string>;
  outs: Set<string>;
}

const quoted = (names: Iterable<string>) => [...names].map((m) => JSON.stringify(m)).join(', ') || 'none';

export interface RecipeCheck {
  /** An accepted node. */
  node(key: string, attributes: NodeAttributes): void;
  /** An accepted edge. */
  edge(source: string, target: string, material: string | undefined): void;
  /** Adds the problems found to `problems`. */
  report(problems: ProblemList): void;
}

export function createRecipeCheck(): RecipeCheck {
  const watched = new Map<string, Watched>();
  return {
    node(key, attributes) {
      if (attributes.recipes !== undefined || attributes.demand !== undefined) watched.set(key, { attributes, ins: new Set(), outs: new Set() });
    },
    edge(source, target, material) {
      if (watched.size === 0) return;
      watched.get(source)?.outs.add(material ?? '');
      watched.get(target)?.ins.add(material ?? '');
    },
    report(problems) {
      for (const [key, { attributes: a, ins, outs }] of watched) {
        const element = `node "${key}"`;
        const sink = ins.size > 0 && outs.size === 0;
        if (a.demand !== undefined && !sink) problems.add(element, 'demand: only a sink (a node with in-edges and no out-edge) has a demand');
        const names = new Set<string>();
        (a.recipes ?? []).forEach((recipe, i) => {
          const where = `recipes[${i}] ("${recipe.name}")`;
          if (names.has(recipe.name)) problems.add(element, `${where}: duplicate recipe name`);
          names.add(recipe.name);
          for (const material of Object.keys(recipe.inputs)) {
            if (!ins.has(material)) problems.add(element, `${where}: input "${material}" arrives on no in-edge of this node (in-edge materials: ${quoted(ins)})`);
          }
          if (recipe.outputs && sink) problems.add(element, `${where}: outputs on a sink (a node with no out-edge yields nothing)`);
          else {
            for (const material of Object.keys(recipe.outputs ?? {})) {
              if (!outs.has(material)) problems.add(element, `${where}: output "${material}" leaves on no out-edge of this node (out-edge materials: ${quoted(outs)})`);
            }
          }
        });
      }
    },
  };
}
