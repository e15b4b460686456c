import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function Component() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{t('app.notFound')}</h1>
      <Link to="/inbox">{t('app.backToInbox')}</Link>
    </div>
  );
}
