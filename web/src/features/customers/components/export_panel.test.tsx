import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Job } from '@/types/api';
import { ExportPanel } from './export_panel';

const queued: Job = {
  id: 31, kind: 'customer.export', state: 'queued', payload: { customer_id: 5 }, attempts: 0, worker: null,
  created_by: 1, created_at: '2026-11-27T09:00:00.000Z', run_at: '2026-11-27T09:00:00.000Z',
  finished_at: null, error: null, result_url: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('ExportPanel', () => {
  it('requests the export, follows the job and offers the download when it is done', async () => {
    let polls = 0;
    const fetchMock = vi.fn().mockImplementation(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return json(queued, 202);
      polls += 1;
      return json(polls < 2 ? { ...queued, state: 'running', worker: 'node-a', attempts: 1 }
        : { ...queued, state: 'done', worker: 'node-a', attempts: 1, finished_at: '2026-11-27T09:00:02.000Z', result_url: '/api/v1/jobs/31/result' });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<ExportPanel customerId={5} />);
    await userEvent.click(screen.getByRole('button', { name: 'Prepare export' }));
    expect(await screen.findByText('Preparing the export…')).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Download export (JSON)' }, { timeout: 4000 });
    expect(link).toHaveAttribute('href', '/api/v1/jobs/31/result');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/customers/5/exports');
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/jobs/31');
    expect(screen.getByRole('button', { name: 'Prepare a new export' })).toBeInTheDocument();
  });

  it('stops waiting when the job cannot be read, and offers a new export', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? json(queued, 202) : problem(404, { title: 'Not found', detail: 'job 31 does not exist' })));
    renderWithProviders(<ExportPanel customerId={5} />);
    await userEvent.click(screen.getByRole('button', { name: 'Prepare export' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByText('Preparing the export…')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Prepare a new export' })).toBeInTheDocument();
  });

  it('says why a failed export failed and why a refused request was refused', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? json(queued, 202) : json({ ...queued, state: 'failed', attempts: 1, error: 'customer 5 does not exist' })));
    renderWithProviders(<ExportPanel customerId={5} />);
    await userEvent.click(screen.getByRole('button', { name: 'Prepare export' }));
    expect(await screen.findByText('The export failed: customer 5 does not exist')).toBeInTheDocument();

    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () =>
      problem(403, { title: 'Forbidden', detail: 'your role may not do this' })));
    await userEvent.click(screen.getByRole('button', { name: 'Prepare a new export' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByText(/The export failed/)).not.toBeInTheDocument();
  });
});
