import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '@/lib/api_client';
import { applyUserLanguage } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { sessionFromLogin } from '@/lib/session';
import type { Session } from '@/types/api';

export interface LoginInput {
  email: string;
  password: string;
}

export function login(input: LoginInput): Promise<Session> {
  return api.post<Session>('/session', input);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      applyUserLanguage(session.user.language);
      qc.setQueryData(queryKeys.session, sessionFromLogin(session));
    },
  });
}
