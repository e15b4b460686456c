import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Permission } from '@/types/api';
import { AdminPage } from './admin_page';

afterEach(() => vi.unstubAllGlobals());

function renderAs(permissions: Permission[], role: 'admin' | 'agent') {
  vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => json({ items: [] })));
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions, role));
  return renderWithProviders(<AdminPage />, { client, route: '/admin' });
}

describe('AdminPage', () => {
  it('shows the sections the session permits, whatever the role', async () => {
    renderAs(['read_directory', 'manage_directory'], 'agent');
    expect(await screen.findByRole('link', { name: 'Departments and queues' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users and roles' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'API tokens' })).not.toBeInTheDocument();
  });

  it('refuses a session without an admin permission, even an admin', () => {
    renderAs(['read_directory'], 'admin');
    expect(screen.getByText('You are not allowed to see this page.')).toBeInTheDocument();
  });
});
