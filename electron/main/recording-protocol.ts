/**
 * Recordings in the desktop app. The renderer is loaded from a file: URL, so the player's
 * `/media/recordings/<id>` (served by the web host over HTTP) resolves to file:///media/recordings/<id>
 * (file:///C:/media/… on Windows, where the page's drive is kept). The main process answers those
 * requests from the core, with the window's session, exactly as the web host does (recordingReply);
 * every other file: request goes to Electron's own file loader. No `electron` import here: the
 * main-bundle test and plain Node run it.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Core } from '../node/core';
import { recordingReply } from '../node/features/telephony/playback-route';

const FILE_RECORDING = /^\/(?:[A-Za-z]:\/)?(media\/recordings\/\d+)$/;

/** The '/media/recordings/<id>?…' a file: URL asks for, or null when it is any other file. */
export function recordingPathOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'file:' || u.host !== '') return null;
  const m = FILE_RECORDING.exec(u.pathname);
  return m ? `/${m[1]}${u.search}` : null;
}

/** A web Response for a recording request (null: not a recording, let Electron load the file). */
export function recordingResponse(core: Core, token: string | null, request: Request): Response | null {
  const p = recordingPathOf(request.url);
  if (p === null) return null;
  const r = recordingReply(core, token, p, request.method, request.headers.get('range') ?? undefined);
  const body = r.body ? (Readable.toWeb(fs.createReadStream(r.body.file, { start: r.body.start, end: r.body.end })) as ReadableStream<Uint8Array>) : null;
  return new Response(body, { status: r.status, headers: r.headers });
}
