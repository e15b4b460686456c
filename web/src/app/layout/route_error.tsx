import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router-dom';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <div className="page page--narrow error-page" role="alert">
      <h1>{t('app.crashed')}</h1>
      {error instanceof Error && <pre className="muted small">{error.message}</pre>}
      <p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>{' '}
        <Link to="/inbox">{t('app.backToInbox')}</Link>
      </p>
    </div>
  );
}
