// The Storage section (src/components/storage/StorageSection.tsx) and the storage warnings, with the browser's
// storage manager (navigator.storage) mocked: usage and quota, persistent storage, the largest conversations with
// Delete and Undo, and the notice that opens the section when storage is nearly full.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoticeBar } from '../../src/components/NoticeBar';
import { StorageSection } from '../../src/components/storage/StorageSection';
import { addNotice, storageNearlyFullText, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { newConversation } from '../../src/store/libraryActions';
import { checkStorageRoom, requestPersistentStorage } from '../../src/store/storageUsage';
import { resetEverything } from './helpers';

const megabyte = 1024 * 1024;

function setStorageManager(manager: unknown): void {
  Object.defineProperty(navigator, 'storage', { value: manager, configurable: true });
}

function stubStorageManager(usage: number, quota: number, persisted = false) {
  const manager = {
    estimate: vi.fn(() => Promise.resolve({ usage, quota })),
    persisted: vi.fn(() => Promise.resolve(persisted)),
    persist: vi.fn(() => Promise.resolve(true)),
  };
  setStorageManager(manager);
  return manager;
}

beforeEach(() => {
  resetEverything();
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('the Storage section', () => {
  it('shows usage against the quota, whether storage is persistent, and the largest conversations first', async () => {
    stubStorageManager(12 * megabyte, 100 * megabyte);
    actions.addTurn('user', 'Short one');
    newConversation();
    actions.addTurn('user', `Long one ${'x'.repeat(300 * 1024)}`);
    render(<StorageSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Storage' }));
    expect(await screen.findByText('Using 12.0 MB of 100.0 MB (12 %).')).toBeVisible();
    expect(screen.getByText(/Persistent storage is off/)).toBeVisible();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Long one x+… — 301 KB/),
      expect.stringMatching(/^Short one — \d+ bytes/),
    ]);
  });

  it('deletes a large conversation from the list, with Undo', async () => {
    stubStorageManager(1 * megabyte, 100 * megabyte, true);
    actions.addTurn('user', 'Keep this');
    newConversation();
    actions.addTurn('user', `Delete this ${'y'.repeat(200 * 1024)}`);
    render(<StorageSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Storage' }));
    expect(await screen.findByText(/Persistent storage is on/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: /^Delete “Delete this/ }));
    expect(usePlaygroundStore.getState().library.conversations).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Delete “Delete this/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(usePlaygroundStore.getState().library.conversations).toHaveLength(2);
  });

  it('says so where the browser cannot estimate its storage', async () => {
    setStorageManager(undefined);
    render(<StorageSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Storage' }));
    expect(await screen.findByText('This browser does not say how much storage is used.')).toBeVisible();
  });

  it('measures nothing while closed: the conversations are sized once the section is opened', async () => {
    stubStorageManager(1 * megabyte, 100 * megabyte);
    actions.addTurn('user', 'Measure me');
    render(<StorageSection />);
    expect(screen.queryByText(/^Measure me —/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Storage' }));
    expect(await screen.findByText(/^Measure me — \d+ bytes/)).toBeVisible();
  });
});

describe('storage warnings', () => {
  it('warns past 80 % of the quota, and the notice opens the Storage section', async () => {
    stubStorageManager(85 * megabyte, 100 * megabyte);
    checkStorageRoom(() => addNotice('warning', storageNearlyFullText), Date.now() + 60_000);
    render(
      <>
        <NoticeBar />
        <StorageSection />
      </>,
    );
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('Your browser storage is nearly full.');
    expect(screen.getByRole('button', { name: 'Storage' })).toHaveAttribute('aria-expanded', 'false');
    // The notice's actions load on demand; its text shows at once.
    await userEvent.click(await screen.findByRole('button', { name: 'Manage storage' }));
    const toggle = screen.getByRole('button', { name: 'Storage' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveFocus();
    expect(await screen.findByText('Using 85.0 MB of 100.0 MB (85 %).')).toBeVisible();
  });

  it('does not warn below 80 %', async () => {
    stubStorageManager(50 * megabyte, 100 * megabyte);
    const warn = vi.fn();
    checkStorageRoom(warn, Date.now() + 120_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(warn).not.toHaveBeenCalled();
  });

  it('asks for persistent storage once, and remembers the answer', async () => {
    const manager = stubStorageManager(0, 100 * megabyte);
    requestPersistentStorage();
    requestPersistentStorage();
    await vi.waitFor(() => expect(localStorage.getItem('glm-playground:persistent-storage')).toBe('granted'));
    requestPersistentStorage();
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });
});
