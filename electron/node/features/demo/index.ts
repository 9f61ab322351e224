/**
 * The demo feature's public surface: the deterministic demo data set and its users' password, which
 * tests and the seed script build on (tests/architecture.test.ts refuses imports into demo's other files).
 */
export { DEMO_PASSWORD, seedDemo } from './seed';
