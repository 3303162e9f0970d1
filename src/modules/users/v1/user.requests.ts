import type { CreateUserDto, PatchUserDto } from '../user.dto.js';
import type { CreateUserCommand, UpdateUserCommand } from '../user.commands.js';

/**
 * What `GET /v1/users/{x}` asks for: all digits is a pk (as in the reference, whose route order
 * shadows numeric usernames); anything else is get_by_name.
 */
export function parseUserLookup(segment: string): { pk: number } | { name: string } {
  return /^[0-9]+$/.test(segment) ? { pk: Number(segment) } : { name: segment };
}

/** A validated PUT or PATCH body as the service's command (absent fields stay undefined). */
export function updateUserCommand(dto: PatchUserDto): UpdateUserCommand {
  return {
    username: dto.username,
    password: dto.password,
    firstName: dto.first_name,
    lastName: dto.last_name,
    email: dto.email,
    isStaff: dto.is_staff,
    isActive: dto.is_active,
  };
}

/** A validated `POST /v1/users/create` body as the service's command. */
export function createUserCommand(dto: CreateUserDto): CreateUserCommand {
  // The validation pipe guarantees the required fields, so the mapping above is complete.
  return updateUserCommand(dto) as CreateUserCommand;
}
