/**
 * The softphone against a real SIP server: kamailio from tests/fixtures/kamailio on free loopback
 * ports, two Chromium pages as two extensions (fake microphone), a small demo database.
 * A (extension 1005, presenting a customer's number) calls B (agent, extension 1002); B's card
 * pops, they talk, B holds and resumes, A hangs up; the call log, the recording (length, not
 * silence) and the outcome form are checked. Also: a wrong SIP password, and the server stopped
 * and started again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sippInbound, TEST_CALLER_IDS, TEST_EXTENSIONS } from '../support/kamailio';
import { screenshot } from './support/app';
import { useSeededApp } from './support/seeded';
import { useSoftphoneLab } from './support/softphone';

const env = useSeededApp(300);

const { seat, phonePage: openPhonePage, kamailio } = useSoftphoneLab(env);
const phonePage = (username: string) => openPhonePage(username, { registered: false });

const status = (page: Page) => page.getByTestId('tel-status');

/** Three seats: the customer (1005) calls the agent (1002), who answers; the colleague (1004) is signed in. */
async function customerTalkingToAgent() {
  await seat('service2', '1005');
  await seat('service1', '1002');
  await seat('service4', '1004');
  const customer = await phonePage('service2');
  const agent = await phonePage('service1');
  const colleague = await phonePage('service4');
  for (const p of [customer, agent, colleague]) await p.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor();
  await customer.getByTestId('tel-dialpad-toggle').click();
  await customer.getByTestId('tel-dial-number').fill('1002');
  await customer.getByTestId('tel-dial-call').click();
  await agent.getByTestId('tel-ringing').waitFor();
  await agent.keyboard.press('Alt+a');
  await agent.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
  return { customer, agent, colleague };
}

