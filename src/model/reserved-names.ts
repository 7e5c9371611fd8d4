/**
 * Names that cannot be node keys, edge keys, stage names, attribute names or country
 * codes: those of `Object.prototype` (`__proto__`, `constructor`, `toString`, ...) and
 * `prototype`. graphology keeps each node's neighbours in plain objects keyed by node key,
 * and results are plain `{key: value}` records, so such a key would be read as the
 * inherited property: an edge to a node called `constructor` "already exists", and
 * `__proto__` silently changes an object's prototype (or, in an attributes object, is
 * dropped with its value). They are refused here and in every importer. Pure.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** True for a name that cannot be a node key, edge key or stage (see the module comment). */
export function isReservedKey(name: string): boolean {
  return RESERVED_KEYS.has(name);
}

/** The problem message for a reserved name: `what` is `key`, `edge key`, `stage`, `attribute`, ... */
export const reservedMessage = (what: string, name: string): string => `${what} "${name}" is reserved (a built-in property name of JavaScript objects); rename it`;
