import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { stepSize } from '../../layout/nodeSize';
import { useEditor } from '../../store/EditorStoreContext';
import type { Peer, ShareSession } from './createShareSession';
import { useShare } from './ShareContext';

const NO_PEERS: Peer[] = [];

function usePeers(session: ShareSession | null): Peer[] {
  const [idle] = useState(() => ({
    getState: () => ({ peers: NO_PEERS }),
    getInitialState: () => ({ peers: NO_PEERS }),
    subscribe: () => () => {},
  }));
  return useStore((session?.state ?? idle) as ShareSession['state'], (s) => s.peers);
}

/**
 * Who else is on the shared map: their pointers on the canvas (in map coordinates, so they
 * stay on the right step at any zoom) and a ring in their colour round the steps they have
 * selected. Sends this person's pointer too (at most every 50 ms).
 */
export function PresenceLayer() {
  const { session } = useShare();
  const peers = usePeers(session);
  const nodes = useEditor((s) => s.map.nodes);
  const flow = useReactFlow();

  useEffect(() => {
    if (!session) return;
    const canvas = document.querySelector<HTMLElement>('.lf-canvas');
    if (!canvas) return;
    let last = 0;
    const move = (event: PointerEvent) => {
      const now = performance.now();
      if (now - last < 50) return;
      last = now;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      session.setPointer({ x: Math.round(p.x), y: Math.round(p.y) });
    };
    const leave = () => session.setPointer(null);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerleave', leave);
    return () => {
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerleave', leave);
    };
  }, [session, flow]);

  if (!session || peers.length === 0) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <ViewportPortal>
      {peers.flatMap((peer) =>
        peer.selected.flatMap((id) => {
          const node = byId.get(id);
          if (!node) return [];
          const size = stepSize(node);
          return [
            <div
              key={`${peer.clientId}-${id}`}
              className="lf-peer-selection"
              data-peer={peer.name}
              data-node-id={id}
              style={{
                transform: `translate(${node.position.x - 4}px, ${node.position.y - 4}px)`,
                width: size.width + 8,
                height: size.height + 8,
                borderColor: peer.color,
              }}
            />,
          ];
        }),
      )}
      {peers.map((peer) =>
        peer.pointer ? (
          <div
            key={peer.clientId}
            className="lf-peer-pointer"
            data-peer={peer.name}
            style={{ transform: `translate(${peer.pointer.x}px, ${peer.pointer.y}px)` }}
          >
            <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
              <path
                d="M0 0 L0 16 L4.5 12 L8 20 L10.5 19 L7 11 L13 11 Z"
                fill={peer.color}
                stroke="#fff"
              />
            </svg>
            <span style={{ background: peer.color }}>{peer.name}</span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}
