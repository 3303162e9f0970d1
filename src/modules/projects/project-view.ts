import type { Project } from './project.entity.js';

/** A project as both API faces read it. */
export interface ProjectView {
  readonly id: number;
  readonly name: string;
  readonly teamId: number;
  readonly creatorId: number | null;
  readonly creationTime: Date;
  readonly deletionTime: Date | null;
}

export function projectView(project: Project): ProjectView {
  return {
    id: project.id,
    name: project.name,
    teamId: project.teamId,
    creatorId: project.creatorId,
    creationTime: project.creationTime,
    deletionTime: project.deletionTime,
  };
}
