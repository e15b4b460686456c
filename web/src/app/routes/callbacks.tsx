import { useTranslation } from 'react-i18next';
import { can, useCurrentSession } from '@/lib/session';
import { CallbacksPage } from '@/features/phone/components/callbacks_page';

export function Component() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!can(session, 'read_customers')) return <p className="empty">{t('app.forbidden')}</p>;
  return <CallbacksPage />;
}
