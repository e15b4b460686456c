import { useParams } from 'react-router-dom';
import { CustomerPage } from '@/features/customers/components/customer_page';

export function Component() {
  const id = Number(useParams().id) || 0;
  return <CustomerPage key={id} id={id} />;
}
