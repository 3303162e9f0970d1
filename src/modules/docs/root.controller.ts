import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator.js';
import { DOCS_PATH } from '../../openapi-document.js';

/** A person who opens the server's address in a browser lands in the API docs (Swagger UI). */
@Controller()
export class RootController {
  @Get()
  @Public()
  @ApiExcludeEndpoint()
  @Redirect(`/${DOCS_PATH}`, 302)
  root(): void {}
}
