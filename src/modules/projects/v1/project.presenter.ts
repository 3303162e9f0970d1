import { softDeleteJson } from '../../../common/entities/soft-delete.entity.js';
import type { ProjectView } from '../project-view.js';

/** UFDL's project JSON; the key order is part of the wire contract. */
export interface ProjectJson {
  pk: number;
  name: string;
  team: number;
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
}

export function projectJson(view: ProjectView): ProjectJson {
  return { pk: view.id, name: view.name, team: view.teamId, ...softDeleteJson(view) };
}
