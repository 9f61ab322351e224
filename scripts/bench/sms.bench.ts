import { createCore } from '../../electron/node/core';
import { SmsService } from '../../electron/node/features/sms/service';
import { SmppChannel } from '../../electron/node/features/sms/smpp-channel';
import { startSmsc } from '../../tests/support/smsc';
import { runKillScenario } from '../../tests/support/smsc-kill';
import { tempDir } from '../../tests/support/core';
import { log, round, type Metric } from './stats';

const N = 10_000;

/**
 * sms.smpp_10k.msg_per_s: 10,000 Chinese single-part messages from the outbox through the SMPP
 * channel to the SMSC simulator on loopback (window 50, no rate limit), from the first claim until
 * the gateway accepted the last one; every state change is a committed row, as in production.
 * sms.duplicates_after_kill: messages the SMSC received twice after the sender was SIGKILLed
 * mid-batch and restarted (must be 0).
 */
export async function benchSms(): Promise<Metric[]> {
  const dir = tempDir('dscrm-bench-sms-');
  const smsc = await startSmsc();
  const core = await createCore({ dataDir: dir, bootstrapAdmin: false });
  const sms = new SmsService(core);
  try {
    const batchId = sms.outbox.createBatch({
      createdBy: null, templateId: null, body: 'bench', channel: 'smpp', scheduledAt: null,
      leftOut: { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 },
      messages: Array.from({ length: N }, (_, i) => ({ customerId: null, number: `86139${String(i).padStart(8, '0')}`, text: `尊敬的客户您好,您的爱车保养将于本月到期 #${i}`, parts: 1 })),
    });
    const channel = new SmppChannel({ host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12' });
    const t0 = performance.now();
    await sms.attach(channel, { window: 50, ratePerSecond: 1_000_000 });
    for (;;) {
      const p = sms.progress(batchId);
      if (p.queued + p.submitting === 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const seconds = (performance.now() - t0) / 1000;
    const p = sms.progress(batchId);
    if (p.failed + p.unknown > 0 || smsc.received.length !== N) throw new Error(`sms bench: ${JSON.stringify(p)}, SMSC received ${smsc.received.length}`);
    log(`sms: ${N} messages in ${seconds.toFixed(2)} s`);
    await sms.stop();
    const kill = await runKillScenario(3000, 800);
    log(`sms kill: ${JSON.stringify(kill)}`);
    return [
      { name: 'sms.smpp_10k.msg_per_s', value: round(N / seconds, 1), unit: 'msg/s', baseline: null, goal: '>= 300' },
      { name: 'sms.duplicates_after_kill', value: kill.duplicates + kill.lost + kill.sentButMissing, unit: 'messages', baseline: null, goal: '= 0' },
    ];
  } finally {
    await sms.stop();
    core.close();
    await smsc.close();
  }
}
