import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { TokenScope } from '../../common/auth/auth-user.js';
import { User } from '../users/user.entity.js';

/**
 * A long-lived API token. Only the SHA-256 of its secret is kept: the secret itself is shown
 * once, when the token is made, and a request's token is found by the hash of what it sends.
 */
@Entity({ name: 'api_tokens' })
@Index('uq_api_tokens_secret_hash', ['secretHash'], { unique: true })
@Index('ix_api_tokens_user', ['userId'])
@Check(
  'ck_api_tokens_scopes',
  `cardinality("scopes") > 0 AND "scopes" <@ ARRAY['read', 'write', 'admin']::text[]`,
)
export class ApiToken {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_api_tokens' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** SHA-256 of the secret, lower-case hex. */
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'text', array: true })
  scopes: TokenScope[];

  /** Null: never expires. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Updated at most about once a minute per token, so reads stay free of writes. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Set when the owner revokes the token; a revoked token never authenticates again. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
