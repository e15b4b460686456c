import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can, useCurrentSession } from '@/lib/session';
import { WalkInPage } from '@/features/shop/components/walk_in_page';

export function Component() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [params] = useSearchParams();
  if (!can(session, 'write_conversations')) return <p className="empty">{t('app.forbidden')}</p>;
  const customer = Number(params.get('customer'));
  return <WalkInPage customerId={Number.isInteger(customer) && customer > 0 ? customer : undefined} />;
}
