import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Spinner } from '@/components/feedback';
import { LanguageSwitch } from '@/components/language_switch';
import { useSession } from '@/lib/session';
import { LoginForm } from '@/features/auth/components/login_form';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox';
}

export function Component() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (session.isPending) return <Spinner />;
  if (session.data) return <Navigate to={next} replace />;
  return (
    <main className="login-page" id="main">
      <div className="login-page__lang">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <div className="brand brand--large" aria-hidden="true">
          <span className="brand__mark">L</span>
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <LoginForm onSuccess={() => navigate(next, { replace: true })} />
      </div>
    </main>
  );
}
