/**
 * What each of the 30 seats does during the seats bench: one action every 0.5–2 s (seeded), picked
 * from its role's mix, every call timed on the seat (the client's own cost included) and checked.
 * Writes the host acknowledged are kept in a ledger by the ids the answers returned, so the bench
 * can count them in the database after the host has stopped.
 */
import type { ApiResult } from '../../electron/common/api/contract';
import type { GridPage } from '../../electron/common/api/grid';
import type { SearchHit } from '../../electron/common/api/customers';
import type { OpportunityDetail } from '../../electron/common/api/sales';
import type { VisitRegistered } from '../../electron/common/api/showroom';
import type { Workbench } from '../../electron/common/api/workbench';
import type { RevisitContext } from '../../electron/common/api/revisits';
import { STAGE_CODES } from '../../electron/common/stages';
import type { Seat } from './seats-setup';

/** Facts read from the database before the host started (the ids a seat would find on its screens). */
export interface LoadFacts {
  today: string;
  /** Phone numbers and names to type 4 digits / 2 characters of into quick find. */
  phones: string[];
  names: string[];
  maxCustomerId: number;
  /** Each consultant's open opportunities. */
  opportunitiesOf: Map<number, number[]>;
  /** Open unassigned tasks due by today: the CS manager hands these out (任务分配), a few at a time. */
  pool: number[];
}

export interface Ledger {
  visits: number[];
  revisits: number[];
  /** Tasks closed as done by an agent. */
  tasksDone: number[];
  /** Per opportunity, the stages the host acknowledged moving it to, in order. */
  stageMoves: Map<number, string[]>;
  /** Tasks handed to an agent. */
  assigned: { taskId: number; agentId: number }[];
}

export class Recorder {
  readonly times = new Map<string, number[]>();
  /** grid.query timed again by what it read (data set, scope, rows or which level of groups): where its p95 comes from. */
  readonly gridTimes = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly errorSamples: string[] = [];

  /** Times one call as the seat's user waits for it; a refusal is counted by method and code. */
  async call<T>(seat: Seat, method: string, input: unknown): Promise<T | null> {
    const t0 = performance.now();
    const { result } = await seat.client.invoke(method, input, { sessionToken: seat.token });
    const ms = performance.now() - t0;
    // A grid's group counts (a count over up to 1M customers) and its row pages (one index range)
    // are different work behind one method: timed apart, so each has its own p95.
    const key = method === 'grid.query' && isGroupsQuery(input) ? 'grid.query (groups)' : method;
    const list = this.times.get(key) ?? [];
    list.push(ms);
    this.times.set(key, list);
    if (method === 'grid.query') {
      const g = gridKind(input);
      this.gridTimes.set(g, [...(this.gridTimes.get(g) ?? []), ms]);
    }
    return this.check(method, result, seat) as T | null;
  }

  /** A call made outside the timed load (a login at setup): only its refusal counts. */
  record(seat: Seat, method: string, result: ApiResult<unknown>): void {
    this.check(method, result, seat);
  }

