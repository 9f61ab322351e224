import { eq, sql } from 'drizzle-orm';
import type { Sqlite } from '../../../../db/client';
import { revisitQuestions, revisitTemplates } from '../../../../db/schema';
import type { RevisitKind, RevisitOption, RevisitTemplate, RevisitTemplateInput } from '../../../common/api/revisits';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AuditedWriter } from '../admin';
import { AppError } from '../../errors';
import { SalesProblems } from '../sales';

/**
 * DS-CRM's rule: a template is offered for sales revisits when its name contains 销售, for
 * repair revisits when it contains 维修. A name with neither (or both) says nothing and is refused.
 */
export function templateKindOf(name: string): RevisitKind | null {
  const sales = name.includes('销售');
  const repair = name.includes('维修');
  if (sales === repair) return null;
  return sales ? 'sales' : 'repair';
}

/** The score of a set of answers, 0–100: points chosen over the best possible on the questions answered. */
export function revisitScore(answers: readonly { options: readonly RevisitOption[]; optionIndex: number }[]): number | null {
  let got = 0;
  let best = 0;
  for (const a of answers) {
    const max = Math.max(0, ...a.options.map((o) => o.score));
    if (max === 0) continue; // a question that carries no score (e.g. "which day suits you")
    got += a.options[a.optionIndex]?.score ?? 0;
    best += max;
  }
  return best === 0 ? null : Math.round((got / best) * 1000) / 10;
}

export class RevisitTemplates {
  private writer: AuditedWriter;
  constructor(private core: Pick<Core, 'clock' | 'db'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  list(kind?: RevisitKind, includeInactive = false): RevisitTemplate[] {
    const tpls = this.core.db.all<{ id: number; name: string; kind: RevisitKind; active: number; used: number }>(sql`
      SELECT t.id, t.name, t.kind, t.active, EXISTS (SELECT 1 FROM revisits r WHERE r.template_id = t.id) AS used
      FROM revisit_templates t
      WHERE (${kind ?? null} IS NULL OR t.kind = ${kind ?? null}) AND (${includeInactive ? 1 : 0} = 1 OR t.active = 1)
      ORDER BY t.kind, t.id`);
    return tpls.map((t) => ({ id: t.id, name: t.name, kind: t.kind, active: t.active === 1, used: t.used === 1, questions: this.questions(t.id) }));
  }

  get(id: number): RevisitTemplate {
    const t = this.list(undefined, true).find((x) => x.id === id);
    if (!t) throw new AppError('NOT_FOUND');
    return t;
  }

  questions(templateId: number) {
    return this.core.db
      .select()
      .from(revisitQuestions)
      .where(eq(revisitQuestions.templateId, templateId))
      .orderBy(revisitQuestions.sort, revisitQuestions.id)
      .all()
      .map((q) => ({ id: q.id, text: q.text, required: q.required, options: q.options as RevisitOption[] }));
  }

  save(s: SessionCtx, input: RevisitTemplateInput & { active: boolean }): RevisitTemplate {
    const p = new SalesProblems(s.user.locale);
    const name = input.name.trim();
    const kind = templateKindOf(name);
    if (!kind) p.add('name', 'revisit.template.nameKind');
    if (!input.questions.length) p.add('questions', 'revisit.template.noQuestions');
    if (input.questions.some((q) => q.options.length < 2)) p.add('questions', 'revisit.template.options');
    const existing = input.id ? this.get(input.id) : null;
    const questionsChanged =
      !existing ||
      JSON.stringify(existing.questions.map((q) => ({ text: q.text, required: q.required, options: q.options }))) !==
        JSON.stringify(input.questions.map((q) => ({ text: q.text, required: q.required ?? true, options: q.options })));
    // Answers point at questions: once a template was used its questions stay as they were asked.
    if (existing?.used && questionsChanged) p.add('questions', 'revisit.template.used');
    p.throwIfAny();

    const now = this.core.clock.now();
    const id = this.core.db.transaction((tx) => {
      const row = existing
        ? this.writer.update(s.user.id, 'revisit_template', revisitTemplates, existing.id, { name, kind: kind!, active: input.active, updatedAt: now }, tx)
        : this.writer.insert(s.user.id, 'revisit_template', revisitTemplates, { name, kind: kind!, active: input.active, createdAt: now, updatedAt: now }, tx);
      if (questionsChanged) {
        tx.delete(revisitQuestions).where(eq(revisitQuestions.templateId, row.id)).run();
        input.questions.forEach((q, i) =>
          this.writer.insert(s.user.id, 'revisit_question', revisitQuestions, { templateId: row.id, sort: i, text: q.text, required: q.required ?? true, options: q.options }, tx),
        );
      }
      return row.id;
    });
    return this.get(id);
  }
}

const FIVE = (best: string): RevisitOption[] => [
  { label: best, score: 10 },
  { label: '满意', score: 8 },
  { label: '一般', score: 6 },
  { label: '不满意', score: 3 },
  { label: '非常不满意', score: 0 },
];

const DEFAULTS: { name: string; kind: RevisitKind; questions: { text: string; required: boolean; options: RevisitOption[] }[] }[] = [
  {
    name: '销售回访(交车 3 日)',
    kind: 'sales',
    questions: [
      { text: '您对销售顾问的服务是否满意?', required: true, options: FIVE('非常满意') },
      { text: '您对交车过程(车辆清洁、功能讲解)是否满意?', required: true, options: FIVE('非常满意') },
      { text: '销售顾问是否向您介绍了首保时间和售后服务?', required: true, options: [{ label: '是', score: 10 }, { label: '否', score: 0 }] },
      { text: '您是否愿意向亲友推荐本店?', required: false, options: [{ label: '愿意', score: 10 }, { label: '不确定', score: 5 }, { label: '不愿意', score: 0 }] },
    ],
  },
  {
    name: '维修回访(维修后 3 日)',
    kind: 'repair',
    questions: [
      { text: '您对服务顾问的接待是否满意?', required: true, options: FIVE('非常满意') },
      { text: '车辆问题是否一次修好?', required: true, options: [{ label: '是', score: 10 }, { label: '否', score: 0 }] },
      { text: '您对维修等待时间是否满意?', required: true, options: FIVE('非常满意') },
      { text: '您对收费是否满意?', required: false, options: FIVE('非常满意') },
    ],
  },
];

/** One 销售 and one 维修 template for a database that has none of that kind (called at start-up). */
export function ensureDefaultRevisitTemplates(sqlite: Sqlite): void {
  const has = sqlite.prepare('SELECT 1 FROM revisit_templates WHERE kind = ? LIMIT 1');
  const tpl = sqlite.prepare('INSERT INTO revisit_templates (name, kind, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)');
  const q = sqlite.prepare('INSERT INTO revisit_questions (template_id, sort, text, required, options) VALUES (?, ?, ?, ?, ?)');
  const now = Date.now();
  sqlite.transaction(() => {
    for (const d of DEFAULTS) {
      if (has.get(d.kind)) continue;
      const id = Number(tpl.run(d.name, d.kind, now, now).lastInsertRowid);
      d.questions.forEach((x, i) => q.run(id, i, x.text, x.required ? 1 : 0, JSON.stringify(x.options)));
    }
  })();
}
