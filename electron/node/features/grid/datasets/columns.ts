import type { ColumnDef } from './types';

const NAME_OF = (idExpr: string) => `(select u.display_name from users u where u.id = ${idExpr})`;

/**
 * A user's name for a user-id column (the consultant, the agent): shown and filtered by the name,
 * grouped by the id — opening a group is then an index seek, and two users with one name stay two
 * groups — each group labelled with the name.
 */
export function userNameColumn(c: { id: string; zh: string; en: string; userIdExpr: string } & Partial<Omit<ColumnDef, 'id' | 'zh' | 'en' | 'expr' | 'groupKey'>>): ColumnDef {
  const { userIdExpr, ...rest } = c;
  return {
    type: 'text',
    expr: NAME_OF(userIdExpr),
    groupKey: { expr: userIdExpr, label: NAME_OF('g.k') },
    nullable: true,
    sortable: false,
    filterable: true,
    groupable: true,
    defaultVisible: false,
    width: 100,
    ...rest,
  };
}
