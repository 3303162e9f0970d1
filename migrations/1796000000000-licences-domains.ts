import type { MigrationInterface, QueryRunner } from 'typeorm';

// Seed data is frozen here, not imported from src/: a migration must replay the same rows
// forever, whatever the code later does with these tables.

/** Sub-descriptor vocabularies in id order (first appearance in the licence list below). */
const PERMISSIONS = ['Commercial use', 'Modification', 'Distribution', 'Patent use', 'Private use'];
const CONDITIONS = [
  'License and copyright notice',
  'State changes',
  'Disclose source',
  'Network use is distribution',
  'Same license',
  'Same license (library)',
  'Same license (file)',
];
const LIMITATIONS = ['Liability', 'Warranty', 'Trademark use', 'Patent use'];
const DOMAINS = ['Software', 'Models', 'Data'];

interface SeedLicence {
  name: string;
  url: string;
  dataworldName: string | null;
  permissions: string[];
  conditions: string[];
  limitations: string[];
  domains: string[];
}

const OPEN_PERMISSIONS = ['Commercial use', 'Modification', 'Distribution', 'Private use'];
const WITH_PATENTS = [
  'Commercial use',
  'Modification',
  'Distribution',
  'Patent use',
  'Private use',
];
const NO_LIABILITY = ['Liability', 'Warranty'];
const CC_LIMITATIONS = ['Liability', 'Trademark use', 'Patent use', 'Warranty'];
const CODE = ['Software', 'Models'];

/**
 * pks 1..14: the UFDL reference licences in the order of its `licenses.csv` (clients and
 * existing data rely on MIT being 11), with the descriptors of its `<name>.txt` files.
 * pks 15..20: the data.world licences with no UFDL twin.
 */
const LICENCES: SeedLicence[] = [
  {
    name: 'AGPL3',
    url: 'https://opensource.org/licenses/AGPL-3.0',
    dataworldName: null,
    permissions: WITH_PATENTS,
    conditions: [
      'License and copyright notice',
      'State changes',
      'Disclose source',
      'Network use is distribution',
      'Same license',
    ],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'Apache 2.0',
    url: 'https://opensource.org/licenses/Apache-2.0',
    dataworldName: null,
    permissions: WITH_PATENTS,
    conditions: ['License and copyright notice', 'State changes'],
    limitations: ['Trademark use', 'Liability', 'Warranty'],
    domains: CODE,
  },
  {
    name: 'BSD 2-clause',
    url: 'https://opensource.org/licenses/BSD-2-Clause',
    dataworldName: null,
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice'],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'BSD 3-clause',
    url: 'https://opensource.org/licenses/BSD-3-Clause',
    dataworldName: null,
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice'],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'CC0',
    url: 'https://creativecommons.org/share-your-work/public-domain/cc0/',
    dataworldName: 'CC-0',
    permissions: OPEN_PERMISSIONS,
    conditions: [],
    limitations: CC_LIMITATIONS,
    domains: ['Data', 'Models'],
  },
  {
    name: 'CC-BY-4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    dataworldName: 'CC-BY',
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice', 'State changes'],
    limitations: CC_LIMITATIONS,
    domains: ['Data', 'Models'],
  },
  {
    name: 'CC-BY-SA-4.0',
    url: 'http://creativecommons.org/licenses/by-sa/4.0/',
    dataworldName: 'CC-BY-SA',
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice', 'Same license', 'State changes'],
    limitations: CC_LIMITATIONS,
    domains: ['Data', 'Models'],
  },
  {
    name: 'GPL2',
    url: 'https://opensource.org/licenses/GPL-2.0',
    dataworldName: null,
    permissions: OPEN_PERMISSIONS,
    conditions: [
      'License and copyright notice',
      'State changes',
      'Disclose source',
      'Same license',
    ],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'GPL3',
    url: 'https://opensource.org/licenses/GPL-3.0',
    dataworldName: null,
    permissions: WITH_PATENTS,
    conditions: [
      'License and copyright notice',
      'State changes',
      'Disclose source',
      'Same license',
    ],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'LGPL3',
    url: 'https://opensource.org/licenses/LGPL-3.0',
    dataworldName: null,
    permissions: WITH_PATENTS,
    conditions: [
      'License and copyright notice',
      'Disclose source',
      'State changes',
      'Same license (library)',
    ],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'MIT',
    url: 'https://opensource.org/licenses/MIT',
    dataworldName: null,
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice'],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'Mozilla Public License 2.0',
    url: 'https://opensource.org/licenses/MPL-2.0',
    dataworldName: null,
    permissions: WITH_PATENTS,
    conditions: ['Disclose source', 'License and copyright notice', 'Same license (file)'],
    limitations: ['Liability', 'Trademark use', 'Warranty'],
    domains: CODE,
  },
  {
    name: 'The Unlicense',
    url: 'https://unlicense.org/',
    dataworldName: null,
    permissions: OPEN_PERMISSIONS,
    conditions: [],
    limitations: NO_LIABILITY,
    domains: CODE,
  },
  {
    name: 'Proprietary',
    url: 'https://en.wikipedia.org/wiki/All_rights_reserved',
    dataworldName: null,
    permissions: [],
    conditions: ['License and copyright notice'],
    limitations: [],
    domains: CODE,
  },
  {
    name: 'Public Domain',
    url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    dataworldName: 'Public Domain',
    permissions: OPEN_PERMISSIONS,
    conditions: [],
    limitations: NO_LIABILITY,
    domains: ['Data'],
  },
  {
    name: 'PDDL',
    url: 'https://opendatacommons.org/licenses/pddl/1-0/',
    dataworldName: 'PDDL',
    permissions: OPEN_PERMISSIONS,
    conditions: [],
    limitations: NO_LIABILITY,
    domains: ['Data'],
  },
  {
    name: 'ODC-BY',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
    dataworldName: 'ODC-BY',
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice'],
    limitations: NO_LIABILITY,
    domains: ['Data'],
  },
  {
    name: 'ODC-ODbL',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    dataworldName: 'ODC-ODbL',
    permissions: OPEN_PERMISSIONS,
    conditions: ['License and copyright notice', 'Same license'],
    limitations: NO_LIABILITY,
    domains: ['Data'],
  },
  {
    name: 'CC BY-NC-SA',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    dataworldName: 'CC BY-NC-SA',
    // Non-commercial: everything CC-BY-SA allows except commercial use.
    permissions: ['Modification', 'Distribution', 'Private use'],
    conditions: ['License and copyright notice', 'Same license', 'State changes'],
    limitations: CC_LIMITATIONS,
    domains: ['Data', 'Models'],
  },
  {
    // "Some other licence": nothing can be said about what it permits.
    name: 'Other',
    url: 'https://en.wikipedia.org/wiki/License',
    dataworldName: 'Other',
    permissions: [],
    conditions: [],
    limitations: [],
    domains: [],
  },
];

