import https from 'node:https';

/** GET /lan/hello on a LAN listener, trusting only `ca` (the host's own certificate): its status and fingerprint. */
export const lanHello = (port: number, ca: string) =>
  new Promise<{ status: number; fingerprint: string }>((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: '/lan/hello', ca, servername: 'localhost', agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint: (JSON.parse(body) as { fingerprint: string }).fingerprint }));
      })
      .on('error', reject);
  });
