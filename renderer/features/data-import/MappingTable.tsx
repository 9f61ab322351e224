import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '../../../electron/common/api/data-import';
import { columnLetter } from '../../../electron/common/import-headers';
import { usePrefixedT } from '../../i18n/react';

/** Field → column of the file, each a drop-down of the file's headers (A 姓名, B 手机 …) or 不导入; fields left out are greyed. */
export function MappingTable({ kind, header, mapping, onChange }: { kind: ImportKind; header: string[]; mapping: ImportMapping; onChange: (m: ImportMapping) => void }) {
  const tx = usePrefixedT('import.');
  const set = (field: ImportField, v: string) => {
    const next = { ...mapping };
    if (v === '') delete next[field];
    else next[field] = Number(v);
    onChange(next);
  };
  return (
    <div className="import-mapping" role="group" aria-label={tx('step.mapping')}>
      {(IMPORT_FIELDS[kind] as readonly ImportField[]).map((f) => (
        <label key={f} className={mapping[f] === undefined ? 'is-unmapped' : undefined}>
          <span>{tx(`field.${f}`)}</span>
          <select className="input" value={mapping[f] ?? ''} onChange={(e) => set(f, e.target.value)} data-testid={`import-map-${f}`}>
            <option value="">{tx('mapping.none')}</option>
            {header.map((h, i) => (
              <option key={i} value={i}>
                {columnLetter(i + 1)} {h}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
