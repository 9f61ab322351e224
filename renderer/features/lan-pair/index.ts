/**
 * The LAN pairing feature's public surface (tests/architecture.test.ts): the browser's pairing page
 * and the checks of its fields, which seat mode's first-start page uses too.
 */
export { BrowserPairPage } from './BrowserPairPage';
export { hasPairingFieldErrors, pairingFieldErrors } from './pairing-fields';
