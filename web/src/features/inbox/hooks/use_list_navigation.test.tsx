import { act, fireEvent, render, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useListNavigation } from './use_list_navigation';

const press = (key: string, target: Document | Element = document.body) =>
  act(() => {
    fireEvent.keyDown(target, { key });
  });

describe('useListNavigation', () => {
  it('moves with j/k within the list, opens with Enter, resolves with e', () => {
    const onOpen = vi.fn();
    const onResolve = vi.fn();
    const onMove = vi.fn();
    const { result } = renderHook(() => useListNavigation({ count: 3, onOpen, onResolve, onMove }));
    expect(result.current.active).toBe(-1);
    press('Enter');
    expect(onOpen).not.toHaveBeenCalled();
    press('j');
    press('j');
    press('j');
    press('j');
    expect(result.current.active).toBe(2);
    press('k');
    expect(result.current.active).toBe(1);
    expect(onMove).toHaveBeenLastCalledWith(1);
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith(1);
    press('e');
    expect(onResolve).toHaveBeenCalledWith(1);
    press('k');
    press('k');
    expect(result.current.active).toBe(0);
  });

  it('ignores keys typed into fields and with modifiers', () => {
    const onResolve = vi.fn();
    const { result } = renderHook(() => useListNavigation({ count: 3, onOpen: vi.fn(), onResolve }));
    const { getByRole } = render(<input aria-label="tag" />);
    press('j', getByRole('textbox'));
    expect(result.current.active).toBe(-1);
    act(() => {
      fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    });
    expect(result.current.active).toBe(-1);
    press('j');
    press('e', getByRole('textbox'));
    expect(onResolve).not.toHaveBeenCalled();
  });

  it('keeps the active row inside a list that shrank', () => {
    const { result, rerender } = renderHook(({ count }) => useListNavigation({ count, onOpen: vi.fn(), onResolve: vi.fn() }), {
      initialProps: { count: 5 },
    });
    for (let i = 0; i < 5; i++) press('j');
    expect(result.current.active).toBe(4);
    rerender({ count: 2 });
    expect(result.current.active).toBe(1);
  });

  it('leaves Enter on a focused link to the link', () => {
    const onOpen = vi.fn();
    renderHook(() => useListNavigation({ count: 2, onOpen, onResolve: vi.fn() }));
    const { getByRole } = render(<a href="#x">row</a>);
    press('j');
    press('Enter', getByRole('link'));
    expect(onOpen).not.toHaveBeenCalled();
  });
});
