/** What a share link carries: the room and a token (edit or view). */
export interface ShareLink {
  room: string;
  token: string;
}

const ROOM = /^[A-Za-z0-9_-]{22}$/;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The link that opens a room, in the page's fragment (never sent to the web server).
 * @example shareLinkUrl('https://app/', { room, token }) // 'https://app/#room=…&token=…'
 */
export function shareLinkUrl(base: string, link: ShareLink): string {
  const url = new URL(base);
  url.hash = new URLSearchParams({ room: link.room, token: link.token }).toString();
  return url.toString();
}

/** The room and token in a page's fragment, or null when it holds none (or a broken one). */
export function parseShareLink(hash: string): ShareLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get('room') ?? '';
  const token = params.get('token') ?? '';
  return ROOM.test(room) && TOKEN.test(token) ? { room, token } : null;
}
