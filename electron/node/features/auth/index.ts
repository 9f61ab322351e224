/**
 * The auth feature's public surface: the caller's session as every handler receives it, the token
 * hash and password hashing (tests/architecture.test.ts refuses imports into auth's other files).
 */
export { hashToken, type AuthService, type SessionChange, type SessionCtx } from './service';
export { hashPassword } from './password';
