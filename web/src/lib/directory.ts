import { useQuery } from '@tanstack/react-query';
import type { Customer, Department, List, Location, Queue, User } from '@/types/api';
import { api } from './api_client';
import { queryKeys } from './query_keys';

// Small, bounded lists every screen needs to turn ids into names.
const directoryStale = 5 * 60_000;

export function useDepartments() {
  return useQuery({
    queryKey: queryKeys.departments,
    queryFn: ({ signal }) => api.get<List<Department>>('/departments', undefined, signal),
    select: (d) => d.items,
    staleTime: directoryStale,
  });
}

export function useQueues() {
  return useQuery({
    queryKey: queryKeys.queues,
    queryFn: ({ signal }) => api.get<List<Queue>>('/queues', undefined, signal),
    select: (d) => d.items,
    staleTime: directoryStale,
  });
}

/** Shops and counters of every department, closed ones too. */
export function useLocations() {
  return useQuery({
    queryKey: queryKeys.locations,
    queryFn: ({ signal }) => api.get<List<Location>>('/locations', undefined, signal),
    select: (d) => d.items,
    staleTime: directoryStale,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => api.get<List<User>>('/users', undefined, signal),
    select: (d) => d.items,
    staleTime: directoryStale,
  });
}

/** Every queue, and a queue's name as people pick it: "Customer Service › General". */
export function useQueueLabels() {
  const queues = useQueues();
  const departmentName = useNameLookup(useDepartments().data);
  const label = (id: number) => {
    const q = queues.data?.find((x) => x.id === id);
    return q ? `${departmentName(q.department_id) ?? ''} › ${q.name}` : String(id);
  };
  return { queues: queues.data ?? [], label };
}

export function useNameLookup<T extends { id: number; name: string }>(items: T[] | undefined) {
  return (id: number | null | undefined): string | undefined =>
    id == null ? undefined : items?.find((x) => x.id === id)?.name;
}

/** One customer; shared so the inbox, the conversation and customer 360 share one cache entry. */
export function customerQuery(id: number) {
  return {
    queryKey: queryKeys.customer(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Customer>(`/customers/${id}`, undefined, signal),
    staleTime: 60_000,
  };
}

export function useCustomer(id: number | undefined) {
  return useQuery({ ...customerQuery(id ?? 0), enabled: !!id });
}
