import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/** How long a picked folder may be written to: long enough to export a handful of recordings. */
const GRANT_TTL_MS = 15 * 60_000;
const MAX_GRANTS = 100;

/**
 * Folders a user picked with the host's own folder dialog (Electron main), handed to the renderer
 * as an opaque grant. An export writes only into a granted folder of the same session: a path typed
 * into an API call (a script on the page, a client on the LAN) is never a target, so nothing can
 * write `../../` or probe which folders exist. The web host has no dialog, so it grants nothing and
 * its exports are downloads.
 */
export class FolderGrants {
  private grants = new Map<string, { tokenHash: string; dir: string; until: number }>();

  constructor(private readonly clock: Clock) {}

  grant(tokenHash: string, dir: string): string {
    const now = this.clock.now();
    for (const [id, g] of this.grants) if (g.until <= now) this.grants.delete(id);
    while (this.grants.size >= MAX_GRANTS) this.grants.delete(this.grants.keys().next().value!);
    const id = randomBytes(16).toString('base64url');
    this.grants.set(id, { tokenHash, dir, until: now + GRANT_TTL_MS });
    return id;
  }

  /** The folder behind a grant of this session, or null (unknown, expired, another session's). */
  folder(tokenHash: string, id: string): string | null {
    const g = this.grants.get(id);
    if (!g || g.tokenHash !== tokenHash || g.until <= this.clock.now()) return null;
    return g.dir;
  }
}
