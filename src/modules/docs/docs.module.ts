import { Module } from '@nestjs/common';
import { RootController } from './root.controller.js';

/** Swagger UI itself is mounted by configureApp; this module holds its entry route. */
@Module({ controllers: [RootController] })
export class DocsModule {}
