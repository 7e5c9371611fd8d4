/**
 * Scenario warnings name nodes by key (`activated but left out (...): gl-mine, se-sep`);
 * the page shows each key that stands alone in a list as `label (key)`. Pure.
 */
export function readableWarning(text: string, labels: ReadonlyMap<string, string>): string {
  return text
    .split(/(, |: )/)
    .map((part) => {
      const label = labels.get(part);
      return label !== undefined && label !== part ? `${label} (${part})` : part;
    })
    .join('');
}
