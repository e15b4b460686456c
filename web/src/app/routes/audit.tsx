import { useTranslation } from 'react-i18next';
import { can, useCurrentSession } from '@/lib/session';
import { AuditPage } from '@/features/audit/components/audit_page';

export function Component() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!can(session, 'read_audit_log')) return <p className="empty">{t('app.forbidden')}</p>;
  return <AuditPage />;
}
