import { describe, expect, it } from 'vitest';
import { attributeType, inferType, parseStrictNumber, scalarText, toScalar } from '../../src/formats/attribute-types.js';

describe('inferType', () => {
  it('picks the narrowest type holding every value', () => {
    expect(inferType([true, false])).toBe('boolean');
    expect(inferType([0, 1, -5])).toBe('int');
    expect(inferType([1, 2 ** 31])).toBe('long');
    expect(inferType([1, 2.5])).toBe('double');
    expect(inferType([1, 'a'])).toBe('string');
    expect(inferType([])).toBe('string');
  });
});

describe('attributeType', () => {
  it('keeps the fixed type of known attributes and infers the rest', () => {
    expect(attributeType('node', 'betweenness', [0, 0])).toBe('double');
    expect(attributeType('edge', 'capacity', [5, 12])).toBe('double');
    expect(attributeType('node', 'startYear', [2030])).toBe('int');
    expect(attributeType('node', 'modularity', [0, 1])).toBe('int');
    expect(attributeType('node', 'capacity', ['n/a'])).toBe('string'); // values that do not fit the known type
  });
});

describe('toScalar', () => {
  it('keeps scalars and infinities (an unlimited capacity, written "inf"), drops absent and NaN values, writes the rest as JSON', () => {
    expect(toScalar('x')).toBe('x');
    expect(toScalar(false)).toBe(false);
    expect(toScalar(1.5)).toBe(1.5);
    expect(toScalar(Number.NaN)).toBeUndefined();
    expect(toScalar(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(scalarText(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(scalarText(Number.NEGATIVE_INFINITY)).toBe('-inf');
    expect(toScalar(null)).toBeUndefined();
    expect(toScalar(['a', 1])).toBe('["a",1]');
  });
});

describe('parseStrictNumber', () => {
  it('reads plain decimals and exponents only', () => {
    expect(parseStrictNumber('12')).toBe(12);
    expect(parseStrictNumber(' -0.5 ')).toBe(-0.5);
    expect(parseStrictNumber('.5')).toBe(0.5);
    expect(parseStrictNumber('1e-7')).toBe(1e-7);
    for (const text of ['12a', '1,000', '', ' ', '0x10', 'Infinity', 'NaN', '1e999', '1 000', '12 t']) expect(parseStrictNumber(text)).toBeUndefined();
  });
});
