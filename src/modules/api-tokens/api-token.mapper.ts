import type { ApiTokenDto, CreatedApiTokenDto } from './api-token.dto.js';
import type { ApiTokenView } from './api-tokens.service.js';

export function toApiTokenJson(token: ApiTokenView): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    created_at: token.createdAt.toISOString(),
    expires_at: token.expiresAt ? token.expiresAt.toISOString() : null,
    last_used_at: token.lastUsedAt ? token.lastUsedAt.toISOString() : null,
  };
}

export function toCreatedApiTokenJson(token: ApiTokenView, secret: string): CreatedApiTokenDto {
  return { ...toApiTokenJson(token), token: secret };
}
