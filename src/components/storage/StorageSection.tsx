import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { usePlaygroundStore } from '../../store';
import { largestConversations, type ConversationSize } from '../../store/conversationSizes';
import './storage.css';
import { deleteConversation } from '../../store/libraryActions';
import { nearlyFullShare, storageRoom, type StorageRoom } from '../../store/storageUsage';
import { sizeLabel } from '../../core/jsonLimits';
import { DeletedConversationStatus } from '../library/DeletedConversationStatus';
import { SidebarSection } from '../ui/SidebarSection';
import { storageSectionKey, storageSectionRequests, subscribeToStorageSectionRequests } from './storageSectionRequest';

function bytesLabel(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : sizeLabel(bytes);
}

function persistenceText(persisted: boolean | null): string {
  if (persisted === null) return 'This browser does not say whether it keeps this data when space runs low.';
  return persisted
    ? 'Persistent storage is on: the browser keeps this data when space runs low.'
    : 'Persistent storage is off: the browser may clear this data when space runs low.';
}

/** The browser's estimate, read when the section shows and again after each change to the saved conversations. */
function useStorageRoom(): StorageRoom | null | 'loading' {
  const conversations = usePlaygroundStore((state) => state.library.conversations);
  const [room, setRoom] = useState<StorageRoom | null | 'loading'>('loading');
  useEffect(() => {
    let current = true;
    void storageRoom().then((next) => {
      if (current) setRoom(next);
    });
    return () => {
      current = false;
    };
  }, [conversations]);
  return room;
}

function StorageUsage() {
  const room = useStorageRoom();
  if (room === 'loading') return <p className="hint">Reading how much storage is used…</p>;
  if (room === null) return <p className="hint">This browser does not say how much storage is used.</p>;
  const share = room.quota > 0 ? room.usage / room.quota : 0;
  return (
    <>
      <p className={share >= nearlyFullShare ? 'storage-usage storage-usage-high' : 'storage-usage'}>
        Using {bytesLabel(room.usage)} of {bytesLabel(room.quota)} ({Math.round(share * 100)} %).
      </p>
      <p className="hint">{persistenceText(room.persisted)}</p>
    </>
  );
}

/**
 * The largest conversations, measured again when the saved ones or the open one change; not while a reply streams
 * (measuring a long conversation on every token would slow the stream).
 */
function useLargestConversations() {
  const conversations = usePlaygroundStore((state) => state.library.conversations);
  const turns = usePlaygroundStore((state) => (state.ui.sending ? null : state.conversation.turns));
  const [measured, setMeasured] = useState<{ from: unknown[]; sizes: ConversationSize[] }>({ from: [], sizes: [] });
  if (turns !== null && (measured.from[0] !== conversations || measured.from[1] !== turns))
    setMeasured({ from: [conversations, turns], sizes: largestConversations(usePlaygroundStore.getState()) });
  return measured.sizes;
}

/** The largest conversations with Delete (measured only while the section is open: it serialises each one). */
function LargestConversations() {
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const largest = useLargestConversations();
  if (largest.length === 0) return null;
  return (
    <>
      <h3 className="storage-heading">Largest conversations</h3>
      <ul className="storage-list">
        {largest.map((entry) => (
          <li key={entry.id}>
            <span>
              {entry.title} — {sizeLabel(entry.characters)}
            </span>
            <button
              type="button"
              aria-label={`Delete “${entry.title}” (${sizeLabel(entry.characters)})`}
              disabled={sending}
              onClick={() => deleteConversation(entry.id)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Storage": how much is used, whether the browser keeps it, and the largest conversations with Delete. */
export function StorageSection() {
  const requests = useSyncExternalStore(subscribeToStorageSectionRequests, storageSectionRequests);
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (requests === 0) return;
    const section = wrapper.current;
    // jsdom has no scrollIntoView, though the DOM types always declare it.
    if (section && typeof section.scrollIntoView === 'function') section.scrollIntoView({ block: 'nearest' });
    section?.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus();
  }, [requests]);
  return (
    <div ref={wrapper}>
      {/* A request from a notice remounts the section, which then reads its remembered state: open. */}
      <SidebarSection
        key={requests}
        title="Storage"
        sectionKey={storageSectionKey}
        defaultOpen={false}
        bodyOnlyWhenOpen
      >
        <StorageUsage />
        <LargestConversations />
        <DeletedConversationStatus />
      </SidebarSection>
    </div>
  );
}
