import { useState } from 'react';
import { useStore } from 'zustand';
import { useModalDialog } from '../../panels/useModalDialog';
import type { ShareSession, ShareSessionState } from './createShareSession';
import { useShare } from './ShareContext';
import { shareLinkUrl } from './shareLink';

const EMPTY_STATE: ShareSessionState = {
  connection: 'offline',
  waiting: 0,
  access: null,
  peers: [],
  repairs: [],
};

function useSessionState(session: ShareSession | null): ShareSessionState {
  // A store that never changes stands in while nothing is shared (hooks run every render).
  const [idle] = useState(() => ({
    getState: () => EMPTY_STATE,
    getInitialState: () => EMPTY_STATE,
    subscribe: () => () => {},
  }));
  return useStore((session?.state ?? idle) as ShareSession['state'], (s) => s);
}

function CopyLink({ label, url }: { label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="lf-share__link">
      <label>
        {label}
        <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
      </button>
    </div>
  );
}

/** What the toolbar says about the shared map: online, offline with changes waiting… */
export function shareStatusText(state: ShareSessionState): string {
  if (state.connection === 'denied') return 'Sharing: link not valid';
  if (state.connection === 'online') return 'Live';
  if (state.connection === 'connecting') return 'Connecting…';
  return `offline — ${state.waiting} ${state.waiting === 1 ? 'change' : 'changes'} waiting`;
}

/**
 * Share in the toolbar: makes a room (or says how to start the server), shows the edit and
 * view-only links, who is here, your name and colour, and Stop sharing.
 */
export function ShareControls() {
  const sharing = useShare();
  const state = useSessionState(sharing.session);
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);
  const [deleteRoom, setDeleteRoom] = useState(false);
  const record = sharing.record;
  const base = `${window.location.origin}${window.location.pathname}`;
  const viewOnly = record?.mode === 'view';
  return (
    <div className="lf-share">
      {sharing.session ? (
        <>
          <span className={`lf-share__status is-${state.connection}`} data-testid="share-status">
            {viewOnly ? 'View only · ' : ''}
            {shareStatusText(state)}
          </span>
          <ul className="lf-share__people" aria-label="People here">
            <li
              style={{ background: sharing.presence.color }}
              title={`${sharing.presence.name} (you)`}
            >
              {sharing.presence.name} (you)
            </li>
            {state.peers.map((p) => (
              <li key={p.clientId} style={{ background: p.color }} title={p.name}>
                {p.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button
        type="button"
        disabled={sharing.busy}
        onClick={() => setOpen(true)}
        title="Work on this map together: edit and view-only links"
      >
        {sharing.session ? 'Shared' : 'Share'}
      </button>
      <dialog
        ref={ref}
        className="lf-dialog lf-share__dialog"
        aria-labelledby="lf-share-title"
        onClose={() => {
          setOpen(false);
          sharing.clearError();
        }}
      >
        <h2 id="lf-share-title">Share this map</h2>
        <fieldset className="lf-share__me">
          <legend>You, as others see you</legend>
          <label>
            Your name
            <input
              value={sharing.presence.name}
              maxLength={40}
              onChange={(e) =>
                e.target.value.trim() &&
                sharing.setPresence({ ...sharing.presence, name: e.target.value })
              }
            />
          </label>
          <label>
            Your colour
            <input
              type="color"
              value={sharing.presence.color}
              onChange={(e) => sharing.setPresence({ ...sharing.presence, color: e.target.value })}
            />
          </label>
        </fieldset>
        {sharing.error ? (
          <p role="alert" className="lf-share__error">
            {sharing.error}
          </p>
        ) : null}
        {sharing.session && record ? (
          <>
            {record.editToken ? (
              <CopyLink
                label="Edit link"
                url={shareLinkUrl(base, { room: record.room, token: record.editToken })}
              />
            ) : null}
            {record.viewToken || record.editToken ? (
              record.viewToken ? (
                <CopyLink
                  label="View-only link"
                  url={shareLinkUrl(base, { room: record.room, token: record.viewToken })}
                />
              ) : null
            ) : null}
            {viewOnly ? (
              <p>You have this map's view-only link: you see every change, and change nothing.</p>
            ) : null}
            <div className="lf-share__stop">
              {record.editToken ? (
                <label>
                  <input
                    type="checkbox"
                    checked={deleteRoom}
                    onChange={(e) => setDeleteRoom(e.target.checked)}
                  />
                  Also delete the room (the links stop working)
                </label>
              ) : null}
              <button
                type="button"
                onClick={() => void sharing.stop(deleteRoom).then(() => setOpen(false))}
              >
                Stop sharing
              </button>
            </div>
          </>
        ) : (
          <>
            <p>
              Share moves this map into a room on the sync server and gives you two links: one to
              edit, one to view only. Everyone with a link sees every change live.
            </p>
            <button type="button" disabled={sharing.busy} onClick={() => void sharing.share()}>
              Share this map
            </button>
          </>
        )}
        <button type="button" className="lf-share__close" onClick={() => setOpen(false)}>
          Close
        </button>
      </dialog>
    </div>
  );
}
