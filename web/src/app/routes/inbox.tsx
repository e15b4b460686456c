import { InboxPage } from '@/features/inbox/components/inbox_page';

export function Component() {
  return <InboxPage />;
}