/** 转接 → 先咨询 to the colleague (1004): the customer's call goes on hold. */
/** The audio energy a page has received so far over all its calls (WebRTC stats): rises while it hears someone. */
function inboundAudioEnergy(page: Page): Promise<number> {
  return page.evaluate(() =>
    (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.reduce(async (sum, pc) => {
      let e = await sum;
      (await pc.getStats()).forEach((r: { type: string; kind?: string; totalAudioEnergy?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') e += r.totalAudioEnergy ?? 0;
      });
      return e;
    }, Promise.resolve(0)),
  );
}

async function consultColleague(agent: Page) {
  await agent.getByTestId('tel-transfer').click();
  await agent.getByTestId('tel-transfer-to').fill('1004');
  await agent.getByTestId('tel-consult').click();
  await agent.locator('[data-testid="tel-call"][data-state="held"]').waitFor();
}

describe('softphone against kamailio (two Chromium pages)', () => {
  it('A calls B: B’s ringing panel names the customer, the card pops, hold / resume, hang-up, outcome, call log and recording', async () => {
    const sqlite = env.core.sqlite;
    const owner = sqlite.prepare("select id from users where username = 'sales1'").pluck().get() as number;
    const customerId = Number(sqlite.prepare("insert into customers (name, owner_id, created_at, updated_at) values ('来电测试客户', ?, 0, 0)").run(owner).lastInsertRowid);
    sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, 'mobile', 1)").run(customerId, TEST_CALLER_IDS['1005'], `86${TEST_CALLER_IDS['1005']}`);
    await seat('service1', '1002');
    await seat('service2', '1005');
    const b = await phonePage('service1');
    const a = await phonePage('service2');
    await status(b).and(b.locator('[data-kind="registered"]')).waitFor();
    await status(a).and(a.locator('[data-kind="registered"]')).waitFor();
    expect(await status(b).textContent()).toContain('已注册 1002');

    // A dials B from the status bar's dial pad.
    await a.getByTestId('tel-dialpad-toggle').click();
    await a.getByTestId('tel-dial-number').fill('1002');
    await a.getByTestId('tel-dial-call').click();
    const ringing = b.getByTestId('tel-ringing');
    await ringing.getByText('来电测试客户').waitFor();
    expect(await ringing.getByTestId('tel-number').textContent()).toBe('138 0013 8005');
    await screenshot(b, 'telephony-ringing');
    await ringing.getByTestId('tel-answer').click();

    // Screen pop on answer: the customer's card opens as a tab.
    const card = b.getByTestId('customer-card');
    await card.locator('.toolbar-title', { hasText: '来电测试客户' }).waitFor();
    const callB = b.getByTestId('tel-call');
    await callB.and(b.locator('[data-state="connected"]')).waitFor();
    await a.getByTestId('tel-call').and(a.locator('[data-state="connected"]')).waitFor();
    await b.waitForTimeout(1500);
    await callB.getByTestId('tel-hold').click();
    await b.locator('[data-testid="tel-call"][data-state="held"]').waitFor();
    await screenshot(b, 'telephony-held');
    await b.waitForTimeout(500);
    await callB.getByTestId('tel-hold').click();
    await b.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    await b.waitForTimeout(1500);

    // A hangs up; B's outcome form has focus and one key picks the outcome.
    await a.getByTestId('tel-hangup').click();
    const outcome = b.getByTestId('tel-outcome');
    await outcome.waitFor();
    expect(await b.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tel-outcome');
    await screenshot(b, 'telephony-outcome');
    await b.keyboard.press('1');
    await outcome.waitFor({ state: 'detached' });

    const rows = sqlite
      // This call's two seats only: the demo's own call history (extensions 8001–8017) is in the table too.
      .prepare("select k.id, k.direction, k.from_number, k.to_number, k.extension, k.customer_id, k.answered_at, k.ended_at, k.outcome from calls k where k.extension in ('1002', '1005') order by k.id")
      .all() as { id: number; direction: string; from_number: string; to_number: string; extension: string; customer_id: number | null; answered_at: number; ended_at: number; outcome: string }[];
    const inbound = rows.find((r) => r.direction === 'inbound')!;
    const outbound = rows.find((r) => r.direction === 'outbound')!;
    expect(inbound).toMatchObject({ from_number: TEST_CALLER_IDS['1005'], to_number: '1002', extension: '1002', customer_id: customerId, outcome: 'done' });
    expect(outbound).toMatchObject({ to_number: '1002', extension: '1005', outcome: 'answered' });
    expect(inbound.answered_at).not.toBeNull();

    // The recording of B's call: a file under the data folder, complete, as long as the call, not silence.
    const rec = await expect
      .poll(() => sqlite.prepare('select id, path, size_bytes, duration_ms, complete from recordings where call_id = ?').get(inbound.id) as { id: number; path: string; size_bytes: number; duration_ms: number; complete: number } | undefined, { timeout: 10_000 })
      .toMatchObject({ complete: 1 })
      .then(() => sqlite.prepare('select id, path, size_bytes, duration_ms, complete from recordings where call_id = ?').get(inbound.id) as { id: number; path: string; size_bytes: number; duration_ms: number; complete: number });
    expect(fs.statSync(path.join(env.core.dataDir, rec.path)).size).toBe(rec.size_bytes);
    const talkMs = inbound.ended_at - inbound.answered_at;
    expect(Math.abs(rec.duration_ms - talkMs)).toBeLessThan(1000);
    const decoded = await b.evaluate(async (id) => {
      const buf = await (await fetch(`/media/recordings/${id}`)).arrayBuffer();
      const audio = await new AudioContext().decodeAudioData(buf);
      const ch = audio.getChannelData(0);
      let sum = 0;
      for (let i = 0; i < ch.length; i++) sum += ch[i]! * ch[i]!;
      return { durationS: audio.duration, rms: Math.sqrt(sum / ch.length) };
    }, rec.id);
    expect(Math.abs(decoded.durationS * 1000 - talkMs)).toBeLessThan(1000);
    expect(decoded.rms).toBeGreaterThan(0.01);
    await a.context().close();
    await b.context().close();
  });

  it('a wrong SIP password says so in the status bar; the server stopped mid-session shows unreachable and registers again when it is back', async () => {
    await seat('service3', '1003', 'not-the-password');
    const c = await phonePage('service3');
    await c.locator('[data-testid="tel-status"][data-reason="wrongPassword"]').waitFor();
    expect(await status(c).textContent()).toContain('SIP 密码错误');
    await screenshot(c, 'telephony-wrong-password');
    await c.context().close();

    await seat('service4', '1004');
    const d = await phonePage('service4');
    await d.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor();
    await kamailio().stop();
    await d.locator('[data-testid="tel-status"][data-reason="unreachable"]').waitFor();
    expect(await status(d).textContent()).toContain('无法连接 SIP 服务器');
    await kamailio().start();
    await d.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor({ timeout: 40_000 });
    await d.context().close();
  }, 90_000);

  it('sipp places an inbound call with a seeded customer’s number (+86 form): the card pops on ring; declining is logged', async () => {
    const sqlite = env.core.sqlite;
    const owner = sqlite.prepare("select id from users where username = 'sales2'").pluck().get() as number;
    const customerId = Number(sqlite.prepare("insert into customers (name, owner_id, created_at, updated_at) values ('外线来电客户', ?, 0, 0)").run(owner).lastInsertRowid);
    sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, '139 0013 9001', '8613900139001', 'mobile', 1)").run(customerId);
    await seat('csmanager', '1006', TEST_EXTENSIONS['1006'], { popOn: 'ring' });
    const p = await phonePage('csmanager');
    await p.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor();
    const api: string[] = [];
    p.on('request', (r) => {
      const m = new URL(r.url()).pathname.match(/^\/api\/(.+)$/);
      if (m) api.push(m[1]!);
    });
    for (let i = 0; i < 3; i++) {
      const sipp = sippInbound(kamailio(), '+8613900139001', '1006');
      const ringing = p.getByTestId('tel-ringing');
      await ringing.getByText('外线来电客户').waitFor();
      // Screen pop on ring: the card is open while it still rings.
      await p.getByTestId('customer-card').locator('.toolbar-title', { hasText: '外线来电客户' }).waitFor();
      if (i === 0) {
        await screenshot(p, 'telephony-pop-on-ring');
        // One round trip names the caller (telephony.call.start also looks them up), and the card's
        // data is requested once, as its tab opens (not again when the card mounts).
        expect(api.filter((m) => ['telephony.lookup', 'telephony.call.start', 'customers.get'].includes(m))).toEqual(['telephony.call.start', 'customers.get']);
      }
      await ringing.getByTestId('tel-decline').click();
      const done = await sipp;
      expect(done.code, done.output.slice(-2000)).toBe(0);
      await ringing.waitFor({ state: 'detached' });
    }
    // A withheld caller ID: an unknown caller, no card.
    const withheld = sippInbound(kamailio(), 'anonymous', '1006');
    const ringing = p.getByTestId('tel-ringing');
    await ringing.getByText('号码已隐藏').waitFor();
    expect(await ringing.getByTestId('tel-unknown').textContent()).toBe('未知来电');
    await ringing.getByTestId('tel-decline').click();
    expect((await withheld).code).toBe(0);
    const rows = await expect
      .poll(() => sqlite.prepare("select customer_id, from_number, outcome, answered_at from calls where extension = '1006' and from_number <> 'anonymous' and ended_at is not null").all(), { timeout: 5000 })
      .toHaveLength(3)
      .then(() => sqlite.prepare("select customer_id, from_number, outcome, answered_at from calls where extension = '1006' and from_number <> 'anonymous'").all());
    expect(rows[0]).toEqual({ customer_id: customerId, from_number: '+8613900139001', outcome: 'declined', answered_at: null });
    await p.context().close();
  }, 90_000);

  it('blind transfer: A calls B, A transfers B to C; C rings with B’s extension, answers, and A’s call is over', async () => {
    // A (1005) calls B (1002), who answers with the hotkey; C is 1004.
    const { customer: a, agent: b, colleague: c } = await customerTalkingToAgent();
    await a.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    await a.getByTestId('tel-transfer').click();
    await a.getByTestId('tel-transfer-to').fill('1004');
    await a.getByTestId('tel-transfer-to').press('Enter');
    const ringingC = c.getByTestId('tel-ringing');
    await ringingC.waitFor();
    expect(await ringingC.getByTestId('tel-number').textContent()).toBe('1002');
    await ringingC.getByTestId('tel-answer').click();
    await c.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    await a.getByTestId('tel-call').waitFor({ state: 'detached' });
    await c.keyboard.press('Alt+h'); // C hangs up with the hotkey
    await b.getByTestId('tel-outcome').waitFor();
    const rows = env.core.sqlite.prepare("select direction, extension, to_number from calls where extension in ('1002', '1004') order by id desc limit 2").all();
    expect(rows).toEqual(expect.arrayContaining([{ direction: 'outbound', extension: '1002', to_number: '1004' }, { direction: 'inbound', extension: '1004', to_number: '1004' }]));
    for (const p of [a, b, c]) await p.context().close();
  }, 90_000);

  it('consult transfer: the customer on hold while the agent talks to a colleague; cancelled, the customer is back; completed, the customer is handed over (REFER with Replaces) and the agent leaves', async () => {
    const { customer, agent, colleague } = await customerTalkingToAgent();
    // 转接 → 先咨询, then 取消转接 while it rings: the customer is back, off hold.
    await consultColleague(agent);
    await colleague.getByTestId('tel-ringing').waitFor();
    await agent.getByTestId('tel-cancel-consult').click();
    await colleague.getByTestId('tel-ringing').waitFor({ state: 'detached' });
    await expect.poll(() => agent.locator('[data-testid="tel-call"][data-state="connected"]').count()).toBe(1);
    expect(await agent.getByTestId('tel-call').count()).toBe(1);
    // Again, and this time the colleague answers: the customer goes on hold meanwhile.
    await consultColleague(agent);
    await colleague.getByTestId('tel-ringing').getByTestId('tel-answer').click();
    const consultation = agent.locator('[data-testid="tel-call"][data-state="connected"]');
    await consultation.getByTestId('tel-complete').waitFor();
    await screenshot(agent, 'telephony-consult');
    await consultation.getByTestId('tel-complete').click();
    // The agent is out of both calls; the customer and the colleague talk.
    await expect.poll(() => agent.getByTestId('tel-call').count(), { timeout: 15_000 }).toBe(0);
    await customer.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    await expect.poll(() => colleague.locator('[data-testid="tel-call"][data-state="connected"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await colleague.getByTestId('tel-call').count()).toBe(1);
    await colleague.keyboard.press('Alt+h');
    await expect.poll(() => customer.getByTestId('tel-call').count(), { timeout: 15_000 }).toBe(0);
    for (const p of [customer, agent, colleague]) await p.context().close();
  }, 90_000);

  it('three-way call: each party is sent a mix; the customer hears the colleague through it with the agent muted; a party held and taken back hears again; the colleague leaving leaves a two-way call', async () => {
    const { customer, agent, colleague } = await customerTalkingToAgent();
    await consultColleague(agent);
    await colleague.getByTestId('tel-ringing').getByTestId('tel-answer').click();
    const consultation = agent.locator('[data-testid="tel-call"][data-state="connected"]');
    await consultation.getByTestId('tel-conference').click();
    await expect.poll(() => agent.getByTestId('tel-in-conference').count()).toBe(2);
    expect(await agent.locator('[data-testid="tel-call"][data-state="connected"]').count()).toBe(2);
    // Each call is sent a mix, not the agent's microphone …
    const sent = await agent.evaluate(() => {
      const w = window as unknown as { __pcs: RTCPeerConnection[]; __mics: string[] };
      const tracks = w.__pcs.filter((pc) => pc.connectionState !== 'closed').flatMap((pc) => pc.getSenders().map((x) => x.track).filter((t) => t?.kind === 'audio'));
      return { calls: tracks.length, fromMic: tracks.filter((t) => w.__mics.includes(t!.id)).length };
    });
    expect(sent).toEqual({ calls: 2, fromMic: 0 });
    // … and with the agent muted, what the customer still hears is the colleague (the fake microphone's tone), mixed in by the agent's page.
    await agent.getByTestId('tel-mute').first().click();
    const energy = () => inboundAudioEnergy(customer);
    const before = await energy();
    await customer.waitForTimeout(2500);
    expect(await energy()).toBeGreaterThan(before + 0.05);
    await screenshot(agent, 'telephony-conference');
    // Still muted, the agent holds the colleague and takes them back: the colleague hears the customer through the mix again.
    const colleagueLine = agent.locator('[data-testid="tel-call"]').filter({ hasText: '1004' });
    await colleagueLine.getByTestId('tel-hold').click();
    await agent.locator('[data-testid="tel-call"][data-state="held"]').filter({ hasText: '1004' }).waitFor();
    await colleagueLine.getByTestId('tel-hold').click();
    await agent.locator('[data-testid="tel-call"][data-state="connected"]').filter({ hasText: '1004' }).waitFor();
    const resumed = await inboundAudioEnergy(colleague);
    await colleague.waitForTimeout(2500);
    // A tone heard adds ~0.25 a second; silence (a disabled sender) well under 0.001.
    expect(await inboundAudioEnergy(colleague)).toBeGreaterThan(resumed + 0.05);
    // The colleague leaves: the agent and the customer go on as a two-way call.
    await colleague.keyboard.press('Alt+h');
    await expect.poll(() => agent.getByTestId('tel-call').count(), { timeout: 15_000 }).toBe(1);
    expect(await agent.getByTestId('tel-in-conference').count()).toBe(0);
    for (const p of [customer, agent, colleague]) await p.context().close();
  }, 90_000);

  it('the call-centre screens: seat settings, missed calls with call-back, recording search with the player (manager)', async () => {
    const p = await phonePage('csmanager');
    await p.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor();
    await p.getByRole('treeitem', { name: '软电话' }).click();
    const settings = p.getByTestId('softphone-screen');
    await expect.poll(() => settings.locator('input[name="extension"]').inputValue()).toBe('1006'); // loads after the screen opens
    expect(await settings.locator('input[name="sipPassword"]').inputValue()).toBe(''); // never sent back
    await screenshot(p, 'telephony-settings');
    // A malformed number typed into the dial pad is refused with a message; nothing is dialled.
    await settings.getByTestId('tel-dial-number').fill('138-abc');
    await settings.getByTestId('tel-dial-call').click();
    await settings.getByText('号码只能包含数字、*、#,可以 + 开头').waitFor();
    expect(await p.getByTestId('tel-call').count()).toBe(0);

    await p.getByRole('treeitem', { name: '通话记录' }).click();
    const missed = p.getByTestId('tel-missed');
    await missed.getByText('外线来电客户').first().waitFor();
    await screenshot(p, 'telephony-missed');

    await p.getByRole('treeitem', { name: '电话录音检索' }).click();
    const screen = p.getByTestId('recordings-screen');
    // The grid is made anew for scope all: a row of the previous scope's grid, double-clicked while
    // it is being replaced, opens nothing. Wait for the all-scope page to be answered and drawn.
    const allAnswered = p.waitForResponse((r) => r.url().endsWith('/api/grid.query') && /"dataset":"recordings".*"scope":"all"|"scope":"all".*"dataset":"recordings"/.test(r.request().postData() ?? ''));
    await screen.getByRole('radio', { name: '全部' }).click();
    await allAnswered;
    const row = screen.locator('.ag-row[row-index="0"] [col-id="customerName"]');
    await row.waitFor();
    await row.dblclick();
    const player = p.getByTestId('tel-player').locator('audio');
    await player.waitFor();
    await p.waitForFunction(() => ((document.querySelector('[data-testid="tel-player"] audio') as HTMLAudioElement | null)?.readyState ?? 0) >= 1);
    // The finished WebM carries its duration, so the player shows the length and can seek.
    const duration = await player.evaluate((a: HTMLAudioElement) => a.duration);
    expect(Number.isFinite(duration)).toBe(true);
    expect(duration).toBeGreaterThan(0);
    await screenshot(p, 'telephony-recordings');
    await p.context().close();
  }, 60_000);

  it('one call plus one on hold: B talks to A, C calls B, B answers with Alt+A — A goes on hold, C is connected; B resumes A after C', async () => {
    await seat('service2', '1005');
    await seat('service1', '1002');
    await seat('service4', '1004');
    const a = await phonePage('service2');
    const b = await phonePage('service1');
    const c = await phonePage('service4');
    for (const p of [a, b, c]) await p.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor();
    const dial = async (p: Page, n: string) => {
      await p.getByTestId('tel-dialpad-toggle').click();
      await p.getByTestId('tel-dial-number').fill(n);
      await p.getByTestId('tel-dial-call').click();
    };
    await dial(a, '1002');
    await b.getByTestId('tel-answer').click();
    await b.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    await dial(c, '1002');
    await b.getByTestId('tel-ringing').waitFor();
    await b.keyboard.press('Alt+a');
    await b.locator('[data-testid="tel-call"][data-state="held"]').waitFor();
    await b.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    expect(await b.getByTestId('tel-call').count()).toBe(2);
    expect(await b.locator('[data-testid="tel-call"][data-state="connected"]').getByTestId('tel-unknown').textContent()).toBe('内部分机'); // C's extension
    await screenshot(b, 'telephony-two-calls');
    await c.getByTestId('tel-hangup').click();
    await b.getByTestId('tel-outcome').waitFor();
    await b.keyboard.press('Escape');
    await b.locator('[data-testid="tel-call"][data-state="held"]').getByTestId('tel-hold').click();
    await b.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
    await a.getByTestId('tel-hangup').click();
    await b.getByTestId('tel-call').waitFor({ state: 'detached' });
    for (const p of [a, b, c]) await p.context().close();
  }, 90_000);
});
