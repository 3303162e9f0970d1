import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiAdminMarker, ApiAuthMarker } from '../http/v1-openapi.js';

export const IS_PUBLIC = 'strata:isPublic';
export const ALLOW_ANONYMOUS = 'strata:allowAnonymous';
export const ADMIN_ONLY = 'strata:adminOnly';

/**
 * Opts a route out of authentication altogether (health, token endpoints): an Authorization
 * header is not even looked at.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiAuthMarker('public'));

/**
 * The route authenticates a caller who sends a token (a bad token is still 401) but also lets
 * anonymous callers through; the service decides what they may see (public datasets).
 */
export const AllowAnonymous = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOW_ANONYMOUS, true), ApiAuthMarker('optional'));

/**
 * Site admins only (`is_staff`): anonymous 401, anyone else 403. The document lists these
 * operations under the `admin` tag alone.
 */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ADMIN_ONLY, true), ApiAdminMarker());
