import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { Highlight, splitHighlight } from './highlight';

describe('Highlight', () => {
  it('splits escaped text and marks', () => {
    expect(splitHighlight('Uw <mark>pakket</mark> &amp; &lt;b&gt;')).toEqual([
      { text: 'Uw ', marked: false },
      { text: 'pakket', marked: true },
      { text: ' & <b>', marked: false },
    ]);
  });

  it('never turns stored text into markup', () => {
    const { container } = render(<Highlight html={'<mark><mark>x</mark> &lt;img src=x onerror=alert(1)&gt;'} />);
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.querySelectorAll('mark')).toHaveLength(1);
    expect(container.textContent).toBe('x <img src=x onerror=alert(1)>');
  });
});
