import { expect, it } from 'vitest';
import { sha256Hex } from './sha256';

// Digests from node:crypto (which this file may not import: electron/common runs in the renderer),
// chosen to cross the padding boundaries (55/56/64 bytes), several blocks, and non-ASCII text.
const VECTORS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['客服经理 csmanager', 'eab523b9b904e8fe1e5ce3bba7b8cb8f7c9db0af62ebf699a41b7d59476e8bc0'],
  ['x'.repeat(55), 'd5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072'],
  ['x'.repeat(56), '04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e'],
  ['x'.repeat(64), '7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c'],
  ['y'.repeat(1000), '7e33ae3f1e88ddf3291109cc366b12dcd8bf8fe77bec53009f200a76e4649c07'],
];

it('agrees with node:crypto, across the padding boundaries and for non-ASCII text', () => {
  for (const [text, digest] of VECTORS) expect(sha256Hex(text)).toBe(digest);
});
