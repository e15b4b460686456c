import type { TFunction } from 'i18next';
import { isApiError } from './api_client';

/** A sentence for people: the server's detail when it has one, else one per status. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unknown');
  if (error.status === 0) return t('errors.network');
  const generic = t(`errors.status${error.status}`, { defaultValue: '' }) || t('errors.unknown');
  if (!error.detail) return generic;
  return `${generic} ${capitalise(error.detail)}${/[.!?]$/.test(error.detail) ? '' : '.'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
