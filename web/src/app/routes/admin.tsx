import { AdminPage } from '@/features/admin/components/admin_page';

export function Component() {
  return <AdminPage />;
}
