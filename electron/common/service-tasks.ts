import { enumOptions } from './i18n/enum-options';
import { SERVICE_TASK_KIND } from './api/service-texts';

/**
 * The kinds of work an after-sales agent gets as tasks (tasks.kind), with their labels. Shared by
 * both sides: the rules that create tasks, the agent's workbench that lists them, and the renderer.
 */
export const SERVICE_TASK_KINDS = enumOptions(SERVICE_TASK_KIND).map(({ value, zh, en }) => ({ code: value, zh, en }));

export type ServiceTaskKind = (typeof SERVICE_TASK_KINDS)[number]['code'];

export const SERVICE_TASK_KIND_CODES: readonly ServiceTaskKind[] = SERVICE_TASK_KINDS.map((k) => k.code);

export function isServiceTaskKind(v: string): v is ServiceTaskKind {
  return (SERVICE_TASK_KIND_CODES as readonly string[]).includes(v);
}
