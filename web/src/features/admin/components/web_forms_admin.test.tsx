import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { WebForm } from '@/types/api';
import { WebFormsAdmin } from './web_forms_admin';

const at = '2026-12-03T09:00:00.000Z';
const contact: WebForm = { id: 1, slug: 'contact', name: 'Contact', queue_id: 7, active: true, url: '/forms/contact', created_at: at };
const directory = {
  'GET /queues': () => json({ items: [{ id: 7, department_id: 2, name: 'General', created_at: at }] }),
  'GET /departments': () => json({ items: [{ id: 2, name: 'Customer Service', created_at: at }] }),
};

afterEach(() => vi.unstubAllGlobals());

describe('WebFormsAdmin', () => {
  it('lists each form with its queue, its page and the address for an own site, and closes one', async () => {
    const calls = stubApi({
      ...directory,
      'GET /web-forms': () => json({ items: [contact] }),
      'PATCH /web-forms/1': () => json({ ...contact, active: false }),
    });
    renderWithProviders(<WebFormsAdmin />);
    const [row] = await screen.findAllByTestId('web-form-row');
    expect(await within(row).findByText('Customer Service › General')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '/forms/contact' })).toHaveAttribute('href', '/forms/contact');
    expect(within(row).getByText('POST /api/v1/public/forms/contact')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(calls.find((c) => c.key === 'PATCH /web-forms/1')?.body).toEqual({ active: false }));
  });

  it('opens a form for a queue and shows a taken address name under its field', async () => {
    const calls = stubApi({
      ...directory,
      'GET /web-forms': () => json({ items: [] }),
      'POST /web-forms': () => problem(409, { title: 'Conflict', detail: 'the slug is taken', errors: [{ field: 'slug', message: 'is taken' }] }),
    });
    renderWithProviders(<WebFormsAdmin />);
    expect(await screen.findByText('No web forms yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Address name'), 'contact');
    await userEvent.type(screen.getByLabelText('Title'), 'Contact');
    await screen.findByRole('option', { name: 'Customer Service › General' });
    await userEvent.selectOptions(screen.getByLabelText('Queue'), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Open form' }));
    expect(await screen.findByText('is taken')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /web-forms')?.body).toEqual({ slug: 'contact', name: 'Contact', queue_id: 7 });
  });
});
