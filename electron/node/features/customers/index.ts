/**
 * The customers feature's public surface: what other features may import from it
 * (tests/architecture.test.ts refuses new imports into its other files).
 */
export { birthdayDays } from './birthday-days';
