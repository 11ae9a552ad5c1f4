import { useState } from 'react';
import { useStore } from 'zustand';
import { personInitials } from '../../canvas/personInitials';
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

interface Person {
  key: string;
  name: string;
  color: string;
  me?: boolean;
}

/** Most people shown as a round badge in the toolbar; the rest are "+N" (all in the dialog). */
const BADGES_SHOWN = 3;

/**
 * Who is here, as round badges with their initials (as in Google Docs or Figma): the toolbar
 * keeps its width however many join. Each badge's full name is read out and shown on hover.
 */
function PeopleHere({ people }: { people: readonly Person[] }) {
  const shown = people.length > BADGES_SHOWN + 1 ? people.slice(0, BADGES_SHOWN) : people;
  const rest = people.slice(shown.length);
  const label = (p: Person) => (p.me ? `${p.name} (you)` : p.name);
  return (
    <ul className="lf-share__people" aria-label="People here">
      {shown.map((p) => (
        <li key={p.key} style={{ background: p.color }} title={label(p)}>
          <span aria-hidden="true">{personInitials(p.name)}</span>
          <span className="lf-visually-hidden">{label(p)}</span>
        </li>
      ))}
      <li className="lf-share__count" title={people.map(label).join(', ')}>
        <span aria-hidden="true">{people.length}</span>
        <span className="lf-visually-hidden">{people.map(label).join(', ')}</span>
      </li>
      {rest.length ? (
        <li className="lf-share__more" title={rest.map(label).join(', ')}>
          <span aria-hidden="true">+{rest.length}</span>
          <span className="lf-visually-hidden">{rest.map(label).join(', ')}</span>
        </li>
      ) : null}
    </ul>
  );
}

/** What the toolbar says about the shared map: online, offline with changes waiting… */
export function shareStatusText(state: ShareSessionState): string {
  if (state.connection === 'denied') return 'Sharing: link not valid';
  if (state.connection === 'online') return 'Live';
  if (state.connection === 'connecting') return 'Connecting…';
  return `offline — ${state.waiting} ${state.waiting === 1 ? 'change' : 'changes'} waiting`;
}

/** The status in a narrow window, where the full text does not fit (it is the title). */
export function shareStatusShort(state: ShareSessionState, viewOnly: boolean): string {
  const text =
    state.connection === 'offline'
      ? `Offline · ${state.waiting}`
      : state.connection === 'denied'
        ? 'Link not valid'
        : shareStatusText(state);
  return viewOnly ? `View · ${text}` : text;
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
          <span
            className={`lf-share__status is-${state.connection}`}
            data-testid="share-status"
            data-short={shareStatusShort(state, viewOnly)}
            title={`${viewOnly ? 'View only · ' : ''}${shareStatusText(state)}`}
          >
            <span className="lf-share__status-text">
              {viewOnly ? 'View only · ' : ''}
              {shareStatusText(state)}
            </span>
          </span>
          <PeopleHere
            people={[
              { key: 'me', name: sharing.presence.name, color: sharing.presence.color, me: true },
              ...state.peers.map((p) => ({
                key: String(p.clientId),
                name: p.name,
                color: p.color,
              })),
            ]}
          />
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
            <h3 className="lf-share__heading">People here</h3>
            <ul className="lf-share__names" aria-label="Everyone on this map">
              <li>
                <span className="lf-share__dot" style={{ background: sharing.presence.color }} />
                {sharing.presence.name} (you)
              </li>
              {state.peers.map((p) => (
                <li key={p.clientId}>
                  <span className="lf-share__dot" style={{ background: p.color }} />
                  {p.name}
                </li>
              ))}
            </ul>
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
