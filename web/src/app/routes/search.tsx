import { SearchPage } from '@/features/search/components/search_page';

export function Component() {
  return <SearchPage />;
}
