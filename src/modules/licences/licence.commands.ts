export const SUBDESCRIPTOR_TYPES = ['permissions', 'conditions', 'limitations', 'domains'] as const;
export type SubdescriptorType = (typeof SUBDESCRIPTOR_TYPES)[number];

export const SUBDESCRIPTOR_METHODS = ['add', 'remove'] as const;

/** What creating a licence takes, whichever face asked. */
export interface CreateLicenceCommand {
  readonly name: string;
  readonly url: string;
}

/** A change to a licence: fields left undefined stay as they are. */
export type UpdateLicenceCommand = Partial<CreateLicenceCommand>;

/** Adding or removing sub-descriptors of one kind (UFDL's LicenceSubdescriptorModSpec). */
export interface SubdescriptorModSpec {
  readonly method: (typeof SUBDESCRIPTOR_METHODS)[number];
  readonly type: SubdescriptorType;
  /** Strings are sub-descriptor names, numbers their pks. */
  readonly names: readonly (string | number)[];
}
