import { useTranslation } from 'react-i18next';
import { can, useCurrentSession } from '@/lib/session';
import { TopicsPage } from '@/features/topics/components/topics_page';

export function Component() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!can(session, 'read_conversations')) return <p className="empty">{t('app.forbidden')}</p>;
  return <TopicsPage />;
}
