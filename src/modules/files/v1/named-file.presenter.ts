import type { RemovedFile } from '../../dataset-files/dataset-files.service.js';
import type { AddedFile } from '../../dataset-files/staged-files.js';

/** UFDL's NamedFile JSON: what add_file, add_files and delete_file answer; key order is wire. */
export interface NamedFileJson {
  filename: string;
  handle: string;
}

export function namedFileJson(file: AddedFile | RemovedFile): NamedFileJson {
  return { filename: file.name, handle: file.handle };
}

/** One NamedFile as JSON text, for a streamed files-multi answer. */
export function writeNamedFile(file: AddedFile): string {
  return JSON.stringify(namedFileJson(file));
}
