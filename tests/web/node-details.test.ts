import { describe, expect, it } from 'vitest';
import { originText } from '../../web/src/views/node-details.js';

describe('originText (node panel)', () => {
  it('lists shares largest first, with the untraced rest', () => {
    expect(originText({ AU: 0.4, CN: 0.6 }, 'none')).toBe('CN 60.0%, AU 40.0%');
    expect(originText({ CN: 0.75 }, 'none')).toBe('CN 75.0%, untraced 25.0%');
    expect(originText({}, 'not separated yet')).toBe('not separated yet');
  });
});
