import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api_client';
import { FieldError, FormError, fieldProps } from './field_error';

const validation = new ApiError({
  status: 400,
  title: 'Invalid request',
  detail: 'the transfer is not valid',
  errors: [
    { field: 'note', message: 'is required' },
    { field: 'queue_id', message: 'is not a queue of department 3' },
  ],
});

function NoteField({ error }: { error: unknown }) {
  return (
    <div>
      <label htmlFor="note">Note</label>
      <textarea {...fieldProps('note', error, 'note')} />
      <FieldError id="note" error={error} field="note" />
      <FormError error={error} fields={['note']} />
    </div>
  );
}

describe('field errors', () => {
  it('shows the message under its field and links it for screen readers', () => {
    render(<NoteField error={validation} />);
    const input = screen.getByLabelText('Note');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('is required');
  });

  it('lists only the field errors that have no field of their own in the form error', () => {
    render(<NoteField error={validation} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The request is not valid. The transfer is not valid.');
    expect(alert).toHaveTextContent('queue_id: is not a queue of department 3');
    expect(alert).not.toHaveTextContent('is required');
  });

  it('renders nothing without an error', () => {
    render(<NoteField error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Note')).not.toHaveAttribute('aria-invalid');
  });

  it('explains a network failure', () => {
    render(<FormError error={new ApiError({ status: 0, type: 'network' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The server cannot be reached');
  });
});
