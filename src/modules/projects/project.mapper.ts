import { softDeleteJson } from '../../common/entities/soft-delete.entity.js';
import type { Project } from './project.entity.js';

export interface ProjectJson {
  pk: number;
  name: string;
  team: number;
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
}

export function toProjectJson(project: Project): ProjectJson {
  return { pk: project.id, name: project.name, team: project.teamId, ...softDeleteJson(project) };
}
