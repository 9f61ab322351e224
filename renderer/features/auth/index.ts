/**
 * The auth feature's public surface for the screens (tests/architecture.test.ts refuses imports
 * into auth's other files): the signed-in user's session, and the frame of the pre-login pages
 * that LAN pairing and seat mode share. Both already sit in the entry chunk (the login page), so
 * going through this file loads nothing more.
 */
export { useSessionInfo } from './session';
export { AuthLayout } from './AuthLayout';
