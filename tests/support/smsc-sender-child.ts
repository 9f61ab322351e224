/**
 * A sending process for the kill test: opens the data folder (the outbox recovers what a killed
 * predecessor left in flight), binds to the SMSC simulator and sends until every batch is done,
 * then prints "done" and exits. Usage: tsx smsc-sender-child.ts <dataDir> <smscPort>
 */
import { createCore } from '../../electron/node/core';
import { SmppChannel } from '../../electron/node/features/sms/smpp-channel';

const [dataDir, port] = process.argv.slice(2);
const core = await createCore({ dataDir: dataDir!, bootstrapAdmin: false });
const sms = core.services.sms;
process.stdout.write(`recovered ${sms.recovered}\n`);
const channel = new SmppChannel({ host: '127.0.0.1', port: Number(port), systemId: 'dscrm', password: 'secret12', reconnectMinMs: 50 });
await sms.attach(channel, { window: 20, ratePerSecond: 100_000 });
const timer = setInterval(() => {
  const open = core.sqlite.prepare(`SELECT count(*) AS n FROM sms_messages WHERE status IN ('queued', 'submitting')`).get() as { n: number };
  if (open.n === 0) {
    clearInterval(timer);
    void sms.stop().then(() => {
      core.close();
      process.stdout.write('done\n');
      process.exit(0);
    });
  }
}, 50);
