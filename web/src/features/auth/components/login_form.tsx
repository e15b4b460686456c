import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, fieldProps } from '@/components/field_error';
import { isApiError } from '@/lib/api_client';
import { errorMessage } from '@/lib/error_message';
import { formatDuration } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useLogin } from '../api/login';

/** Seconds left until `until` (ms epoch), ticking once a second. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until == null) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [until]);
  return until == null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return formatDuration(seconds * 1000, currentLanguage());
}

export function LoginForm({ onSuccess }: { onSuccess?: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const login = useLogin();
  const secondsLeft = useCountdown(blockedUntil);
  const error = login.error;
  const rateLimited = isApiError(error) && error.status === 429;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => onSuccess?.(),
        onError: (err) => {
          if (isApiError(err) && err.status === 429) {
            setBlockedUntil(Date.now() + (err.retryAfter ?? 60) * 1000);
          }
        },
      },
    );
  };

  let message: string | null = null;
  if (rateLimited) {
    message = secondsLeft > 0 ? t('login.rateLimited', { time: waitText(secondsLeft) }) : t('login.rateLimitedNow');
  } else if (isApiError(error) && error.status === 401) {
    message = t('login.wrong');
  } else if (error && !(isApiError(error) && error.errors.length > 0)) {
    message = errorMessage(t, error);
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="login-form__subtitle">{t('login.subtitle')}</p>
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          {...fieldProps('login-email', error, 'email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FieldError id="login-email" error={error} field="email" />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          {...fieldProps('login-password', error, 'password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FieldError id="login-password" error={error} field="password" />
      </div>
      {message && (
        <p className="form-error" role="alert" data-testid="login-error">
          {message}
        </p>
      )}
      <button
        type="submit"
        className="btn btn--primary btn--block"
        disabled={login.isPending || (rateLimited && secondsLeft > 0)}
      >
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
