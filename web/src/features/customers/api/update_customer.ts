import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Channel, Customer, Identity, IdentityKind, Language } from '@/types/api';

export interface CustomerPatch {
  name?: string;
  segment?: string | null;
  language?: Language;
  preferred_channel?: Channel | null;
  contact_hours?: string | null;
  account_manager_id?: number | null;
}

export function useUpdateCustomer(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: CustomerPatch) => api.patch<Customer>(`/customers/${id}`, patch),
    onSuccess: (c, patch) => {
      qc.setQueryData(queryKeys.customer(id), c);
      // Conversation lists show the customer's name.
      if (patch.name !== undefined) void qc.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}

export function useAddIdentity(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: IdentityKind; value: string }) =>
      api.post<Identity>(`/customers/${customerId}/identities`, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.customer(customerId) }),
  });
}

export function useRemoveIdentity(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (identityId: number) => api.delete(`/customers/${customerId}/identities/${identityId}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.customer(customerId) }),
  });
}
