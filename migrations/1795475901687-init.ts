import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795475901687 implements MigrationInterface {
  name = 'Init1795475901687';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "users" ("id" SERIAL NOT NULL, "username" character varying(150) NOT NULL, "password_hash" character varying(255) NOT NULL, "first_name" character varying(150) NOT NULL DEFAULT \'\', "last_name" character varying(150) NOT NULL DEFAULT \'\', "email" character varying(254) NOT NULL DEFAULT \'\', "is_staff" boolean NOT NULL DEFAULT false, "is_superuser" boolean NOT NULL DEFAULT false, "is_active" boolean NOT NULL DEFAULT true, "date_joined" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "pk_users" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "users"');
  }
}
