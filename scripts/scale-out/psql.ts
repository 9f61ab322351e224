import { spawn, spawnSync } from 'node:child_process';

/**
 * The measurement talks to PostgreSQL through the psql client only, so the product gains no pg
 * driver (docs/scale-out.md: no second engine yet). The connection comes from the usual PG*
 * variables; the defaults are the private loopback cluster the doc starts (port 55432, socket dir
 * /tmp/pg-scale-out).
 */
export function pgEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PGHOST: process.env.PGHOST ?? '/tmp/pg-scale-out',
    PGPORT: process.env.PGPORT ?? '55432',
    PGUSER: process.env.PGUSER ?? 'dscrm',
    PGDATABASE: process.env.PGDATABASE ?? 'dscrm',
  };
}

/** Runs SQL text (or a file with `-f`) through psql; throws with psql's own message on an error. */
export function psql(args: string[], input?: string): string {
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', ...args], { env: pgEnv(), input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr.trim()}`);
  return r.stdout;
}

/** Values as one CSV line (COPY's csv format: empty unquoted = NULL, every text quoted). */
export function csvLine(values: unknown[]): string {
  return (
    values
      .map((v) => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'number' || typeof v === 'bigint') return String(v);
        return `"${String(v).replace(/"/g, '""')}"`;
      })
      .join(',') + '\n'
  );
}

/** Streams rows into `COPY table (cols) FROM STDIN (FORMAT csv)`, waiting on psql when its pipe is full. */
export async function copyInto(table: string, cols: string[], rows: Iterable<unknown[]>): Promise<number> {
  const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `COPY ${table} (${cols.join(', ')}) FROM STDIN WITH (FORMAT csv)`], {
    env: pgEnv(),
    stdio: ['pipe', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let n = 0;
  let buf = '';
  for (const r of rows) {
    buf += csvLine(r);
    n++;
    if (buf.length > 1 << 20) {
      if (!child.stdin.write(buf)) await new Promise((res) => child.stdin.once('drain', res));
      buf = '';
    }
  }
  child.stdin.end(buf);
  const code = await done;
  if (code !== 0) throw new Error(`COPY ${table} failed: ${stderr.trim()}`);
  return n;
}
