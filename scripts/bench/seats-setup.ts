/**
 * The seats bench's untimed setup, all through the API as a dealership would do it: the admin (at
 * the host PC, on the loopback listener) makes the missing users and one pairing code per seat;
 * each seat pairs over the LAN listener with the real client code (helloUnpinned, pairSeat) and
 * logs its user in, keeping a real session.
 */
import type { Role } from '../../electron/common/roles';
import type { PairingCode } from '../../electron/common/api/seats';
import type { UserRow } from '../../electron/common/api/admin';
import { HostClient, helloUnpinned, pairSeat } from '../../electron/node/host-client/host-client';
import type { Recorder } from './seats-load';

const DEMO_PASSWORD = 'demo1234';

/** What each seat does: the brief's dealership of 30 (8 consultants, 6 agents, 2 managers, the rest front desk). */
export type SeatRole = 'consultant' | 'agent' | 'salesManager' | 'csManager' | 'frontDesk';

export interface SeatPlan {
  username: string;
  role: SeatRole;
  /** Users the demo data lacks are made through admin.users.create with this role. */
  create?: Role;
  /**
   * This seat's user types a wrong password: the refused login and every call the seat then makes
   * without a session count as errors (how the bench's own test checks that errors are seen).
   */
  wrongPassword?: boolean;
}

export function dealership(seats: number): SeatPlan[] {
  const plan: SeatPlan[] = [];
  for (let i = 1; i <= 8; i++) plan.push({ username: `sales${i}`, role: 'consultant' });
  for (let i = 1; i <= 4; i++) plan.push({ username: `service${i}`, role: 'agent' });
  // Two more agents than the demo data has.
  for (let i = 5; i <= 6; i++) plan.push({ username: `service${i}`, role: 'agent', create: 'serviceAgent' });
  plan.push({ username: 'manager', role: 'salesManager' }, { username: 'csmanager', role: 'csManager' });
  // 前台 registers showroom traffic: showroom.visits.register is open to consultants and managers; the front desk is a consultant-role user.
  for (let i = 1; plan.length < seats; i++) plan.push({ username: `front${i}`, role: 'frontDesk', create: 'salesConsultant' });
  return plan;
}

/** The admin's calls on the host's own loopback listener (plain HTTP, no seat: the host PC itself). */
export class LoopbackAdmin {
  private cookie = '';
  constructor(private readonly url: string) {}

  async call<T>(method: string, input: unknown): Promise<T> {
    const res = await fetch(new URL(`/api/${method}`, this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('dscrm_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.value;
  }

  login(): Promise<unknown> {
    return this.call('auth.login', { username: 'admin', password: DEMO_PASSWORD });
  }
}

export interface Seat {
  plan: SeatPlan;
  userId: number;
  client: HostClient;
  token: string;
}

/**
 * Makes the users the plan lacks (or gives existing bench users a new one-time password, so a rerun
 * on the same data folder works), pairs one seat per user and logs each in. A user with a one-time
 * password changes it at first login, as the product requires.
 */
export async function setUpSeats(admin: LoopbackAdmin, lanUrl: string, plan: SeatPlan[], runTag: string, rec?: Recorder): Promise<Seat[]> {
  await admin.login();
  const users = new Map((await admin.call<UserRow[]>('admin.users.list', {})).map((u) => [u.username, u]));
  const oneTime = new Map<string, string>();
  for (const p of plan) {
    const have = users.get(p.username);
    if (!p.create) {
      if (!have) throw new Error(`demo user ${p.username} is missing`);
      continue;
    }
    if (have) {
      oneTime.set(p.username, (await admin.call<{ oneTimePassword: string }>('admin.users.resetPassword', { userId: have.id })).oneTimePassword);
    } else {
      const made = await admin.call<{ user: UserRow; oneTimePassword: string }>('admin.users.create', {
        username: p.username,
        displayName: `${p.role === 'agent' ? '客服' : '前台'}${p.username.replace(/\D/g, '')}`,
        role: p.create,
      });
      users.set(p.username, made.user);
      oneTime.set(p.username, made.oneTimePassword);
    }
  }

  const base = new URL(lanUrl);
  const seen = await helloUnpinned(base);
  if ('error' in seen) throw new Error(`LAN hello: ${seen.error}`);
  const seats: Seat[] = [];
  for (const [i, p] of plan.entries()) {
    const { code } = await admin.call<PairingCode>('admin.seats.pairingCode.create', {});
    const paired = await pairSeat(base, seen.pin, code, `压测-${i + 1}`);
    if (!paired.ok) throw new Error(`pairing seat ${i + 1}: ${paired.error.code}`);
    const client = new HostClient({ hostUrl: base.href, pin: seen.pin, seatToken: paired.value.seatToken });
    const otp = oneTime.get(p.username);
    if (p.wrongPassword) {
      const refused = await client.invoke('auth.login', { username: p.username, password: `not-${runTag}-the-password` }, { sessionToken: null });
      const seat = { plan: p, userId: users.get(p.username)!.id, client, token: '' };
      // The seat stays in the load without a session: each of its calls is refused and counted.
      rec?.record(seat, 'auth.login', refused.result);
      seats.push(seat);
      continue;
    }
    const login = await client.invoke('auth.login', { username: p.username, password: otp ?? DEMO_PASSWORD }, { sessionToken: null });
    if (!login.result.ok) throw new Error(`login ${p.username}: ${login.result.error.code} ${login.result.error.message}`);
    const token = login.sessionChange && 'set' in login.sessionChange ? login.sessionChange.set : null;
    if (!token) throw new Error(`login ${p.username}: no session cookie`);
    if (otp) {
      const changed = await client.invoke('auth.changePassword', { oldPassword: otp, newPassword: `Seat-${runTag}-${i}x` }, { sessionToken: token });
      if (!changed.result.ok) throw new Error(`password change ${p.username}: ${changed.result.error.code} ${changed.result.error.message}`);
    }
    seats.push({ plan: p, userId: users.get(p.username)!.id, client, token });
  }
  return seats;
}
