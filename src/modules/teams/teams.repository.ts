import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Membership, type Level } from './membership.entity.js';
import { Team } from './team.entity.js';
import type { TeamMemberView } from './team-view.js';
import { runTransaction } from '../../database/transaction.js';

@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  findTeam(id: number, manager: EntityManager = this.dataSource.manager): Promise<Team | null> {
    return manager.findOneBy(Team, { id });
  }

  /** The active team with this slug (the `/v0` owner), if any. */
  findActiveBySlug(slug: string): Promise<Team | null> {
    return this.dataSource.manager.findOneBy(Team, { slug, deletionTime: IsNull() });
  }

  /** Base of `POST /v1/teams/list`; visibility and the caller's filter are added on top. */
  listQuery(alias: string): SelectQueryBuilder<Team> {
    return this.dataSource.getRepository(Team).createQueryBuilder(alias);
  }

  /** Active members of each team, in membership order. */
  async membersOf(teamIds: number[]): Promise<Map<number, TeamMemberView[]>> {
    const members = new Map<number, TeamMemberView[]>(teamIds.map((id) => [id, []]));
    if (teamIds.length === 0) {
      return members;
    }
    const rows = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.user', 'u')
      .select(['m.team_id AS team_id', 'u.id AS pk', 'u.username AS username'])
      .where({ teamId: In(teamIds), deletionTime: IsNull() })
      .orderBy('m.id')
      .getRawMany<{ team_id: number; pk: number; username: string }>();
    for (const row of rows) {
      members.get(row.team_id)?.push({ userId: row.pk, username: row.username });
    }
    return members;
  }

  /** Active slugs equal to `base` or `base-N`, to pick a free one without a guessing loop. */
  async slugsLike(base: string, manager: EntityManager): Promise<Set<string>> {
    const rows = await manager
      .createQueryBuilder(Team, 't')
      .select('t.slug', 'slug')
      .where('t.deletion_time IS NULL')
      .andWhere('(t.slug = :base OR t.slug ~ :pattern)', {
        base,
        pattern: `^${base.replace(/[^a-z0-9-]/g, '')}-[0-9]+$`,
      })
      .getRawMany<{ slug: string }>();
    return new Set(rows.map((row) => row.slug));
  }

  async insertTeam(manager: EntityManager, team: Partial<Team>): Promise<Team> {
    return manager.save(manager.create(Team, team));
  }

  async setSlug(manager: EntityManager, team: Team, slug: string): Promise<Team> {
    await manager.update(Team, { id: team.id }, { slug });
    return { ...team, slug };
  }

  async renameTeam(id: number, name: string): Promise<void> {
    await this.dataSource.getRepository(Team).update({ id }, { name });
  }

  /** Soft-deletes the team and its active memberships with one timestamp. */
  async softDeleteTeam(id: number): Promise<void> {
    await runTransaction(this.dataSource, async (manager) => {
      const [{ now }] = await manager.query<{ now: Date }[]>('SELECT now() AS now');
      await manager.update(Team, { id, deletionTime: IsNull() }, { deletionTime: now });
      await manager.update(
        Membership,
        { teamId: id, deletionTime: IsNull() },
        { deletionTime: now },
      );
    });
  }

  async hardDeleteTeam(id: number): Promise<void> {
    await this.dataSource.getRepository(Team).delete({ id });
  }

  async reinstateTeam(id: number): Promise<void> {
    await this.dataSource.getRepository(Team).update({ id }, { deletionTime: null });
  }

  activeMembership(userId: number, teamId: number): Promise<Membership | null> {
    return this.dataSource
      .getRepository(Membership)
      .findOneBy({ userId, teamId, deletionTime: IsNull() });
  }

  /** The caller's level in an active team, or undefined when not an active member. */
  async levelOf(userId: number, teamId: number): Promise<Level | undefined> {
    return (await this.levelsOf(userId, teamId)).get(teamId);
  }

  /** The user's level in every active team they are an active member of (or in `onlyTeam`). */
  async levelsOf(userId: number, onlyTeam?: number): Promise<Map<number, Level>> {
    const rows = await this.dataSource.query<{ teamId: number; permissions: Level }[]>(
      `SELECT m.team_id AS "teamId", m.permissions FROM memberships m
       JOIN teams t ON t.id = m.team_id
       WHERE m.user_id = $1 AND ($2::int IS NULL OR m.team_id = $2)
         AND m.deletion_time IS NULL AND t.deletion_time IS NULL`,
      [userId, onlyTeam ?? null],
    );
    return new Map(rows.map((row) => [row.teamId, row.permissions]));
  }

  async insertMembership(membership: Partial<Membership>): Promise<Membership> {
    const repository = this.dataSource.getRepository(Membership);
    return repository.save(repository.create(membership));
  }

  async saveMembership(membership: Membership): Promise<Membership> {
    return this.dataSource.getRepository(Membership).save(membership);
  }

  async endMembership(membership: Membership): Promise<Membership> {
    const repository = this.dataSource.getRepository(Membership);
    await repository
      .createQueryBuilder()
      .update()
      .set({ deletionTime: () => 'now()' })
      .where('id = :id', { id: membership.id })
      .execute();
    return (await repository.findOneBy({ id: membership.id }))!;
  }
}
