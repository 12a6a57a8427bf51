import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, hashPlan, sha256Hex } from './plan-hash';
import { planBuilder } from './plan-builder';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes the UTF-8 bytes, at every padding boundary, like Node’s crypto', () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000])
      expect(sha256Hex('a'.repeat(length))).toBe(nodeSha256('a'.repeat(length)));
    expect(sha256Hex('一窗通办')).toBe(nodeSha256('一窗通办'));
    // A lone surrogate becomes U+FFFD in both encoders.
    expect(sha256Hex('lone \ud800 surrogate')).toBe(nodeSha256('lone \ud800 surrogate'));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        (text) => sha256Hex(text) === nodeSha256(text),
      ),
    );
  });
});

describe('hashPlan', () => {
  it('keeps the value recorded before the switch to @noble/hashes (replayed histories pin it)', () => {
    const pinned = {
      key: 'demo',
      nodes: [{ id: 'accept', type: 'accept' }],
      name: '开办餐饮店',
      limit: { value: 20, unit: 'working_days' },
    };
    expect(`sha256:${sha256Hex(canonicalJson(pinned))}`).toBe(
      'sha256:3581632095c98445dd23119f66b011842037f758d8cef31f30afe7dcc869198c',
    );
  });

  it('is sha256 over the canonical JSON of the plan', () => {
    const plan = planBuilder('seq').accept().issue().build();
    expect(hashPlan(plan)).toBe(`sha256:${nodeSha256(canonicalJson(plan))}`);
  });
});

describe('canonicalJson', () => {
  /** The recursive definition canonicalJson had: pinned plan hashes were made with it. */
  const recursive = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(recursive).join(',')}]`;
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${recursive(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
  };

  it('gives the same text as the recursive definition, keys sorted', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: undefined, e: {} })).toBe(
      '{"b":[1,{"c":"x","d":null}],"e":{}}',
    );
    expect(canonicalJson([undefined, () => 1, { f: () => 1 }])).toBe(
      recursive([undefined, () => 1, { f: () => 1 }]),
    );
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === recursive(value)));
    fc.assert(fc.property(fc.anything(), (value) => canonicalJson(value) === recursive(value)));
  });

  it('serialises input nested 100,000 levels deep (no stack overflow)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { k: deep } : [deep];
    expect(() => recursive(deep)).toThrow(RangeError);
    const text = canonicalJson(deep);
    expect(text.startsWith('{"k":[{"k":[')).toBe(true);
    // 50,000 arrays ([…]: 2 characters each), 50,000 objects ({"k":…}: 6 each), the leaf "leaf".
    expect(text.length).toBe(50_000 * 2 + 50_000 * 6 + 6);
    expect(text.indexOf('"leaf"')).toBe(50_000 * 1 + 50_000 * 5);
  });
});
