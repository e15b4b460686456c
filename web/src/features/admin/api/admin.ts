import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type {
  ApiToken, ApiTokenCreated, Department, DepartmentHours, DepartmentHoursInput, Language, List, Location, Queue, Role, SocialSource, User, WebForm,
} from '@/types/api';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  language: Language;
  department_id: number | null;
  password: string;
}

export type UserPatch = Partial<Omit<NewUser, 'email'>> & { active?: boolean };

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: NewUser) => api.post<User>('/users', u),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useUpdateUser(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserPatch) => api.patch<User>(`/users/${id}`, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useCreateLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (l: { department_id: number; name: string; address?: string }) => api.post<Location>('/locations', l),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.locations }),
  });
}

export function useUpdateLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: number; active?: boolean; name?: string; address?: string }) => api.patch<Location>(`/locations/${id}`, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.locations }),
  });
}

export function useWebForms() {
  return useQuery({
    queryKey: queryKeys.webForms,
    queryFn: ({ signal }) => api.get<List<WebForm>>('/web-forms', undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateWebForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (f: { slug: string; name: string; queue_id: number }) => api.post<WebForm>('/web-forms', f),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.webForms }),
  });
}

export function useUpdateWebForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: number; active?: boolean; name?: string; queue_id?: number }) => api.patch<WebForm>(`/web-forms/${id}`, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.webForms }),
  });
}

export function useSocialSources() {
  return useQuery({
    queryKey: queryKeys.socialSources,
    queryFn: ({ signal }) => api.get<List<SocialSource>>('/social-sources', undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateSocialSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: { slug: string; name: string; queue_id: number; reply_url?: string }) => api.post<SocialSource>('/social-sources', s),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.socialSources }),
  });
}

export function useUpdateSocialSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: number; active?: boolean; rotate_secret?: boolean }) => api.patch<SocialSource>(`/social-sources/${id}`, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.socialSources }),
  });
}

export function useCreateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Department>('/departments', { name }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.departments }),
  });
}

/** A department's opening hours, and whether it is open now. */
export function useDepartmentHours(departmentId: number) {
  return useQuery({
    queryKey: queryKeys.departmentHours(departmentId),
    queryFn: ({ signal }) => api.get<DepartmentHours>(`/departments/${departmentId}/hours`, undefined, signal),
  });
}

/** Replaces the hours as a whole; the answer is the hours as now set. */
export function useSetDepartmentHours(departmentId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (hours: DepartmentHoursInput) => api.put<DepartmentHours>(`/departments/${departmentId}/hours`, hours),
    onSuccess: (hours) => qc.setQueryData(queryKeys.departmentHours(departmentId), hours),
  });
}

/** Removes the hours: the department is always open again. */
export function useClearDepartmentHours(departmentId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/departments/${departmentId}/hours`),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.departmentHours(departmentId) }),
  });
}

export function useCreateQueue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (q: { name: string; department_id: number }) => api.post<Queue>('/queues', q),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.queues }),
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: ({ signal }) => api.get<List<ApiToken>>('/api-tokens', undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: { name: string; user_id: number | null }) => api.post<ApiTokenCreated>('/api-tokens', t),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api-tokens/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}