  private check(method: string, result: ApiResult<unknown>, seat: Seat): unknown {
    if (result.ok) return result.value;
    const key = `${method} ${result.error.code}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    if (this.errorSamples.length < 20) this.errorSamples.push(`${seat.plan.username} ${key}: ${result.error.message}`);
    return null;
  }
}

/** A grid call that asks for group rows (grouped, and not yet down to the rows of one group). */
function isGroupsQuery(input: unknown): boolean {
  const q = input as { groupBy?: unknown[]; groupKeys?: unknown[] };
  return (q.groupBy?.length ?? 0) > (q.groupKeys?.length ?? 0);
}

/** 'customers/team groups L1' or 'opportunities/mine rows next': a grid call by what it reads. */
function gridKind(input: unknown): string {
  const q = input as { dataset: string; scope: string; groupBy?: unknown[]; groupKeys?: unknown[]; cursor?: unknown; filter?: unknown };
  const what = isGroupsQuery(input) ? `groups L${q.groupKeys?.length ?? 0}` : q.cursor ? 'rows next' : 'rows';
  return `${q.dataset}/${q.scope} ${what}`;
}

/** mulberry32: each seat's own reproducible stream of choices. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMER_COLUMNS = ['name', 'gender', 'phone', 'city', 'source', 'ownerName', 'vehicleModel', 'vehiclePlate', 'createdAt'];
const CUSTOMER_SORTS = [[{ col: 'name', dir: 'asc' }], [{ col: 'createdAt', dir: 'desc' }], [{ col: 'city', dir: 'desc' }, { col: 'name', dir: 'desc' }]];
const CUSTOMER_FILTERS = [
  { columns: [{ join: 'and', conditions: [{ col: 'gender', op: 'in', values: ['female'] }] }] },
  { columns: [], advanced: { join: 'and', conditions: [{ col: 'source', op: 'notIn', values: ['outbound'] }, { col: 'city', op: 'notBlank' }, { col: 'dndCall', op: 'isFalse' }] } },
];

export class SeatLoad {
  /** Walk-ins registered so far, by seat user: the last digits of the next new number. */
  private readonly visitsBy = new Map<number, number>();

  constructor(
    private readonly rec: Recorder,
    private readonly facts: LoadFacts,
    private readonly ledger: Ledger,
  ) {}

  private pick<T>(rnd: () => number, list: readonly T[]): T {
    return list[Math.floor(rnd() * list.length)]!;
  }

  /** 4 digits of a phone or the first 2 characters of a name, then (usually) the first hit's card. */
  /** The agent's 坐席状态 now (the status bar's read). */
  async agentState(seat: Seat): Promise<string | null> {
    return (await this.rec.call<{ state: string }>(seat, 'callCenter.state.get', {}))?.state ?? null;
  }

  /** 就绪, or 示忙 · 小休, from the agent's status bar; false when refused (on a call). */
  async setAgentState(seat: Seat, state: 'ready' | 'busy'): Promise<boolean> {
    const input = state === 'ready' ? { state } : { state, reason: 'break' };
    return (await this.rec.call(seat, 'callCenter.state.set', input)) !== null;
  }

  async quickFind(seat: Seat, rnd: () => number): Promise<void> {
    const phone = this.pick(rnd, this.facts.phones);
    const start = Math.floor(rnd() * Math.max(1, phone.length - 4));
    const q = rnd() < 0.5 ? phone.slice(start, start + 4) : this.pick(rnd, this.facts.names).slice(0, 2);
    const hits = await this.rec.call<SearchHit[]>(seat, 'customers.search', { q, limit: 20 });
    if (hits?.length && rnd() < 0.7) await this.rec.call(seat, 'customers.get', { id: hits[0]!.id });
  }

  /** Any customer's card: the roles that may see every customer. */
  async anyCard(seat: Seat, rnd: () => number): Promise<void> {
    await this.rec.call(seat, 'customers.get', { id: 1 + Math.floor(rnd() * this.facts.maxCustomerId) });
  }

  /** A customers grid page, sorted and filtered; sometimes the next page by its cursor. */
  async customerGrid(seat: Seat, rnd: () => number, scope: 'mine' | 'team' | 'all'): Promise<void> {
    const input = { dataset: 'customers', scope, columns: CUSTOMER_COLUMNS, sort: this.pick(rnd, CUSTOMER_SORTS), filter: this.pick(rnd, CUSTOMER_FILTERS), limit: 100 };
    const page = await this.rec.call<GridPage>(seat, 'grid.query', input);
    if (page?.kind === 'rows' && page.nextCursor && rnd() < 0.5) await this.rec.call(seat, 'grid.query', { ...input, cursor: page.nextCursor });
  }

  /** A manager's group-by (two levels: the groups, then one group opened). */
  async groupBy(seat: Seat, rnd: () => number, scope: 'team' | 'all'): Promise<void> {
    const input = { dataset: 'customers', scope, columns: CUSTOMER_COLUMNS, groupBy: this.pick(rnd, [['source'], ['source', 'gender'], ['city']]), limit: 500 };
    const page = await this.rec.call<GridPage>(seat, 'grid.query', input);
    if (page?.kind === 'groups' && page.groups.length && input.groupBy.length > 1) {
      await this.rec.call(seat, 'grid.query', { ...input, groupKeys: [this.pick(rnd, page.groups).key] });
    }
  }

  /** A consultant's own open opportunities, newest first. */
  async opportunityGrid(seat: Seat): Promise<void> {
    await this.rec.call(seat, 'grid.query', {
      dataset: 'opportunities',
      scope: 'mine',
      columns: ['customerName', 'phone', 'stage', 'status', 'model', 'createdAt'],
      sort: [{ col: 'createdAt', dir: 'desc' }],
      filter: { columns: [{ join: 'and', conditions: [{ col: 'status', op: 'in', values: ['open'] }] }] },
      limit: 100,
    });
  }

  /** One of the consultant's opportunities: open it, move it a stage on (back one, with a reason, at the last open stage). */
  async stageMove(seat: Seat, rnd: () => number): Promise<void> {
    const mine = this.facts.opportunitiesOf.get(seat.userId) ?? [];
    if (!mine.length) return;
    const id = this.pick(rnd, mine);
    const opp = await this.rec.call<OpportunityDetail>(seat, 'opportunities.get', { id });
    if (!opp || opp.status !== 'open') return;
    const at = STAGE_CODES.indexOf(opp.stage);
    const lastOpen = STAGE_CODES.indexOf('quote_to_close');
    const stage = at >= lastOpen ? STAGE_CODES[lastOpen - 1]! : STAGE_CODES[at + 1]!;
    const moved = await this.rec.call(seat, 'opportunities.changeStage', {
      id,
      expectedVersion: opp.version,
      stage,
      reason: at >= lastOpen ? '客户需再次试驾' : null,
      nextActivity: { type: 'call', plannedAt: Date.now() + 86_400_000, subject: '电话跟进' },
    });
    if (moved) this.ledger.stageMoves.set(id, [...(this.ledger.stageMoves.get(id) ?? []), stage]);
  }

  /** 前台: a walk-in registered (first visit) with a new number, then the day's visits grid. */
  async registerVisit(seat: Seat, rnd: () => number, runTag: number): Promise<void> {
    // New to the dealership, so a number no one has: run, seat and the seat's own count. (Four
    // random digits per run made two front desks pick the same number in most 60 s runs, and the
    // second was rightly refused as already registered.)
    const n = (this.visitsBy.get(seat.userId) ?? 0) + 1;
    this.visitsBy.set(seat.userId, n);
    const phone = `199${String(runTag % 1_000).padStart(3, '0')}${String(seat.userId % 100).padStart(2, '0')}${String(n % 1_000).padStart(3, '0')}`;
    const v = await this.rec.call<VisitRegistered>(seat, 'showroom.visits.register', {
      name: `${this.pick(rnd, ['王', '李', '张', '刘', '陈'])}${this.pick(rnd, ['先生', '女士'])}`,
      phone,
      visitDate: this.facts.today,
      mode: 1,
    });
    if (v) this.ledger.visits.push(v.visitId);
  }

  async visitGrid(seat: Seat): Promise<void> {
    await this.rec.call(seat, 'grid.query', {
      dataset: 'showroomVisits',
      scope: 'mine',
      columns: ['visitDate', 'name', 'phone', 'visitMode', 'interestedModel'],
      sort: [{ col: 'visitDate', dir: 'desc' }],
      limit: 100,
    });
  }

  /** 客服工作台: the agent's list, then a task worked from it — a revisit saved or a task closed as done. */
  async workTask(seat: Seat, rnd: () => number, taken: Set<number>): Promise<void> {
    const wb = await this.rec.call<Workbench>(seat, 'workbench.list', {});
    const rows = wb?.rows.filter((r) => r.source === 'task' && !taken.has(r.id)) ?? [];
    if (!rows.length) return;
    const row = this.pick(rnd, rows);
    taken.add(row.id);
    const kind = row.kind === 'revisit_repair' ? 'repair' : row.kind === 'revisit_sales' ? 'sales' : null;
    if (kind && row.refId) {
      const ctx = await this.rec.call<RevisitContext>(seat, 'revisits.open', { kind, eventId: row.refId });
      const tpl = ctx?.templates.find((t) => t.active && t.kind === kind);
      if (!ctx || !tpl) return;
      const saved = await this.rec.call<{ revisitId: number }>(seat, 'revisits.save', {
        kind,
        eventId: row.refId,
        outcome: 'done',
        templateId: tpl.id,
        answers: tpl.questions.filter((q) => q.options.length).map((q) => ({ questionId: q.id, optionIndex: 0 })),
        result: 'satisfied',
      });
      if (saved) this.ledger.revisits.push(saved.revisitId);
      return;
    }
    const done = await this.rec.call<{ id: number }>(seat, 'workbench.outcome', { taskId: row.id, expectedVersion: row.version, outcome: 'done', note: '已电话提醒' });
    if (done) this.ledger.tasksDone.push(row.id);
  }

  /** 任务分配: a few of the pool's tasks to one agent, by ids (the ticked rows). */
  async assign(seat: Seat, agentId: number, count: number, onSend: () => void = () => {}): Promise<boolean> {
    const ids = this.facts.pool.splice(0, count);
    if (!ids.length) return false;
    onSend();
    const r = await this.rec.call(seat, 'taskPool.assign', { selection: { ids }, agentIds: [agentId] });
    if (r) for (const taskId of ids) this.ledger.assigned.push({ taskId, agentId });
    return r !== null;
  }
}
