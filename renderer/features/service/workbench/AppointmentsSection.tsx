import type { WorkbenchAppointment } from '../../../../electron/common/api/workbench';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Table } from '../../../ui';

/** Today's service appointments on the workbench (a service advisor always sees the section, others when there are any). */
export function AppointmentsSection({ appointments }: { appointments: WorkbenchAppointment[] }) {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  return (
    <section className="care-section" data-testid="workbench-appointments">
      <h4>{t('care.appointments.today', { n: appointments.length })}</h4>
      <Table
        aria-label={t('care.appointments.title')}
        columns={[
          { key: 'slot', header: t('care.appointments.slot'), nowrap: true, render: (a: WorkbenchAppointment) => a.slot },
          {
            key: 'customer',
            header: t('cw.customer'),
            render: (a: WorkbenchAppointment) => (
              <button type="button" className="link" onClick={() => openCustomer(a.customerId, a.customerName)}>
                {a.customerName}
              </button>
            ),
          },
          { key: 'phone', header: t('care.appointments.phone'), nowrap: true, render: (a: WorkbenchAppointment) => a.phone ?? '' },
          { key: 'plate', header: t('cw.vehicle'), render: (a: WorkbenchAppointment) => a.plate ?? '' },
          { key: 'status', header: t('cw.status'), render: (a: WorkbenchAppointment) => t(`care.appointments.status.${a.status}`) },
          { key: 'notes', header: t('cw.note'), render: (a: WorkbenchAppointment) => a.notes ?? '' },
        ]}
        rows={appointments}
        rowKey={(a) => String(a.id)}
        empty={t('care.appointments.none')}
      />
    </section>
  );
}
