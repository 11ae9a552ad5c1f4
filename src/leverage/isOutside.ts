import { OUTSIDE_ROLES, type PersonRole } from '../model';

/**
 * Whether a role is an outside party (client or supplier): their steps cost the owner
 * nothing and count in no one's hours, but their time counts in a case's lead time.
 * @example isOutside('client') // true
 */
export function isOutside(role: PersonRole | undefined): boolean {
  return role !== undefined && OUTSIDE_ROLES.includes(role);
}
