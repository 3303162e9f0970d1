import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { TokenScope } from '../../common/auth/auth-user.js';
import { ApiToken } from './api-token.entity.js';

/** What authenticating a request needs to know about its token. */
export interface TokenAuthRow {
  id: number;
  userId: number;
  scopes: TokenScope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class ApiTokensRepository {
  private readonly tokens: Repository<ApiToken>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.tokens = dataSource.getRepository(ApiToken);
  }

  /** Plain SQL: it runs for every request a token authenticates whose row is not cached. */
  async findForAuth(secretHash: string): Promise<TokenAuthRow | undefined> {
    const rows = await this.dataSource.query<TokenAuthRow[]>(
      `SELECT id, user_id AS "userId", scopes, expires_at AS "expiresAt",
              last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
       FROM api_tokens WHERE secret_hash = $1`,
      [secretHash],
    );
    return rows[0];
  }

  insert(token: Pick<ApiToken, 'userId' | 'name' | 'secretHash' | 'scopes' | 'expiresAt'>) {
    return this.tokens.save(this.tokens.create(token));
  }

  /** The user's tokens that are not revoked (expired ones included), oldest first. */
  findActiveOf(userId: number): Promise<ApiToken[]> {
    return this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /** Revokes the user's token; false when they have no such token not revoked yet. */
  async revoke(id: number, userId: number): Promise<boolean> {
    const result = await this.tokens.update(
      { id, userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Records a use at most once a minute per token, whichever instance saw it. */
  async touchLastUsed(id: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_tokens SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
