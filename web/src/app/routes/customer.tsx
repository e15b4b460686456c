import { useParams } from 'react-router-dom';
import { can, useCurrentSession } from '@/lib/session';
import { CustomerPage } from '@/features/customers/components/customer_page';
import { PromisesPanel } from '@/features/promises/components/promises_panel';

// Customer 360 with the customer's promises, both ways: two features composed here.
export function Component() {
  const id = Number(useParams().id) || 0;
  const session = useCurrentSession();
  return (
    <CustomerPage
      key={id}
      id={id}
      side={(c) =>
        can(session, 'read_conversations') && (
          <PromisesPanel customerId={c.id} canWrite={can(session, 'write_conversations') && !c.merged_into_id} />
        )
      }
    />
  );
}
