import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation } from '@/types/api';

export function useConversation(id: number) {
  return useQuery({
    queryKey: queryKeys.conversation(id),
    queryFn: ({ signal }) => api.get<Conversation>(`/conversations/${id}`, undefined, signal),
    enabled: id > 0,
  });
}
