// A notice that reports a success is announced politely and looks like a success, not like a warning.
import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoticeBar } from '../../src/components/NoticeBar';
import { addNotice, resetPlayground } from '../../src/store';

beforeEach(() => {
  localStorage.clear();
  resetPlayground();
});

describe('notice levels', () => {
  it('a success notice is a status styled as a success; a warning is an alert', () => {
    render(<NoticeBar />);
    act(() => {
      addNotice('success', 'Imported 2 messages.');
      addNotice('warning', 'Part of your saved playground was damaged.');
    });
    const notices = screen.getByRole('region', { name: 'Notices' });
    const success = within(notices).getByRole('status');
    expect(success).toHaveTextContent('Imported 2 messages.');
    expect(success).toHaveClass('notice-success');
    expect(success).not.toHaveClass('notice-warning');
    expect(within(notices).getByRole('alert')).toHaveTextContent('Part of your saved playground was damaged.');
  });
});