/** The UFDL data domains, pks 1..5 in the order the reference's domain apps seed them. */
const DATA_DOMAINS: [code: string, description: string][] = [
  ['ic', 'Image Classification'],
  ['is', 'Image Segmentation'],
  ['od', 'Object Detection'],
  ['sc', 'Spectrum Classification'],
  ['sp', 'Speech'],
];

/** Each sub-descriptor kind: its vocabulary table, its join table and the join column. */
const SUBDESCRIPTORS = [
  {
    table: 'licence_permissions',
    join: 'licences_permissions',
    column: 'permission_id',
    names: PERMISSIONS,
    of: (l: SeedLicence) => l.permissions,
  },
  {
    table: 'licence_conditions',
    join: 'licences_conditions',
    column: 'condition_id',
    names: CONDITIONS,
    of: (l: SeedLicence) => l.conditions,
  },
  {
    table: 'licence_limitations',
    join: 'licences_limitations',
    column: 'limitation_id',
    names: LIMITATIONS,
    of: (l: SeedLicence) => l.limitations,
  },
  {
    table: 'licence_domains',
    join: 'licences_domains',
    column: 'domain_id',
    names: DOMAINS,
    of: (l: SeedLicence) => l.domains,
  },
];

export class LicencesDomains1796000000000 implements MigrationInterface {
  name = 'LicencesDomains1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "data_domains" ("id" SERIAL NOT NULL, "name" character varying(2) NOT NULL, "description" character varying(32) NOT NULL, CONSTRAINT "uq_data_domains_name" UNIQUE ("name"), CONSTRAINT "pk_data_domains" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "licence_permissions" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "uq_licence_permissions_name" UNIQUE ("name"), CONSTRAINT "pk_licence_permissions" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "licence_conditions" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "uq_licence_conditions_name" UNIQUE ("name"), CONSTRAINT "pk_licence_conditions" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "licence_limitations" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "uq_licence_limitations_name" UNIQUE ("name"), CONSTRAINT "pk_licence_limitations" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "licence_domains" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "uq_licence_domains_name" UNIQUE ("name"), CONSTRAINT "pk_licence_domains" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "licences" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "url" character varying(200) NOT NULL, "dataworld_name" character varying(32), CONSTRAINT "uq_licences_dataworld_name" UNIQUE ("dataworld_name"), CONSTRAINT "uq_licences_name" UNIQUE ("name"), CONSTRAINT "pk_licences" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "licences_permissions" ("licence_id" integer NOT NULL, "permission_id" integer NOT NULL, CONSTRAINT "PK_95ab798de2027b567c7859a2d31" PRIMARY KEY ("licence_id", "permission_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e5e8ff543ffff4a3e0ad123220" ON "licences_permissions" ("licence_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a0340557f5edc70edd3d011f78" ON "licences_permissions" ("permission_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "licences_conditions" ("licence_id" integer NOT NULL, "condition_id" integer NOT NULL, CONSTRAINT "PK_4526b5f92c6e589636e3fb6d8a2" PRIMARY KEY ("licence_id", "condition_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_aa1b821b562d1f7a7034008db5" ON "licences_conditions" ("licence_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5d391959c42edb6d0a4648bfac" ON "licences_conditions" ("condition_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "licences_limitations" ("licence_id" integer NOT NULL, "limitation_id" integer NOT NULL, CONSTRAINT "PK_6e80a4a965798c1daf8c9566dea" PRIMARY KEY ("licence_id", "limitation_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6b0d6d46fbaad180c857f292ba" ON "licences_limitations" ("licence_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_221c7052125235f6926f197f2f" ON "licences_limitations" ("limitation_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "licences_domains" ("licence_id" integer NOT NULL, "domain_id" integer NOT NULL, CONSTRAINT "PK_6501b1fde6d54c3be723fa3b782" PRIMARY KEY ("licence_id", "domain_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2f984bcf1f89ab10c294744656" ON "licences_domains" ("licence_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1bb785189432d947b9ea5588d2" ON "licences_domains" ("domain_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_permissions" ADD CONSTRAINT "FK_e5e8ff543ffff4a3e0ad1232203" FOREIGN KEY ("licence_id") REFERENCES "licences"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_permissions" ADD CONSTRAINT "FK_a0340557f5edc70edd3d011f78d" FOREIGN KEY ("permission_id") REFERENCES "licence_permissions"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_conditions" ADD CONSTRAINT "FK_aa1b821b562d1f7a7034008db54" FOREIGN KEY ("licence_id") REFERENCES "licences"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_conditions" ADD CONSTRAINT "FK_5d391959c42edb6d0a4648bfac3" FOREIGN KEY ("condition_id") REFERENCES "licence_conditions"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_limitations" ADD CONSTRAINT "FK_6b0d6d46fbaad180c857f292ba6" FOREIGN KEY ("licence_id") REFERENCES "licences"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_limitations" ADD CONSTRAINT "FK_221c7052125235f6926f197f2f0" FOREIGN KEY ("limitation_id") REFERENCES "licence_limitations"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_domains" ADD CONSTRAINT "FK_2f984bcf1f89ab10c2947446563" FOREIGN KEY ("licence_id") REFERENCES "licences"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "licences_domains" ADD CONSTRAINT "FK_1bb785189432d947b9ea5588d26" FOREIGN KEY ("domain_id") REFERENCES "licence_domains"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await this.seed(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "licences_domains"');
    await queryRunner.query('DROP TABLE "licences_limitations"');
    await queryRunner.query('DROP TABLE "licences_conditions"');
    await queryRunner.query('DROP TABLE "licences_permissions"');
    await queryRunner.query('DROP TABLE "licences"');
    await queryRunner.query('DROP TABLE "licence_domains"');
    await queryRunner.query('DROP TABLE "licence_limitations"');
    await queryRunner.query('DROP TABLE "licence_conditions"');
    await queryRunner.query('DROP TABLE "licence_permissions"');
    await queryRunner.query('DROP TABLE "data_domains"');
  }

  private async seed(queryRunner: QueryRunner): Promise<void> {
    for (const kind of SUBDESCRIPTORS) {
      for (const [index, name] of kind.names.entries()) {
        await queryRunner.query(`INSERT INTO "${kind.table}" ("id", "name") VALUES ($1, $2)`, [
          index + 1,
          name,
        ]);
      }
    }
    for (const [index, licence] of LICENCES.entries()) {
      const id = index + 1;
      await queryRunner.query(
        'INSERT INTO "licences" ("id", "name", "url", "dataworld_name") VALUES ($1, $2, $3, $4)',
        [id, licence.name, licence.url, licence.dataworldName],
      );
      for (const kind of SUBDESCRIPTORS) {
        const names = kind.of(licence);
        const ids = names.map((name) => {
          const position = kind.names.indexOf(name);
          if (position < 0) {
            throw new Error(`Seed licence ${licence.name}: unknown ${kind.table} name ${name}`);
          }
          return position + 1;
        });
        if (ids.length > 0) {
          await queryRunner.query(
            `INSERT INTO "${kind.join}" ("licence_id", "${kind.column}") SELECT $1, unnest($2::int[])`,
            [id, ids],
          );
        }
      }
    }
    for (const [index, [code, description]] of DATA_DOMAINS.entries()) {
      await queryRunner.query(
        'INSERT INTO "data_domains" ("id", "name", "description") VALUES ($1, $2, $3)',
        [index + 1, code, description],
      );
    }
    // The rows above took their ids explicitly, so the serial sequences never advanced.
    for (const table of [...SUBDESCRIPTORS.map((kind) => kind.table), 'licences', 'data_domains']) {
      await queryRunner.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`,
      );
    }
  }
}
