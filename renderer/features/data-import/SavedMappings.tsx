import { useEffect, useState } from 'react';
import type { ImportKind, ImportMapping, SavedMapping } from '../../../electron/common/api/data-import';
import { call } from '../../api';
import { mappingFromSaved } from '../../../electron/common/import-headers';
import { usePrefixedT } from '../../i18n/react';
import { Button, useToast } from '../../ui';
import { errorText } from '../../ui/errors';

/**
 * Named mappings: pick one to map this file's columns by their header text (the DMS's export has
 * the same headers every month), or save the mapping on screen under a name for next time.
 */
export function SavedMappings({ kind, header, mapping, onPick }: { kind: ImportKind; header: string[]; mapping: ImportMapping; onPick: (m: ImportMapping) => void }) {
  const tx = usePrefixedT('import.');
  const toast = useToast();
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [name, setName] = useState('');
  useEffect(() => {
    call('dataImport.mappings.list', { kind })
      .then(setSaved)
      .catch(() => setSaved([]));
  }, [kind]);
  // Matched by header text as the host matches it (notes in brackets and a required-mark * ignored).
  const pick = (id: string) => {
    const m = saved.find((x) => String(x.id) === id);
    if (m) onPick(mappingFromSaved(header, m.columns));
  };
  const save = async () => {
    const columns = Object.fromEntries(Object.entries(mapping).map(([f, i]) => [f, header[i as number] ?? '']));
    try {
      const m = await call('dataImport.mappings.save', { kind, name: name.trim(), columns });
      setSaved((list) => [...list.filter((x) => x.id !== m.id), m].sort((a, b) => a.name.localeCompare(b.name)));
      toast.show(tx('mapping.savedToast', { name: m.name }));
      setName('');
    } catch (e) {
      toast.show(errorText(e), 'error');
    }
  };
  return (
    <div className="import-saved">
      <label>
        {tx('mapping.saved')}{' '}
        <select className="input" defaultValue="" onChange={(e) => pick(e.target.value)} data-testid="import-saved-mapping">
          <option value="">{tx('mapping.savedNone')}</option>
          {saved.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <input className="input" placeholder={tx('mapping.name')} aria-label={tx('mapping.name')} value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-testid="import-mapping-name" />
      <Button size="small" disabled={!name.trim()} onClick={() => void save()} data-testid="import-mapping-save">
        {tx('mapping.save')}
      </Button>
    </div>
  );
}
