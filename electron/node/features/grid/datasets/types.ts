import type { EnumValue, GridColumnMeta, GridSort } from '../../../../common/api/grid';

/** A column of a data set: its public metadata plus the SQL expression (a constant: never from input). */
export interface ColumnDef extends Omit<GridColumnMeta, 'enumValues'> {
  expr: string;
  /** Enum values come from this `dictionaries` kind ... */
  dict?: string;
  /** ... or from this fixed list. */
  enumValues?: EnumValue[];
  /** Nullable columns need NULL-aware keyset comparisons. */
  nullable: boolean;
  /** Rendered masked unless the user may see all customers. */
  masked?: boolean;
}

export interface DatasetDef {
  /** FROM clause with aliases; the main table is aliased `c` and has an integer `id`. */
  from: string;
  columns: ColumnDef[];
  defaultSort: GridSort[];
}
