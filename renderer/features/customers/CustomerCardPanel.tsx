import { memo, useState } from 'react';
import { SALES_ROLES } from '../../../electron/common/api/sales';
import { useI18n } from '../../i18n/react';
import { Button, FormMessage, Toolbar } from '../../ui';
import { useSessionInfo } from '../auth';
import { OpportunityForm } from '../sales';
import { SmsButton } from '../sms';
import { PhonesSection, ProfileSection, VehiclesSection } from './card-profile';
import { CardRecords } from './card-records';
import { CustomerForm } from './CustomerForm';
import { useDictionary } from '../dictionaries';
import { useCustomerCard } from './use-customer-card';

/**
 * The customer card (360 view), opened as a tab: profile, phones, vehicles, and the record sections.
 * Loading in use-customer-card.ts, the sections in card-profile.tsx and card-records.tsx.
 */
function CustomerCard360({ id }: { id: number }) {
  const { t } = useI18n();
  // Asked for here, at the tab's opening, so they load alongside the card rather than after it.
  const sources = useDictionary('source');
  const models = useDictionary('model');
  const { card, error, reload } = useCustomerCard(id);
  const [editing, setEditing] = useState(false);
  const [newOpportunity, setNewOpportunity] = useState(false);
  const { user, modules } = useSessionInfo();

  // A form saved from the card: close it and show the card as saved.
  const closeAndReload = (close: (open: boolean) => void) => () => {
    close(false);
    reload();
  };

  if (!card) return <div className="screen">{error ? <FormMessage>{error}</FormMessage> : <p className="muted">{t('common.loading')}</p>}</div>;

  return (
    <div className="screen customer-card" data-testid="customer-card">
      <Toolbar title={card.name} info={`#${card.id}`}>
        <Button onClick={reload}>{t('common.refresh')}</Button>
        {/* Sales roles open a new opportunity for this customer straight from the card (unless 销售管理 was taken from them). */}
        {SALES_ROLES.includes(user.role) && modules.includes('sales') && <Button onClick={() => setNewOpportunity(true)}>{t('opp.new')}</Button>}
        <SmsButton audience={{ customerIds: [card.id], count: 1 }} onDone={reload} />
        <Button variant="primary" onClick={() => setEditing(true)}>
          {t('customer.edit')}
        </Button>
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      <div className="card-grid">
        <ProfileSection card={card} sources={sources} onChanged={reload} />
        <PhonesSection card={card} />
        <VehiclesSection card={card} models={models} />
        <CardRecords card={card} models={models} />
      </div>
      {newOpportunity && (
        <OpportunityForm
          customer={{ id: card.id, name: card.name }}
          onClose={() => setNewOpportunity(false)}
          onSaved={closeAndReload(setNewOpportunity)}
        />
      )}
      {editing && (
        <CustomerForm
          card={card}
          onClose={() => setEditing(false)}
          onSaved={closeAndReload(setEditing)}
        />
      )}
    </div>
  );
}

/**
 * Memoised: the shell re-renders on every tab opened, closed or renamed, and without this every
 * open card re-rendered with it — on the screen pop's path, once per card an agent had left open.
 */
export const CustomerCardPanel = memo(CustomerCard360);
