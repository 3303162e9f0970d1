import type { UserProfile } from '../../users/users.service.js';

/** What `GET /v0/user` answers: data.world's user, `id` being the username. */
export interface V0UserJson {
  id: string;
  displayName?: string;
  created: string;
  updated: string;
}

export function userJson(profile: UserProfile): V0UserJson {
  return {
    id: profile.username,
    ...(profile.displayName !== undefined && { displayName: profile.displayName }),
    created: profile.created.toISOString(),
    updated: profile.updated.toISOString(),
  };
}
