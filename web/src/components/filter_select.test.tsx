import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { json, renderWithProviders } from '@/testing/render';
import { ChannelFilter, DepartmentFilter, StatusFilter } from './filter_select';

afterEach(() => vi.unstubAllGlobals());

describe('filter selects', () => {
  it('offer "any" and every channel by its translated name, and report the typed choice', async () => {
    const onChange = vi.fn();
    renderWithProviders(<ChannelFilter value={undefined} onChange={onChange} />);
    const select = screen.getByLabelText('Channel');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Any', 'E-mail', 'Chat', 'Phone', 'Social', 'Shop', 'Web form',
    ]);
    await userEvent.selectOptions(select, 'Phone');
    expect(onChange).toHaveBeenLastCalledWith('phone');
  });

  it('report undefined when "any" is chosen again', async () => {
    const onChange = vi.fn();
    renderWithProviders(<StatusFilter value="open" onChange={onChange} />);
    const select = screen.getByLabelText('Status');
    expect(select).toHaveValue('open');
    await userEvent.selectOptions(select, 'Any');
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('use the labels a screen passes and follow the language', async () => {
    await i18n.changeLanguage('nl');
    renderWithProviders(<ChannelFilter label="Kanaal van contact" anyLabel="Alle kanalen" value="chat" onChange={() => {}} />);
    const select = screen.getByLabelText('Kanaal van contact');
    expect(select).toHaveValue('chat');
    expect(within(select).getByRole('option', { name: 'Alle kanalen' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Telefoon' })).toBeInTheDocument();
  });

  it('list the departments from the API and report the id as a number', async () => {
    const fetchMock = vi.fn().mockImplementation(async () =>
      json({ items: [{ id: 2, name: 'Billing', created_at: '' }, { id: 3, name: 'Returns', created_at: '' }] }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onChange = vi.fn();
    renderWithProviders(<DepartmentFilter value={undefined} onChange={onChange} />);
    const select = screen.getByLabelText('Department');
    await screen.findByRole('option', { name: 'Returns' });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/departments');
    await userEvent.selectOptions(select, 'Returns');
    expect(onChange).toHaveBeenLastCalledWith(3);
  });

  it('can be disabled', () => {
    renderWithProviders(<StatusFilter value="waiting_on_us" disabled onChange={() => {}} />);
    expect(screen.getByLabelText('Status')).toBeDisabled();
    expect(screen.getByLabelText('Status')).toHaveValue('waiting_on_us');
  });
});
