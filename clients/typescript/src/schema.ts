// Generated from openapi.json by openapi-typescript (`npm run client:generate`): do not edit.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database reachability (200 up, 503 down) */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List users (site admins; FilterSpec body, optional ?limit&cursor) */
    post: operations['UsersController_list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a user (site admins) */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All digits: retrieve the user with that pk (site admins). Otherwise: get_by_name, an array holding the caller's own record */
    get: operations['UsersController_lookup'];
    /** Update a user (site admins); a password given is re-hashed */
    put: operations['UsersController_update'];
    post?: never;
    /** Deactivate a user (site admins; users are never deleted) */
    delete: operations['UsersController_destroy'];
    options?: never;
    head?: never;
    /** Partially update a user (site admins) */
    patch: operations['UsersController_partialUpdate'];
    trace?: never;
  };
  '/v1/auth/obtain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Obtain a refresh and an access token for a username and password */
    post: operations['AuthController_obtain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trade a refresh token for a new access token */
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check that an access or refresh token is valid (200 {}) */
    post: operations['AuthController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List your API tokens that are not revoked (never their secrets) */
    get: operations['ApiTokensController_list'];
    put?: never;
    /**
     * Create an API token of your own; the answer holds its secret, shown this once
     * @description Needs a password login (a JWT from /v1/auth/obtain) or a token with the admin scope.
     */
    post: operations['ApiTokensController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke one of your API tokens; it stops working at once
     * @description Another user's token is 404. Needs a password login or a token with the admin scope.
     */
    delete: operations['ApiTokensController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List teams (the caller's; all for site admins); FilterSpec body */
    post: operations['TeamsController_list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a team (site admins); it gets a slug for /v0 */
    post: operations['TeamsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a team (members and site admins) */
    get: operations['TeamsController_retrieve'];
    /** Rename a team (team admins) */
    put: operations['TeamsController_update'];
    post?: never;
    /** Soft-delete a team and its memberships (team admins) */
    delete: operations['TeamsController_destroy'];
    options?: never;
    head?: never;
    /** Rename a team (team admins) */
    patch: operations['TeamsController_partialUpdate'];
    trace?: never;
  };
  '/v1/teams/{pk}/hard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a team for good (site admins); answers the team as it was */
    delete: operations['TeamsController_hardDelete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams/{pk}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Undo a soft delete (site admins); its memberships stay ended */
    delete: operations['TeamsController_reinstate'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams/{pk}/memberships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Add, remove or update a membership (team admins) */
    patch: operations['TeamsController_modifyMemberships'];
    trace?: never;
  };
  '/v1/teams/{pk}/permissions/{username}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's level as a bare JSON string, e.g. "W" (team admins) */
    get: operations['TeamsController_permissions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/projects/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List projects of the caller's teams (all for site admins) */
    post: operations['ProjectsController_list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/projects/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a project (write members of the team) */
    post: operations['ProjectsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/projects/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a project (members of its team) */
    get: operations['ProjectsController_retrieve'];
    /** Update a project (write members; moving needs write in both teams) */
    put: operations['ProjectsController_update'];
    post?: never;
    /** Soft-delete a project and its datasets (write members) */
    delete: operations['ProjectsController_destroy'];
    options?: never;
    head?: never;
    /** Partially update a project (as PUT) */
    patch: operations['ProjectsController_partialUpdate'];
    trace?: never;
  };
  '/v1/projects/{pk}/hard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a project for good (site admins); answers it as it was */
    delete: operations['ProjectsController_hardDelete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/projects/{pk}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Undo a soft delete (site admins); its datasets stay deleted */
    delete: operations['ProjectsController_reinstate'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List datasets: public ones, plus (signed in) those of the caller's teams */
    post: operations['DatasetsController_list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a dataset, version 1 (write members of the project's team) */
    post: operations['DatasetsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a dataset (members; anyone when it is public) */
    get: operations['DatasetsController_retrieve'];
    /** Update a dataset (write members; moving needs write in both teams) */
    put: operations['DatasetsController_update'];
    post?: never;
    /** Soft-delete a dataset version (write members); its slot is freed */
    delete: operations['DatasetVersioningController_destroy'];
    options?: never;
    head?: never;
    /** Partially update a dataset (as PUT) */
    patch: operations['DatasetsController_partialUpdate'];
    trace?: never;
  };
  '/v1/datasets/{pk}/hard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a dataset for good (site admins); answers it as it was */
    delete: operations['DatasetVersioningController_hardDelete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Undo a soft delete (site admins); 400 when its slot is taken */
    delete: operations['DatasetVersioningController_reinstate'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/clear': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Blank every file's metadata (write members) */
    delete: operations['DatasetVersioningController_clear'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/copy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Copy as the next version, or as a new dataset with new_name (write members); files and metadata are carried by reference, never by copying bytes */
    post: operations['DatasetVersioningController_copy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/merge/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge another dataset's files into this one (write members of both); optionally delete the source (hard: site admins) */
    post: operations['DatasetVersioningController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/files/{filename}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file's bytes (Range, ETag and If-None-Match supported) */
    get: operations['FilesController_getFile'];
    put?: never;
    /** Add a file: the raw body is streamed to storage (Content-Disposition with a filename required; a name ending in / gets the next free number in that directory) */
    post: operations['FilesController_addFile'];
    /** Remove a file from the dataset (its bytes go once unreferenced) */
    delete: operations['FilesController_deleteFile'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/files-multi': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add every entry of a zip body, all or nothing */
    post: operations['FilesController_addFiles'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/file-handles/{handle}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bytes of the file of this dataset with this handle */
    get: operations['FilesController_getFileByHandle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Download the dataset's files as a zip (entries stored) or tar.gz archive, streamed as it is built (members; anyone when the dataset is public). A zip of files whose CRC-32s were recorded at upload has a Content-Length and an ETag, and honours a single-range `Range` (with `If-Range`) by answering 206. */
    post: operations['DownloadsController_download'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/metadata': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every file’s metadata: {filename: metadata} */
    get: operations['MetadataController_all'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/datasets/{pk}/metadata/{filename}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file's metadata: {"metadata": "<string>"} */
    get: operations['MetadataController_get'];
    put?: never;
    /** Set a file's metadata (body exactly {"metadata": "<string>"}) */
    post: operations['MetadataController_set'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/licences/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List licences (FilterSpec body on pk, name, url; ?limit&cursor) */
    post: operations['LicencesController_list[0]'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/licenses/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List licences (FilterSpec body on pk, name, url; ?limit&cursor) */
    post: operations['LicencesController_list[1]'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/licences/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a licence (site admins) */
    post: operations['LicencesController_create[0]'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/licenses/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a licence (site admins) */
    post: operations['LicencesController_create[1]'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/licences/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a licence with its sub-descriptor names */
    get: operations['LicencesController_retrieve[0]'];
    /** Replace the name and URL of a licence (site admins) */
    put: operations['LicencesController_update[0]'];
    post?: never;
    /** Delete a licence (site admins); 400 while datasets use it */
    delete: operations['LicencesController_destroy[0]'];
    options?: never;
    head?: never;
    /** Change the name and/or URL of a licence (site admins) */
    patch: operations['LicencesController_partialUpdate[0]'];
    trace?: never;
  };
  '/v1/licenses/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a licence with its sub-descriptor names */
    get: operations['LicencesController_retrieve[1]'];
    /** Replace the name and URL of a licence (site admins) */
    put: operations['LicencesController_update[1]'];
    post?: never;
    /** Delete a licence (site admins); 400 while datasets use it */
    delete: operations['LicencesController_destroy[1]'];
    options?: never;
    head?: never;
    /** Change the name and/or URL of a licence (site admins) */
    patch: operations['LicencesController_partialUpdate[1]'];
    trace?: never;
  };
  '/v1/licences/{pk}/subdescriptors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Add or remove permissions, conditions, limitations or domains (site admins) */
    patch: operations['LicencesController_modifySubdescriptors[0]'];
    trace?: never;
  };
  '/v1/licenses/{pk}/subdescriptors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Add or remove permissions, conditions, limitations or domains (site admins) */
    patch: operations['LicencesController_modifySubdescriptors[1]'];
    trace?: never;
  };
  '/v1/domains/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** List data domains (FilterSpec body on pk, name, description; ?limit&cursor) */
    post: operations['DomainsController_list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/domains/{pk}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a data domain */
    get: operations['DomainsController_retrieve'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/datasets/{owner}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a dataset: its metadata and files (members; anyone when it is OPEN)
     * @description The lineage's newest active version. `accessLevel` is the caller's: READ for R and X members (and anyone on an OPEN dataset), WRITE for W, ADMIN for A and site admins, capped by the API token scope. Anonymous callers may read OPEN datasets.
     */
    get: operations['V0DatasetsController_get'];
    /**
     * Replace a dataset with a new version, or create it with this id (write members)
     * @description The new version (highest of the dataset + 1) holds exactly the body: a license left out is Other, description, summary and tags left out are empty, and its files are the body's sourced files only. Earlier versions stay on /v1. An id no dataset of the team has creates the dataset, answered like a create.
     */
    put: operations['V0DatasetWritesController_replace'];
    post?: never;
    /**
     * Delete a dataset, every version of it (team admins)
     * @description Soft-deletes every version; a site admin can reinstate them through /v1. The id is free for new datasets afterwards.
     */
    delete: operations['V0DatasetWritesController_delete'];
    options?: never;
    head?: never;
    /**
     * Update a dataset (write members)
     * @description Fields left out stay; lists (tags, labels) are replaced whole; null clears description and summary, empties tags and sets the license to Other. Files merge by name: with a source a file is added or repointed (and synced), without one it must exist and only its description and labels change. A new title renames every version; the id stays.
     */
    patch: operations['V0DatasetWritesController_patch'];
    trace?: never;
  };
  '/v0/datasets/{owner}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a team's datasets the caller may read (OPEN ones for anyone)
     * @description In dataset id order; each dataset as its newest active version. Anonymous callers may list the OPEN datasets.
     */
    get: operations['V0DatasetsController_listByOwner'];
    put?: never;
    /**
     * Create a dataset (write members of the team)
     * @description The id derives from the title (lower case; spaces and hyphens become one '-', other characters are dropped). Goes into the body's `project`, else the team's project `default`, made on demand. Files may only come from URL sources (fetched in the background). Answers the dataset URL as `uri` and `Location`.
     */
    post: operations['V0DatasetWritesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/user/datasets/own': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the datasets of the teams where the caller is an admin (A)
     * @description Any signed-in caller. Membership decides, not powers: a site admin sees here only the teams they are A in.
     */
    get: operations['V0DatasetsController_listOwn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/user/datasets/contributing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the datasets of the teams where the caller is a writer (W)
     * @description Any signed-in caller; membership decides, as for `own`.
     */
    get: operations['V0DatasetsController_listContributing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/user/datasets/liked': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List liked datasets: always empty (Strata has no likes)
     * @description Any signed-in caller; the page values are still checked.
     */
    get: operations['V0DatasetsController_listLiked'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/datasets/{owner}/{id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add or update files by URL source (write members)
     * @description Each file is added, or repointed when the name exists, and fetched in the background. A bare array of files is accepted as well as `{files: [...]}`.
     */
    post: operations['V0DatasetWritesController_addFiles'];
    /**
     * Delete several files and their URL sources, all or none (write members)
     * @description Write members. Repeat `name` per file (`+` is a space). No `name` is 400; an unknown one 404.
     */
    delete: operations['V0FilesController_deleteFiles'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/uploads/{owner}/{id}/files/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload one file (raw body, any content type, chunked or not; write members)
     * @description Streams the body into storage as the file of that name (a `/` in it makes a path), replacing a file of the same name and dropping its URL source. With `expandArchive=true` a `.zip` is stored as its entries instead. Over the upload size limit (MAX_UPLOAD_BYTES) is 413.
     */
    put: operations['V0FilesController_uploadFile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/uploads/{owner}/{id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload files (multipart/form-data, one part named 'file' per file; write members)
     * @description Each part's filename (raw UTF-8) is the file's name; every part is streamed into storage and all are recorded together or none, each replacing a file of the same name and dropping its URL source. With `expandArchives=true` each `.zip` part is stored as its entries instead.
     */
    post: operations['V0FilesController_uploadFiles'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/datasets/{owner}/{id}/files/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a file and its URL source (write members)
     * @description Write members. An unknown file is 404.
     */
    delete: operations['V0FilesController_deleteFile'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/datasets/{owner}/{id}/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Re-fetch every URL-sourced file (GET, for webhooks and scripts)
     * @description Write members; the same as POST: while a fetch is queued or running, 429 with Retry-After.
     */
    get: operations['V0FilesController_syncViaGet'];
    put?: never;
    /**
     * Re-fetch every URL-sourced file of the dataset (in the background)
     * @description Write members. While a fetch of the dataset is queued or running: 429 with Retry-After.
     */
    post: operations['V0FilesController_sync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/download/{owner}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the dataset as a zip (members; anyone when it is OPEN)
     * @description Every file of the newest version of the dataset, at its name, in a zip (entries stored), streamed as it is built. Sourced files never fetched are left out. Anonymous callers may download OPEN datasets.
     */
    get: operations['V0DownloadsController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/file_download/{owner}/{id}/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download one file's bytes (members; anyone when it is OPEN)
     * @description The file of this name in the newest version of the dataset, as stored. The name is percent-encoded (`%2F` for a `/`, which may also come as it is). Content-Type is guessed from the name's extension. ETag, If-None-Match and a single-range `Range` (206) are supported. A sourced file never fetched has no bytes: 404. Members may download; anonymous callers may download from OPEN datasets.
     */
    get: operations['V0DownloadsController_fileDownload[0]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/file_download/{owner}/{id}/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download one file's bytes (members; anyone when it is OPEN)
     * @description The file of this name in the newest version of the dataset, as stored. The name is percent-encoded (`%2F` for a `/`, which may also come as it is). Content-Type is guessed from the name's extension. ETag, If-None-Match and a single-range `Range` (206) are supported. A sourced file never fetched has no bytes: 404. Members may download; anonymous callers may download from OPEN datasets.
     */
    get: operations['V0DownloadsController_fileDownload[1]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/datapackage/{owner}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the dataset as a data package zip (members; anyone when it is OPEN)
     * @description What the Python client's `load_dataset` reads: a zip whose folder `<owner>-<id>/` holds `datapackage.json` (a Frictionless Data Package: one resource per file, with `path` `data/<name>`, `bytes`, `hash` `sha256:<hex>`, `mediatype`, `format`, and for a CSV the columns of its header line as a string-typed schema) and each file at `data/<name>`. Streamed as it is built. Anonymous callers may download OPEN datasets.
     */
    get: operations['V0DownloadsController_dataPackage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v0/user': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller: username as `id`, display name, created and updated
     * @description Any signed-in caller (a JWT or an API token of any scope), about themselves.
     */
    get: operations['V0UserController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    CreateUserDto: {
      username: string;
      password: string;
      first_name?: string;
      last_name?: string;
      email?: string;
      is_staff?: boolean;
      is_active?: boolean;
    };
    UpdateUserDto: {
      username: string;
      password?: string;
      first_name?: string;
      last_name?: string;
      email?: string;
      is_staff?: boolean;
      is_active?: boolean;
    };
    PatchUserDto: {
      username?: string;
      password?: string;
      first_name?: string;
      last_name?: string;
      email?: string;
      is_staff?: boolean;
      is_active?: boolean;
    };
    ObtainTokenDto: {
      username: string;
      password: string;
    };
    RefreshTokenDto: {
      refresh: string;
    };
    VerifyTokenDto: {
      token: string;
    };
    CreateApiTokenDto: {
      /** @description A name to recognise the token by */
      name: string;
      /**
       * @description What the token may do, at most (never more than its user may): `read`, `write` (includes read) or `admin` (everything the user may). data.world's `user_api_read`, `user_api_write` and `user_api_admin` are accepted as well.
       * @example [
       *       "read",
       *       "write"
       *     ]
       */
      scopes: (
        'read' | 'write' | 'admin' | 'user_api_read' | 'user_api_write' | 'user_api_admin'
      )[];
      /**
       * Format: date-time
       * @description When the token stops working (ISO 8601, in the future); never when omitted
       * @example 2027-01-01T00:00:00Z
       */
      expires_at?: string;
    };
    CreatedApiTokenDto: {
      /** @example 1 */
      id: number;
      /** @example laptop */
      name: string;
      /**
       * @example [
       *       "read",
       *       "write"
       *     ]
       */
      scopes: ('read' | 'write' | 'admin')[];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      expires_at: string | null;
      /**
       * Format: date-time
       * @description When the token last authenticated a request (to about a minute)
       */
      last_used_at: string | null;
      /**
       * @description The secret, shown this once: send it as `Authorization: Bearer <token>`
       * @example strata_pat_3q2-7wEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXA
       */
      token: string;
    };
    ApiTokenDto: {
      /** @example 1 */
      id: number;
      /** @example laptop */
      name: string;
      /**
       * @example [
       *       "read",
       *       "write"
       *     ]
       */
      scopes: ('read' | 'write' | 'admin')[];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      expires_at: string | null;
      /**
       * Format: date-time
       * @description When the token last authenticated a request (to about a minute)
       */
      last_used_at: string | null;
    };
    TeamDto: {
      name: string;
    };
    PatchTeamDto: {
      name?: string;
    };
    MembershipModDto: {
      username: string;
      /** @enum {string} */
      method: 'add' | 'remove' | 'update';
      /**
       * @default R
       * @enum {string}
       */
      permissions: 'R' | 'X' | 'W' | 'A';
    };
    ProjectDto: {
      name: string;
      /** @description pk of the owning team */
      team: number;
    };
    PatchProjectDto: {
      name?: string;
      /** @description pk of the owning team */
      team?: number;
    };
    DatasetDto: {
      name: string;
      /** @description pk of the project the dataset belongs to */
      project: number;
      /** @description pk of the licence */
      licence: number;
      /** @description Comma-separated tags; may be empty */
      tags: string;
      /** @default  */
      description: string;
      /** @default false */
      is_public: boolean;
    };
    PatchDatasetDto: {
      name?: string;
      /** @description pk of the project the dataset belongs to */
      project?: number;
      /** @description pk of the licence */
      licence?: number;
      /** @description Comma-separated tags; may be empty */
      tags?: string;
      /** @default  */
      description: string;
      /** @default false */
      is_public: boolean;
    };
    CreateLicenceDto: {
      /** @example MIT */
      name: string;
      /**
       * Format: uri
       * @example https://opensource.org/licenses/MIT
       */
      url: string;
    };
    PatchLicenceDto: {
      name?: string;
      /** Format: uri */
      url?: string;
    };
    FileSourceSummaryDto: {
      /** @example https://example.com/data.csv */
      url: string;
      expandArchive: boolean;
      /** @enum {string} */
      syncStatus: 'NEW' | 'INPROGRESS' | 'OK' | 'SYSTEMERROR';
      /** Format: date-time */
      lastSyncStart?: string;
      /** Format: date-time */
      lastSyncSuccess?: string;
      /** Format: date-time */
      lastSyncFailure?: string;
      /** @description Why the last fetch failed */
      syncSummary?: string;
    };
    FileSummaryDto: {
      /** @example data.csv */
      name: string;
      /**
       * Format: int64
       * @description Absent while a sourced file has not been fetched
       */
      sizeInBytes?: number;
      /**
       * Format: date-time
       * @example 2024-01-02T03:04:05.678Z
       */
      created: string;
      /**
       * Format: date-time
       * @example 2024-01-02T03:04:05.678Z
       */
      updated: string;
      description?: string;
      /**
       * @example [
       *       "raw data"
       *     ]
       */
      labels?: string[];
      source?: components['schemas']['FileSourceSummaryDto'];
    };
    DatasetSummaryDto: {
      /**
       * @description The team slug
       * @example my-team
       */
      owner: string;
      /**
       * @description The dataset slug
       * @example my-dataset
       */
      id: string;
      /** @example My dataset */
      title: string;
      description?: string;
      /** @description Markdown */
      summary?: string;
      /**
       * @example [
       *       "census",
       *       "open data"
       *     ]
       */
      tags: string[];
      /**
       * @description `Other` for a licence without a v0 name
       * @example CC-BY
       */
      license: string;
      /** @enum {string} */
      visibility: 'OPEN' | 'PRIVATE';
      /** @enum {string} */
      status: 'NEW' | 'INPROGRESS' | 'SYSTEMERROR' | 'LOADED';
      /** @enum {string} */
      accessLevel: 'NONE' | 'READ' | 'WRITE' | 'ADMIN';
      /** @enum {boolean} */
      isProject: false;
      /**
       * @description The /v1 version number
       * @example 1
       */
      version: string;
      /**
       * Format: date-time
       * @example 2024-01-02T03:04:05.678Z
       */
      created: string;
      /**
       * Format: date-time
       * @example 2024-01-02T03:04:05.678Z
       */
      updated: string;
      files: components['schemas']['FileSummaryDto'][];
    };
    V0ErrorDto: {
      /**
       * @description The HTTP status
       * @example 404
       */
      code: number;
      /** @example Not found. */
      message: string;
      /** @description The underlying cause, when there is one worth telling */
      details?: string;
    };
    DatasetPageDto: {
      /** @description Records on this page */
      count: number;
      records: components['schemas']['DatasetSummaryDto'][];
      /** @description Pass as `next` for the following page; absent on the last */
      nextPageToken?: string;
    };
    V0CreatedDto: {
      /** @example Dataset has been successfully created. */
      message: string;
      /**
       * Format: uri
       * @description The new dataset's /v0 URL
       * @example https://strata.example/v0/datasets/my-team/my-dataset
       */
      uri: string;
    };
    V0MessageDto: {
      /** @example File uploaded. */
      message: string;
    };
    V0UserDto: {
      /**
       * @description The username
       * @example alice
       */
      id: string;
      /** @example Alice Example */
      displayName?: string;
      /** Format: date-time */
      created: string;
      /**
       * Format: date-time
       * @description The date joined: no later change is kept
       */
      updated: string;
    };
    V1DetailErrorDto: {
      /** @example Not found. */
      detail: string;
    };
    V0FileSourceRequest: {
      /** @description http or https URL, fetched in the background */
      url: string;
      /**
       * @description Not supported for URL sources yet: true is 422
       * @default false
       */
      expandArchive: boolean;
    };
    V0FileCreateRequest: {
      name: string;
      source: components['schemas']['V0FileSourceRequest'];
      description?: string | null;
      labels?:
        | ('raw data' | 'clean data' | 'documentation' | 'script' | 'visualization' | 'report')[]
        | null;
    };
    V0FileUpdateRequest: {
      name: string;
      source?: components['schemas']['V0FileSourceRequest'];
      description?: string | null;
      labels?:
        | ('raw data' | 'clean data' | 'documentation' | 'script' | 'visualization' | 'report')[]
        | null;
    };
    V0DatasetDefinitionRequest: {
      title: string;
      description?: string | null;
      /** @description Markdown */
      summary?: string | null;
      /** @description No two alike, case ignored */
      tags?: string[] | null;
      /**
       * @default Other
       * @enum {string|null}
       */
      license:
        | 'Public Domain'
        | 'PDDL'
        | 'CC-0'
        | 'CC-BY'
        | 'ODC-BY'
        | 'CC-BY-SA'
        | 'ODC-ODbL'
        | 'CC BY-NC-SA'
        | 'Other'
        | null;
      /** @enum {string} */
      visibility: 'OPEN' | 'PRIVATE';
      files?: components['schemas']['V0FileCreateRequest'][];
      /** @description The team's project to create the dataset in (default: `default`) */
      project?: string;
    };
    V0DatasetPatchRequest: {
      title?: string;
      description?: string | null;
      /** @description Markdown */
      summary?: string | null;
      /** @description No two alike, case ignored */
      tags?: string[] | null;
      /**
       * @default Other
       * @enum {string|null}
       */
      license:
        | 'Public Domain'
        | 'PDDL'
        | 'CC-0'
        | 'CC-BY'
        | 'ODC-BY'
        | 'CC-BY-SA'
        | 'ODC-ODbL'
        | 'CC BY-NC-SA'
        | 'Other'
        | null;
      /** @enum {string} */
      visibility?: 'OPEN' | 'PRIVATE';
      files?: components['schemas']['V0FileUpdateRequest'][];
    };
    /** @description A bare array of the files is accepted as well */
    V0FileBatchRequest: {
      files: components['schemas']['V0FileCreateRequest'][];
    };
    /** @description The field equals `value` */
    ExactExpression: {
      /** @enum {string} */
      type: 'exact';
      field: string;
      value: string | number | boolean;
      /** @default false */
      case_insensitive: boolean;
      /**
       * @description Negate the expression
       * @default false
       */
      invert: boolean;
    };
    /** @description The field contains `sub_string` */
    ContainsExpression: {
      /** @enum {string} */
      type: 'contains';
      field: string;
      sub_string: string;
      /** @default false */
      case_insensitive: boolean;
      /**
       * @description Negate the expression
       * @default false
       */
      invert: boolean;
    };
    /** @description The field compared with `value` */
    CompareExpression: {
      /** @enum {string} */
      type: 'compare';
      field: string;
      /** @enum {string} */
      operator: '<' | '>' | '<=' | '>=';
      value: string | number;
      /**
       * @description Negate the expression
       * @default false
       */
      invert: boolean;
    };
    /** @description The field is null */
    IsNullExpression: {
      /** @enum {string} */
      type: 'isnull';
      field: string;
      /**
       * @description Negate the expression
       * @default false
       */
      invert: boolean;
    };
    /** @description All sub-expressions hold */
    AndExpression: {
      /** @enum {string} */
      type: 'and';
      sub_expressions: components['schemas']['FieldExpression'][];
      /**
       * @description Negate the expression
       * @default false
       */
      invert: boolean;
    };
    /** @description At least one sub-expression holds */
    OrExpression: {
      /** @enum {string} */
      type: 'or';
      sub_expressions: (
        components['schemas']['AndExpression'] | components['schemas']['FieldExpression']
      )[];
      /**
       * @description Negate the expression
       * @default false
       */
      invert: boolean;
    };
    FieldExpression:
      | components['schemas']['ExactExpression']
      | components['schemas']['ContainsExpression']
      | components['schemas']['CompareExpression']
      | components['schemas']['IsNullExpression'];
    OrderBy: {
      field: string;
      /** @default true */
      ascending: boolean;
      /** @description Absent: PostgreSQL's default (nulls last ascending, first descending) */
      nulls_first?: boolean;
    };
    /** @description UFDL's list filter: `expressions` all hold (AND), rows ordered by `order_by`; soft-deleted rows only with `include_inactive`. An empty body lists everything visible. */
    FilterSpec: {
      expressions?: (
        | components['schemas']['FieldExpression']
        | components['schemas']['AndExpression']
        | components['schemas']['OrExpression']
      )[];
      order_by?: components['schemas']['OrderBy'][];
      /** @default false */
      include_inactive: boolean;
    };
    /**
     * @description Each refused field with its messages (DRF validation errors)
     * @example {
     *       "name": [
     *         "This field is required."
     *       ]
     *     }
     */
    V1FieldErrors: {
      [key: string]: string[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /**
       * @description The database answers
       *
       *     The Health Check is successful
       */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /**
       * @description The database does not answer
       *
       *     The Health Check is not successful
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_lookup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_obtain: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ObtainTokenDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshTokenDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerifyTokenDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiTokensController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenDto'][];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiTokensController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiTokenDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiTokenDto'];
        };
      };
      /** @description A field is missing or invalid: `{"<field>": [...]}` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Sent with a token without the admin scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiTokensController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Sent with a token without the admin scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such token of yours (or revoked already) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TeamDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TeamDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchTeamDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_hardDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_modifyMemberships: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MembershipModDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TeamsController_permissions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchProjectDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_hardDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProjectsController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DatasetDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DatasetDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetVersioningController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetsController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchDatasetDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetVersioningController_hardDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetVersioningController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetVersioningController_clear: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetVersioningController_copy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          new_name?: string | null;
          only_files?: string[] | null;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DatasetVersioningController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
        source: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          delete: boolean;
          /** @default false */
          hard?: boolean;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FilesController_getFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FilesController_addFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FilesController_deleteFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FilesController_addFiles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FilesController_getFileByHandle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DownloadsController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /**
           * @default zip
           * @enum {string}
           */
          filetype?: 'zip' | 'tar.gz';
          /** @description Only `annotations_args` is accepted (and ignored) */
          params?: {
            [key: string]: string | string[];
          };
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MetadataController_all: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MetadataController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MetadataController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          metadata?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_list[0]': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_list[1]': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_create[0]': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateLicenceDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_create[1]': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateLicenceDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_retrieve[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_update[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateLicenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_destroy[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_partialUpdate[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchLicenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_retrieve[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_update[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateLicenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_destroy[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_partialUpdate[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchLicenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_modifySubdescriptors[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          method: 'add' | 'remove';
          /** @enum {string} */
          type: 'permissions' | 'conditions' | 'limitations' | 'domains';
          names: (string | number)[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  'LicencesController_modifySubdescriptors[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          method: 'add' | 'remove';
          /** @enum {string} */
          type: 'permissions' | 'conditions' | 'limitations' | 'domains';
          names: (string | number)[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DomainsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DomainsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  V0DatasetsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dataset with its files */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetSummaryDto'];
        };
      };
      /** @description owner or id is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A bad token (anonymous callers see OPEN datasets only) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetWritesController_replace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['V0DatasetDefinitionRequest'];
      };
    };
    responses: {
      /** @description Replaced (a SuccessMessage), or created (with `uri` and `Location`) */
      200: {
        headers: {
          /** @description The new dataset, as `uri` */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V0MessageDto'] | components['schemas']['V0CreatedDto'];
        };
      };
      /** @description Malformed JSON, a body that is not an object, or an owner or id that is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller sees the team or dataset but lacks the access needed (or the token scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such team or dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Another dataset of the project has the title, or the dataset changed meanwhile */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The JSON body is over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A field breaks a rule (named, with the offending value, in `message`) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetWritesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description Malformed JSON, a body that is not an object, or an owner or id that is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller sees the team or dataset but lacks the access needed (or the token scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such team or dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetWritesController_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    /** @description Only the fields to change; an empty body changes nothing */
    requestBody?: {
      content: {
        'application/json': components['schemas']['V0DatasetPatchRequest'];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description Malformed JSON, a body that is not an object, or an owner or id that is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller sees the team or dataset but lacks the access needed (or the token scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such team or dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Another dataset of the project has the new title */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The JSON body is over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A field breaks a rule (named, with the offending value, in `message`) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetsController_listByOwner: {
    parameters: {
      query?: {
        /** @description Records per page */
        limit?: number;
        /** @description The `nextPageToken` of the page before */
        next?: string;
      };
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of datasets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetPageDto'];
        };
      };
      /** @description owner is not a slug, or limit is not 1-100, or next is not a page token this server gave */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A bad token (anonymous callers see OPEN datasets only) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No team has this slug */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetWritesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['V0DatasetDefinitionRequest'];
      };
    };
    responses: {
      /** @description Created */
      200: {
        headers: {
          /** @description The new dataset, as `uri` */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0CreatedDto'];
        };
      };
      /** @description Malformed JSON, a body that is not an object, or an owner or id that is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller sees the team or dataset but lacks the access needed (or the token scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such team or dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The team already has a dataset with the derived id */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The JSON body is over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A field breaks a rule (named, with the offending value, in `message`) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetsController_listOwn: {
    parameters: {
      query?: {
        /** @description Records per page */
        limit?: number;
        /** @description The `nextPageToken` of the page before */
        next?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of datasets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetPageDto'];
        };
      };
      /** @description limit is not 1-100, or next is not a page token this server gave */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetsController_listContributing: {
    parameters: {
      query?: {
        /** @description Records per page */
        limit?: number;
        /** @description The `nextPageToken` of the page before */
        next?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of datasets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetPageDto'];
        };
      };
      /** @description limit is not 1-100, or next is not a page token this server gave */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetsController_listLiked: {
    parameters: {
      query?: {
        /** @description Records per page */
        limit?: number;
        /** @description The `nextPageToken` of the page before */
        next?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An empty page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetPageDto'];
        };
      };
      /** @description limit is not 1-100, or next is not a page token this server gave */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DatasetWritesController_addFiles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['V0FileBatchRequest'];
      };
    };
    responses: {
      /** @description Added; the fetches run in the background */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description Malformed JSON, a body that is not an object, or an owner or id that is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller sees the team or dataset but lacks the access needed (or the token scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such team or dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The JSON body is over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A field breaks a rule (named, with the offending value, in `message`) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0FilesController_deleteFiles: {
    parameters: {
      query: {
        /** @description A file to delete; repeat for each */
        name: string[];
      };
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, all of them */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description owner or id is not a slug, or no name given */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller may read the dataset but not write it (or the token scope is read) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset or file, or a dataset the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0FilesController_uploadFile: {
    parameters: {
      query?: {
        /** @description Store a `.zip` as its entries (true/false, True/False or 1/0) */
        expandArchive?: boolean;
      };
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
        /** @description The file name, percent-encoded (`%2F` for a `/` in it, `%20` for a space) */
        file: string;
      };
      cookie?: never;
    };
    /** @description The file's bytes */
    requestBody: {
      content: {
        'application/octet-stream': Blob;
      };
    };
    responses: {
      /** @description Uploaded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description owner or id is not a slug, a bad file name or expandArchive, or a broken zip */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller may read the dataset but not write it (or the token scope is read) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Over the upload size limit (or a zip with too many entries) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0FilesController_uploadFiles: {
    parameters: {
      query?: {
        /** @description Store each `.zip` part as its entries (true/false, True/False or 1/0) */
        expandArchives?: boolean;
      };
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description The files; each part's filename is the file's name */
          file: Blob[];
        };
      };
    };
    responses: {
      /** @description Uploaded, all of them */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description owner or id is not a slug, a bad expandArchives, or a malformed multipart body */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller may read the dataset but not write it (or the token scope is read) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A file over the upload size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0FilesController_deleteFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
        /** @description The file name, percent-encoded (`%2F` for a `/` in it, `%20` for a space) */
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description owner or id is not a slug, or a query value is malformed */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller may read the dataset but not write it (or the token scope is read) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset or file, or a dataset the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0FilesController_syncViaGet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sync started */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description owner or id is not a slug, or a query value is malformed */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller may read the dataset but not write it (or the token scope is read) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A sync is already under way, or too many requests: see Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0FilesController_sync: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sync started */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0MessageDto'];
        };
      };
      /** @description owner or id is not a slug, or a query value is malformed */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The caller may read the dataset but not write it (or the token scope is read) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description A sync is already under way, or too many requests: see Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DownloadsController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The zip */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': Blob;
        };
      };
      /** @description owner or id is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The bearer token is not valid (anonymous callers read OPEN datasets only) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The dataset's files kept changing while the zip was prepared: retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  'V0DownloadsController_fileDownload[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
        /** @description The file name, percent-encoded (`%2F` for a `/` in it, `%20` for a space) */
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file's bytes (Content-Type by extension) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': Blob;
        };
      };
      /** @description The requested range of the bytes */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': Blob;
        };
      };
      /** @description Unchanged since the If-None-Match ETag */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description owner or id is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The bearer token is not valid (anonymous callers read OPEN datasets only) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset or file, a file never fetched, or a dataset the caller may not read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The range is beyond the file */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  'V0DownloadsController_fileDownload[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
        /** @description The file name, percent-encoded (`%2F` for a `/` in it, `%20` for a space) */
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file's bytes (Content-Type by extension) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': Blob;
        };
      };
      /** @description The requested range of the bytes */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': Blob;
        };
      };
      /** @description Unchanged since the If-None-Match ETag */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description owner or id is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The bearer token is not valid (anonymous callers read OPEN datasets only) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset or file, a file never fetched, or a dataset the caller may not read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The range is beyond the file */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0DownloadsController_dataPackage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The owning team, by its slug */
        owner: string;
        /** @description The dataset, by its slug */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The zip */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': Blob;
        };
      };
      /** @description owner or id is not a slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The bearer token is not valid (anonymous callers read OPEN datasets only) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description No such dataset, or one the caller may not read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description The dataset's files kept changing while the zip was prepared: retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
  V0UserController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0UserDto'];
        };
      };
      /** @description No token, or a bad one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
      /** @description Too many requests from this caller: wait `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V0ErrorDto'];
        };
      };
    };
  };
}
