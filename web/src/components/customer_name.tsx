import { useCustomer } from '@/lib/directory';

/** A customer's name by id, from the shared customer cache (`#id` until it loads). */
export function CustomerName({ id }: { id: number }) {
  const { data } = useCustomer(id);
  return <>{data?.name ?? `#${id}`}</>;
}
