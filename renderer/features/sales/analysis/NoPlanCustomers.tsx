import { useEffect, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import type { SalesList, SalesListRow } from '../../../../electron/common/api/sales-analysis';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { FormMessage, Table, type Column } from '../../../ui';

/**
 * 无计划客户: customers with an open opportunity and no planned follow-up (sales.lists.noPlan), in a
 * scope — a consultant's own in 跟踪计划, a manager's team in 机会检查. A name opens the card.
 */
export function NoPlanCustomers({ scope }: { scope: Scope }) {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const [data, setData] = useState<SalesList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    setData(null);
    call('sales.lists.noPlan', { scope })
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(isApiError(e) ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [scope]);

  const columns: Column<SalesListRow>[] = [
    {
      key: 'customer',
      header: t('sa.customer'),
      render: (r) => (
        <button type="button" className="link" onClick={() => openCustomer(r.customerId, r.customerName)}>
          {r.customerName}
        </button>
      ),
    },
    { key: 'consultant', header: t('sa.owner'), render: (r) => r.consultantName ?? '' },
    { key: 'open', header: t('sa.review.openOpps'), align: 'right', render: (r) => r.openOpportunities ?? 0 },
    { key: 'expected', header: t('sa.review.expected'), nowrap: true, render: (r) => r.expectedPurchaseDate ?? '' },
  ];

  return (
    <div style={{ padding: 12, overflow: 'auto' }} data-testid="no-plan-customers">
      <FormMessage>{error}</FormMessage>
      {data && (
        <>
          <p className="hint">{t('sa.review.total', { n: data.total.toLocaleString() })}</p>
          <Table aria-label={t('sa.review.noPlan')} columns={columns} rows={data.rows} rowKey={(r) => r.id} empty={t('sa.review.none')} />
          {data.total > data.rows.length && <p className="hint">{t('sa.more', { shown: data.rows.length, n: data.total.toLocaleString() })}</p>}
        </>
      )}
    </div>
  );
}
