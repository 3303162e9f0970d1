// Generated from openapi.json by openapi-typescript (`npm run client:generate`): do not edit.

export interface paths {
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics of this process
     * @description For Prometheus, with `Authorization: Bearer <METRICS_TOKEN>` (not a user token); never rate-limited. Served only when the `METRICS_TOKEN` setting is set (404 otherwise). Prometheus text format: HTTP requests and their durations by method, route template and status; upload and download bytes; the URL-source fetch queue and its failures; the database connection pool; the standard process and Node.js metrics.
     */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness and database reachability
     * @description Anyone (no token), never rate-limited: for load balancers and supervisors. 200 while the database answers a ping within 2 seconds, 503 (with the failed check) otherwise.
     */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness probe: the process serves requests
     * @description Anyone (no token), never rate-limited: for an orchestrator deciding whether to restart the process. Always 200 while the process answers at all; touches nothing else (a database outage must not get every instance restarted).
     */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness probe: the database is reachable and fully migrated
     * @description Anyone (no token), never rate-limited: for an orchestrator deciding whether to send traffic here. 200 when the database answers a ping and records every migration this build ships as applied, each within 2 seconds; 503 with the failed checks and why (`database`: unreachable; `migrations`: which are missing) otherwise.
     */
    get: operations['HealthController_ready'];
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
    /**
     * List users
     * @description Site admins only. Deactivated users only with `include_inactive`. FilterSpec fields: pk, username, first_name, last_name, email, is_staff, is_superuser, is_active, date_joined, last_login.
     */
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
    /**
     * Create a user
     * @description Site admins only. The password is stored hashed (argon2), never answered.
     */
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
    /**
     * Retrieve a user by pk (all digits), or get_by_name (anything else)
     * @description All digits: the user with that pk, as an object (site admins only). Anything else is a username (slashes included): an array holding that user, empty when there is none. Any user may ask for their own name; site admins for anyone.
     */
    get: operations['UsersController_lookup'];
    /**
     * Update a user
     * @description Site admins only. `username` is required; other fields left out keep their value. A password given is re-hashed.
     */
    put: operations['UsersController_update'];
    post?: never;
    /**
     * Deactivate a user
     * @description Site admins only. Users are never deleted (their rows own history): this sets `is_active` to false, after which their tokens are refused.
     */
    delete: operations['UsersController_destroy'];
    options?: never;
    head?: never;
    /**
     * Partially update a user
     * @description Site admins only. Only the fields sent change; a password given is re-hashed. `is_active: false` deactivates the user, `true` reactivates them.
     */
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
    /**
     * Obtain a refresh and an access token for a username and password
     * @description Anyone (no token needed). The first start creates the site admin `admin` and prints its password once in the log (or `ADMIN_USERNAME`/`ADMIN_PASSWORD` choose them). Limited to `RATE_LIMIT_AUTH` calls a minute per client address, against password guessing.
     */
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
    /**
     * Trade a refresh token for a new access token
     * @description Anyone holding a refresh token (no Authorization header needed). The refresh token stays valid until it expires, so clients may refresh in parallel.
     */
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
    /**
     * Check that an access or refresh token is valid
     * @description Anyone (no Authorization header needed). Answers an empty object when valid.
     */
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
    /**
     * List your API tokens that are not revoked (never their secrets)
     * @description Any user, with any token: the caller's own tokens, expired ones included (to be seen and revoked), oldest first, with when each was last used.
     */
    get: operations['ApiTokensController_list'];
    put?: never;
    /**
     * Create an API token of your own; the answer holds its secret, shown this once
     * @description Any user, for themselves, with a password login (an access token from `/v1/auth/obtain`) or an API token with the admin scope. The token never does more than its user may.
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
     * @description Any user, for their own tokens, with a password login or an API token with the admin scope. Another user's token is 404, as is one revoked already.
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
    /**
     * List teams
     * @description Any user: the active teams they are a member of (at any level); site admins see every team. FilterSpec fields: pk, name, creator, creation_time, deletion_time (and `creator.username`); `include_inactive` lists soft-deleted teams as well.
     */
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
    /**
     * Create a team
     * @description Site admins only. The team starts with no members (add them with `memberships`) and gets a slug derived from its name, its `owner` on `/v0`.
     */
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
    /**
     * Retrieve a team
     * @description Members of the team at any level, and site admins. Soft-deleted teams too.
     */
    get: operations['TeamsController_retrieve'];
    /**
     * Rename a team
     * @description Admin members of the team (`A`), and site admins. The slug stays as it is.
     */
    put: operations['TeamsController_update'];
    post?: never;
    /**
     * Soft-delete a team and end its memberships
     * @description Admin members of the team (`A`), and site admins. A site admin can undo it with `reinstate` (the memberships stay ended).
     */
    delete: operations['TeamsController_destroy'];
    options?: never;
    head?: never;
    /**
     * Rename a team (name optional)
     * @description Admin members of the team (`A`), and site admins. An empty body changes nothing and answers the team.
     */
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
    /**
     * Delete a team for good
     * @description Site admins only, for a team that owns no projects (hard-delete those first). Answers the team as it was.
     */
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
    /**
     * Undo the soft delete of a team
     * @description Site admins only. Its memberships stay ended. A team that is not deleted is answered as it is.
     */
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
    /**
     * Add, remove or change the level of a member
     * @description Admin members of the team (`A`), and site admins. `add` needs a user who is not a member yet, `remove` and `update` one who is; `permissions` defaults to `R`. Answers the membership as it is now (ended, for `remove`).
     */
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
    /**
     * A member's level in the team
     * @description Admin members of the team (`A`), and site admins. Answers the level as a bare JSON string, e.g. `"W"`.
     */
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
    /**
     * List projects
     * @description Any user: the active projects of the teams they are a member of; site admins see every project. FilterSpec fields: pk, name, team, creator, creation_time, deletion_time (and `team.name`...); `include_inactive` lists soft-deleted ones as well.
     */
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
    /**
     * Create a project in a team
     * @description Write members of the team (`W` or `A`), and site admins. Names are unique among the team's active projects.
     */
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
    /**
     * Retrieve a project
     * @description Members of its team at any level, and site admins. Soft-deleted projects too.
     */
    get: operations['ProjectsController_retrieve'];
    /**
     * Rename a project or move it to another team
     * @description Write members (`W` or `A`) of its team, and site admins; moving it to another team needs write in that team too. Its datasets move with it.
     */
    put: operations['ProjectsController_update'];
    post?: never;
    /**
     * Soft-delete a project and its datasets
     * @description Write members (`W` or `A`) of its team, and site admins. A site admin can undo it with `reinstate` (the datasets stay deleted).
     */
    delete: operations['ProjectsController_destroy'];
    options?: never;
    head?: never;
    /**
     * Rename a project or move it (fields optional)
     * @description As PUT, with only the fields sent: write members (`W` or `A`) of its team, and site admins; a move needs write in the target team too.
     */
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
    /**
     * Delete a project for good
     * @description Site admins only, for a project that holds no datasets (hard-delete those first). Answers the project as it was.
     */
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
    /**
     * Undo the soft delete of a project
     * @description Site admins only. Its datasets stay deleted. A project that is not deleted is answered as it is.
     */
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
    /**
     * List datasets
     * @description The datasets a FilterSpec body selects among those the caller may see; soft-deleted versions only with `include_inactive` (their `deletion_time` set). Who: anyone (no token needed) sees the public ones; signed in, also those of the caller's teams; site admins, all.
     */
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
    /**
     * Create a dataset
     * @description Creates version 1 of a dataset, without files, in a project. Who: write members of the project's team and site admins; an API token needs the `write` scope.
     */
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
    /**
     * Retrieve a dataset
     * @description The dataset with its files map (name → handle). Who: Anyone when the dataset is public (no token needed); otherwise members of its team (any level) and site admins.
     */
    get: operations['DatasetsController_retrieve'];
    /**
     * Update a dataset
     * @description Replaces its name, project, licence, tags, description and is_public (its files stay). Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope. Moving it to a project of another team needs write access there too.
     */
    put: operations['DatasetsController_update'];
    post?: never;
    /**
     * Delete a dataset (soft)
     * @description Marks this version deleted (`deletion_time`): it keeps its files and stays readable, but its name, version and slug are free for others, and its files and metadata cannot change until a site admin reinstates it. Deleting it again changes nothing. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope.
     */
    delete: operations['DatasetVersioningController_destroy'];
    options?: never;
    head?: never;
    /**
     * Partially update a dataset
     * @description As PUT, changing only the fields sent. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope.
     */
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
    /**
     * Delete a dataset for good
     * @description Removes the dataset and its files; bytes no other dataset uses are reclaimed. Answers the dataset as it was. Who: Site admins only (an API token needs the `admin` scope).
     */
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
    /**
     * Reinstate a soft-deleted dataset
     * @description Undoes a soft delete (an active dataset is answered unchanged). Refused when another active dataset took its name and version, or its slug, meanwhile. Who: Site admins only (an API token needs the `admin` scope).
     */
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
    /**
     * Clear every file's metadata
     * @description Sets every file's metadata to the empty string. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope.
     */
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
    /**
     * Copy a dataset
     * @description Copies it as the next version of the same name (numbered after the highest active one), or with `new_name` as version 1 of a new dataset, in the same project. Files and their metadata are shared with the original, never copied byte by byte; `only_files` keeps only those. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope. Not while it is soft-deleted.
     */
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
    /**
     * Merge another dataset's files into this one
     * @description Adds the source's files (and their metadata) to this dataset, replacing files of the same names, then optionally deletes the source: soft, or for good with `hard` (site admins only). Both must be of the same data domain. Merging a dataset into itself changes nothing. Who: write members of both datasets' teams and site admins; an API token needs the `write` scope. Not while either is soft-deleted.
     */
    post: operations['DatasetVersioningController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/datasets/{pk}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A dataset's versions, oldest first, with their file counts and sizes
     * @description Every version of the dataset `pk` belongs to (same project and name): pk, version, creation time, creator, file count and total bytes. Soft-deleted versions are listed too, with their `deletion_time`. A caller who is not a member of the team sees the public versions only. Who: anyone (no token needed) for a public dataset; members of the dataset's team at any level and site admins otherwise; an API token needs the `read` scope.
     */
    get: operations['HistoryController_lineage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/datasets/{pk}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What changed in the files from version `from` to version `pk`
     * @description Files added, removed, changed (same name, other bytes), renamed (the same bytes under a new name, a gone name paired with a new one) and with changed metadata, in byte order of their name, a page of `limit` (at most 10,000) at a time: while `next` is set, ask again with `after=<next>`. Each page is computed from the whole of both versions, so pages taken while a version changes may disagree. Both versions must be readable by the caller and versions of one dataset. Who: anyone (no token needed) for a public dataset; members of the dataset's team at any level and site admins otherwise; an API token needs the `read` scope.
     */
    get: operations['HistoryController_diff'];
    put?: never;
    post?: never;
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
    /**
     * Download a file
     * @description The file's bytes, as `application/data` (`Accept` must allow it). Supports `Range` (one range: 206), `If-None-Match` (304) and HEAD. Who: Anyone when the dataset is public (no token needed); otherwise members of its team (any level) and site admins.
     */
    get: operations['FilesController_getFile'];
    put?: never;
    /**
     * Upload a file
     * @description The raw request body is the file's bytes, streamed to storage, stored under `filename` (a name the dataset already has is refused: delete it first). `Content-Disposition` must carry a `filename` parameter, whose value is not used. A name ending in `/` gets the next free number in that directory (`images/` → `images/1`). Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope. Not while the dataset is soft-deleted.
     */
    post: operations['FilesController_addFile'];
    /**
     * Delete a file
     * @description Removes the file (and its metadata) from this dataset version; its bytes are reclaimed once no dataset refers to them. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope. Not while the dataset is soft-deleted.
     */
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
    /**
     * Upload a zip: add every entry as a file
     * @description The raw request body is a zip; each of its entries is stored as a file under its path in the archive, all or none, replacing files of those names. `Content-Disposition` must carry a `filename` parameter (its value is not used). Answers the files added, in archive order. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope. Not while the dataset is soft-deleted.
     */
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
    /**
     * Download a file by its handle
     * @description The bytes of the dataset's file with this handle (the SHA-256 of its bytes), as `application/data`; as the download by name otherwise. Who: Anyone when the dataset is public (no token needed); otherwise members of its team (any level) and site admins.
     */
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
    /**
     * Download the dataset as an archive
     * @description Every file of the dataset in a zip (entries stored) or a gzipped tar, streamed as it is built, as `application/data` (`Accept` must allow it). A zip of files whose CRC-32s were recorded at upload has a Content-Length and an ETag, and honours one `Range` (with `If-Range`) with a 206. Who: Anyone when the dataset is public (no token needed); otherwise members of its team (any level) and site admins.
     */
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
    /**
     * Every file's metadata
     * @description An object of each file's name and metadata, in the order the files were added. Who: Anyone when the dataset is public (no token needed); otherwise members of its team (any level) and site admins.
     */
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
    /**
     * A file's metadata
     * @description One file's metadata (the empty string when none was set). Who: Anyone when the dataset is public (no token needed); otherwise members of its team (any level) and site admins.
     */
    get: operations['MetadataController_get'];
    put?: never;
    /**
     * Set a file's metadata
     * @description Replaces the file's metadata with the string sent, and answers it. Who: Write members (level W or A) of the dataset's team and site admins; an API token needs the `write` scope. Not while the dataset is soft-deleted.
     */
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
    /**
     * List licences
     * @description Any user. FilterSpec fields: pk, name, url. The same route is served under `/v1/licenses` (UFDL accepts both spellings).
     */
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
    /**
     * List licences
     * @description Any user. FilterSpec fields: pk, name, url. The same route is served under `/v1/licenses` (UFDL accepts both spellings).
     */
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
    /**
     * Create a licence
     * @description Site admins only. It starts without sub-descriptors (add them with `subdescriptors`).
     */
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
    /**
     * Create a licence
     * @description Site admins only. It starts without sub-descriptors (add them with `subdescriptors`).
     */
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
    /**
     * Retrieve a licence with its sub-descriptor names
     * @description Any user.
     */
    get: operations['LicencesController_retrieve[0]'];
    /**
     * Replace the name and URL of a licence
     * @description Site admins only. Both fields are required; sub-descriptors stay.
     */
    put: operations['LicencesController_update[0]'];
    post?: never;
    /**
     * Delete a licence
     * @description Site admins only, for a licence no dataset uses (deleted datasets included).
     */
    delete: operations['LicencesController_destroy[0]'];
    options?: never;
    head?: never;
    /**
     * Change the name and/or URL of a licence
     * @description Site admins only. Only the fields sent change.
     */
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
    /**
     * Retrieve a licence with its sub-descriptor names
     * @description Any user.
     */
    get: operations['LicencesController_retrieve[1]'];
    /**
     * Replace the name and URL of a licence
     * @description Site admins only. Both fields are required; sub-descriptors stay.
     */
    put: operations['LicencesController_update[1]'];
    post?: never;
    /**
     * Delete a licence
     * @description Site admins only, for a licence no dataset uses (deleted datasets included).
     */
    delete: operations['LicencesController_destroy[1]'];
    options?: never;
    head?: never;
    /**
     * Change the name and/or URL of a licence
     * @description Site admins only. Only the fields sent change.
     */
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
    /**
     * Add or remove permissions, conditions, limitations or domains
     * @description Site admins only. `names` are names (an unknown one is created on `add`) or pks of existing sub-descriptors of that type; a sub-descriptor no licence uses any more after a `remove` is deleted. Answers the licence as it is now.
     */
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
    /**
     * Add or remove permissions, conditions, limitations or domains
     * @description Site admins only. `names` are names (an unknown one is created on `add`) or pks of existing sub-descriptors of that type; a sub-descriptor no licence uses any more after a `remove` is deleted. Answers the licence as it is now.
     */
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
    /**
     * List data domains
     * @description Any user. The domains are fixed (UFDL refuses every change to them). FilterSpec fields: pk, name, description.
     */
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
    /**
     * Retrieve a data domain
     * @description Any user.
     */
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
    V1DetailErrorDto: {
      /** @example Not found. */
      detail: string;
      /**
       * @description simplejwt's error code on a refused token (`token_not_valid`, `user_inactive`...)
       * @example token_not_valid
       */
      code?: string;
      /** @description For a bad access token: which token kinds were tried and why each failed */
      messages?: {
        token_class?: string;
        token_type?: string;
        message?: string;
      }[];
    };
    HealthReportDto: {
      /**
       * @description `ok` answers 200; `error` and `shutting_down` answer 503
       * @example ok
       * @enum {string}
       */
      status: 'ok' | 'degraded' | 'error' | 'shutting_down';
      /**
       * @description The checks that passed
       * @example {
       *       "database": {
       *         "status": "up"
       *       }
       *     }
       */
      info?: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'degraded' | 'down';
          /** @description Milliseconds the check took */
          responseTime?: number;
        } & {
          [key: string]: unknown;
        };
      };
      /**
       * @description The checks that failed, with why
       * @example {}
       */
      error?: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'degraded' | 'down';
          /** @description Milliseconds the check took */
          responseTime?: number;
        } & {
          [key: string]: unknown;
        };
      };
      /**
       * @description Every check
       * @example {
       *       "database": {
       *         "status": "up"
       *       }
       *     }
       */
      details: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'degraded' | 'down';
          /** @description Milliseconds the check took */
          responseTime?: number;
        } & {
          [key: string]: unknown;
        };
      };
    };
    LivenessDto: {
      /**
       * @example ok
       * @enum {string}
       */
      status: 'ok';
    };
    V1UserDto: {
      /** @example alice */
      username: string;
      /** @example 2 */
      pk: number;
      /**
       * Format: date-time
       * @description When the user last authenticated a request (to about a minute)
       */
      last_login: string | null;
      is_superuser: boolean;
      /** @example Alice */
      first_name: string;
      /** @example  */
      last_name: string;
      /** @example alice@example.com */
      email: string;
      /** @description A site admin */
      is_staff: boolean;
      /** @description False once deactivated (users are never deleted) */
      is_active: boolean;
      /** Format: date-time */
      date_joined: string;
    };
    CreateUserDto: {
      /** @description Letters, digits and @ . + - _ */
      username: string;
      /** @description Stored hashed, never answered */
      password: string;
      /** @description Empty when created without it */
      first_name?: string;
      /** @description Empty when created without it */
      last_name?: string;
      /** @description An email address, or empty (when created without it) */
      email?: string;
      /** @description A site admin (false when created without it) */
      is_staff?: boolean;
      /** @description False: deactivated, cannot log in (true when created without it) */
      is_active?: boolean;
    };
    UpdateUserDto: {
      /** @description Letters, digits and @ . + - _ */
      username: string;
      /** @description A new password (re-hashed); left out, the password stays */
      password?: string;
      /** @description Empty when created without it */
      first_name?: string;
      /** @description Empty when created without it */
      last_name?: string;
      /** @description An email address, or empty (when created without it) */
      email?: string;
      /** @description A site admin (false when created without it) */
      is_staff?: boolean;
      /** @description False: deactivated, cannot log in (true when created without it) */
      is_active?: boolean;
    };
    PatchUserDto: {
      /** @description Letters, digits and @ . + - _ */
      username?: string;
      /** @description A new password (re-hashed); left out, the password stays */
      password?: string;
      /** @description Empty when created without it */
      first_name?: string;
      /** @description Empty when created without it */
      last_name?: string;
      /** @description An email address, or empty (when created without it) */
      email?: string;
      /** @description A site admin (false when created without it) */
      is_staff?: boolean;
      /** @description False: deactivated, cannot log in (true when created without it) */
      is_active?: boolean;
    };
    ObtainTokenDto: {
      /** @example admin */
      username: string;
      /**
       * @description For `admin` on a fresh server: the password the first start printed in the log
       * @example password-from-the-log
       */
      password: string;
    };
    V1TokenPairDto: {
      /** @description Refresh token (JWT): trade it at `/v1/auth/refresh` for new access tokens until it expires (`REFRESH_TOKEN_LIFETIME`, 8 hours by default) */
      refresh: string;
      /** @description Access token (JWT): send it as `Authorization: Bearer <access>`; it expires after `ACCESS_TOKEN_LIFETIME` seconds (5 minutes by default) */
      access: string;
    };
    RefreshTokenDto: {
      /** @description The `refresh` of `/v1/auth/obtain` */
      refresh: string;
    };
    V1AccessTokenDto: {
      /** @description Access token (JWT): send it as `Authorization: Bearer <access>`; it expires after `ACCESS_TOKEN_LIFETIME` seconds (5 minutes by default) */
      access: string;
    };
    VerifyTokenDto: {
      /** @description An access or refresh token */
      token: string;
    };
    CreateApiTokenDto: {
      /**
       * @description A name to recognise the token by
       * @example laptop
       */
      name: string;
      /**
       * @description What the token may do, at most (never more than its user may): `read`, `write` (includes read) or `admin` (everything the user may). data.world's `user_api_read`, `user_api_write` and `user_api_admin` are accepted as well.
       * @example [
       *       "write"
       *     ]
       */
      scopes: (
        'read' | 'write' | 'admin' | 'user_api_read' | 'user_api_write' | 'user_api_admin'
      )[];
      /**
       * Format: date-time
       * @description When the token stops working (ISO 8601, in the future); never when omitted
       * @example 2036-01-01T00:00:00Z
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
    V1TeamMemberDto: {
      /**
       * @description The member's user pk
       * @example 2
       */
      pk: number;
      /** @example alice */
      username: string;
    };
    V1TeamDto: {
      /** @example 1 */
      pk: number;
      /** @example My team */
      name: string;
      /** @description Current (not ended) memberships */
      members: components['schemas']['V1TeamMemberDto'][];
      /** @description pk of the user who created it */
      creator: number | null;
      /** Format: date-time */
      creation_time: string;
      /**
       * Format: date-time
       * @description Set when soft-deleted (null: active)
       */
      deletion_time: string | null;
    };
    TeamDto: {
      /** @example My team */
      name: string;
    };
    PatchTeamDto: {
      /** @example My team */
      name?: string;
    };
    /**
     * @description Membership level: `R` read, `X` execute (a reader: Strata has no worker nodes), `W` write, `A` admin
     * @enum {string}
     */
    V1TeamLevel: 'R' | 'X' | 'W' | 'A';
    MembershipModDto: {
      /** @example admin */
      username: string;
      /** @enum {string} */
      method: 'add' | 'remove' | 'update';
      /**
       * @description Membership level: `R` read, `X` execute (a reader: Strata has no worker nodes), `W` write, `A` admin
       * @default R
       */
      permissions?: components['schemas']['V1TeamLevel'];
    };
    V1MembershipDto: {
      /**
       * @description The member's user pk
       * @example 1
       */
      user: number;
      /**
       * @description The team's pk
       * @example 1
       */
      team: number;
      /** @description Membership level: `R` read, `X` execute (a reader: Strata has no worker nodes), `W` write, `A` admin */
      permissions: components['schemas']['V1TeamLevel'];
      /** @description pk of the user who created it */
      creator: number | null;
      /** Format: date-time */
      creation_time: string;
      /**
       * Format: date-time
       * @description Set when the membership ended (removed, or the team deleted)
       */
      deletion_time: string | null;
    };
    V1ProjectDto: {
      /** @example 1 */
      pk: number;
      /** @example images */
      name: string;
      /**
       * @description The owning team's pk
       * @example 1
       */
      team: number;
      /** @description pk of the user who created it */
      creator: number | null;
      /** Format: date-time */
      creation_time: string;
      /**
       * Format: date-time
       * @description Set when soft-deleted (null: active)
       */
      deletion_time: string | null;
    };
    ProjectDto: {
      /** @example images */
      name: string;
      /**
       * @description pk of the owning team
       * @example 1
       */
      team: number;
    };
    PatchProjectDto: {
      /** @example images */
      name?: string;
      /**
       * @description pk of the owning team
       * @example 1
       */
      team?: number;
    };
    V1DatasetDto: {
      /** @example 1 */
      pk: number;
      /** @example cats */
      name: string;
      /**
       * @description Starts at 1; a copy is the next version
       * @example 1
       */
      version: number;
      /**
       * @description The version this one was copied from; -1 for none
       * @example -1
       */
      previous_version: number;
      /** @example Pictures of cats */
      description: string;
      /**
       * @description pk of the project
       * @example 1
       */
      project: number;
      /**
       * @description pk of the licence
       * @example 11
       */
      licence: number;
      /**
       * @description Readable by anyone, anonymous callers included
       * @example false
       */
      is_public: boolean;
      /**
       * @description The data domain's description (null: none)
       * @example null
       */
      domain: string | null;
      /**
       * @description Comma-separated tags; may be empty
       * @example cats,images
       */
      tags: string;
      /**
       * @description pk of the user who created it (null once that user is gone)
       * @example 2
       */
      creator: number | null;
      /**
       * Format: date-time
       * @example 2026-01-01T12:00:00.000Z
       */
      creation_time: string;
      /**
       * Format: date-time
       * @description When it was soft-deleted; null while active
       * @example null
       */
      deletion_time: string | null;
      /**
       * @description Each file's name and handle (the SHA-256 of its bytes), in the order added
       * @example {
       *       "hello.txt": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
       *     }
       */
      files: {
        [key: string]: string;
      };
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
      description?: string;
      /** @default false */
      is_public?: boolean;
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
      description?: string;
      /** @default false */
      is_public?: boolean;
    };
    V1CopyRequestDto: {
      /** @description Copy as a new dataset of this name (version 1) in the same project; without it, as the next version of this one */
      new_name?: string | null;
      /** @description Copy only these files (by name); without it, every file */
      only_files?: string[] | null;
    };
    V1MergeRequestDto: {
      /** @description Delete the source dataset after the merge */
      delete: boolean;
      /**
       * @description With `delete`: delete it for good (site admins only) instead of soft-deleting
       * @default false
       */
      hard?: boolean;
    };
    HistoryCreatorDto: {
      /** @example 1 */
      pk: number;
      /** @example alice */
      username: string;
    };
    HistoryVersionDto: {
      /**
       * @description The version’s dataset pk (for `/v1/datasets/{pk}`)
       * @example 1
       */
      pk: number;
      /** @example 1 */
      version: number;
      /**
       * @description The version it was copied from (-1: none), as `/v1` says
       * @example -1
       */
      previous_version: number;
      /** @example false */
      is_public: boolean;
      /** @description Who created it (null when unknown) */
      creator: components['schemas']['HistoryCreatorDto'] | null;
      /** Format: date-time */
      creation_time: string;
      /**
       * Format: date-time
       * @description Set when this version is soft-deleted (null: active)
       */
      deletion_time: string | null;
      /**
       * @description How many files it has
       * @example 3
       */
      file_count: number;
      /**
       * @description The sizes of its files added up (bytes shared by two files count twice)
       * @example 1024
       */
      total_bytes: number;
    };
    DatasetHistoryDto: {
      /**
       * @description The project the versions belong to
       * @example 1
       */
      project: number;
      /**
       * @description The name they share
       * @example cats
       */
      name: string;
      /** @description Oldest first (by creation time), soft-deleted versions included */
      versions: components['schemas']['HistoryVersionDto'][];
    };
    FileChangeDto: {
      /**
       * @description `added` (only `new_*` set), `removed` (only `old_*`), `changed` (same name, other bytes), `renamed` (a name gone and another new with the same bytes), `metadata` (same name and bytes, other metadata)
       * @example changed
       * @enum {string}
       */
      change: 'added' | 'removed' | 'changed' | 'renamed' | 'metadata';
      /** @example images/cat.jpg */
      old_name: string | null;
      /** @example images/cat.jpg */
      new_name: string | null;
      /** @description SHA-256 of the old bytes */
      old_handle: string | null;
      /** @description SHA-256 of the new bytes */
      new_handle: string | null;
      /** @example {"label": "cat"} */
      old_metadata: string | null;
      /** @example {"label": "dog"} */
      new_metadata: string | null;
    };
    DatasetDiffDto: {
      /**
       * @description The version compared from
       * @example 1
       */
      from: number;
      /**
       * @description The version compared to
       * @example 2
       */
      to: number;
      /** @description In byte order of their key: the new name, or the old one for a removal */
      changes: components['schemas']['FileChangeDto'][];
      /** @description When more changes follow: pass it as `after` for the next page */
      next: string | null;
    };
    V1NamedFileDto: {
      /**
       * @description The name the file has in the dataset (directories separated by `/`)
       * @example hello.txt
       */
      filename: string;
      /**
       * @description The SHA-256 of the file's bytes, in hex: its handle for `file-handles/{handle}`
       * @example 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
       */
      handle: string;
    };
    V1DownloadRequestDto: {
      /**
       * @description The archive format; another value is refused (415)
       * @default zip
       * @enum {string}
       */
      filetype?: 'zip' | 'tar.gz';
      /** @description Only `annotations_args` is accepted (and ignored); another key is 422 */
      params?: {
        [key: string]: string | string[];
      };
    };
    V1FileMetadataDto: {
      /**
       * @description Any text (often JSON); the empty string when none was set
       * @example {"label": "cat"}
       */
      metadata: string;
    };
    V1LicenceDto: {
      /** @example 11 */
      pk: number;
      /** @example MIT */
      name: string;
      /**
       * Format: uri
       * @example https://opensource.org/licenses/MIT
       */
      url: string;
      /**
       * @example [
       *       "Commercial use",
       *       "Modification"
       *     ]
       */
      permissions: string[];
      /**
       * @example [
       *       "License and copyright notice"
       *     ]
       */
      conditions: string[];
      /**
       * @example [
       *       "Liability",
       *       "Warranty"
       *     ]
       */
      limitations: string[];
      /**
       * @description The kinds of work it suits
       * @example [
       *       "Software",
       *       "Models"
       *     ]
       */
      domains: string[];
    };
    CreateLicenceDto: {
      /** @example In-house licence */
      name: string;
      /**
       * Format: uri
       * @example https://example.com/licence
       */
      url: string;
    };
    PatchLicenceDto: {
      name?: string;
      /** Format: uri */
      url?: string;
    };
    V1DataDomainDto: {
      /** @example 1 */
      pk: number;
      /** @example ic */
      name: string;
      /** @example Image Classification */
      description: string;
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
    V0FileSourceRequest: {
      /** @description http or https URL, fetched in the background */
      url: string;
      /**
       * @description Not supported for URL sources yet: true is 422
       * @default false
       */
      expandArchive?: boolean;
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
      license?:
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
      license?:
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
      case_insensitive?: boolean;
      /**
       * @description Negate the expression
       * @default false
       */
      invert?: boolean;
    };
    /** @description The field contains `sub_string` */
    ContainsExpression: {
      /** @enum {string} */
      type: 'contains';
      field: string;
      sub_string: string;
      /** @default false */
      case_insensitive?: boolean;
      /**
       * @description Negate the expression
       * @default false
       */
      invert?: boolean;
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
      invert?: boolean;
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
      invert?: boolean;
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
      invert?: boolean;
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
      invert?: boolean;
    };
    FieldExpression:
      | components['schemas']['ExactExpression']
      | components['schemas']['ContainsExpression']
      | components['schemas']['CompareExpression']
      | components['schemas']['IsNullExpression'];
    OrderBy: {
      field: string;
      /** @default true */
      ascending?: boolean;
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
      include_inactive?: boolean;
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
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics, in Prometheus text exposition format 0.0.4 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description No bearer token, or not `METRICS_TOKEN` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description `METRICS_TOKEN` is not set */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description With `WORKERS` > 1: a worker's metrics could not be gathered (it did not answer in time, or exited meanwhile); retry after `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'text/plain': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database answers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportDto'];
        };
      };
      /** @description The database does not answer: retry after `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before asking again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportDto'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process is serving */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LivenessDto'];
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready to serve */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportDto'];
        };
      };
      /** @description Not ready (database unreachable, or migrations missing): retry after `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before asking again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportDto'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The matching rows, in FilterSpec order (pk by default) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1UserDto'][];
        };
      };
      /** @description A malformed FilterSpec, or a bad `limit`/`cursor` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
        content: {
          'application/json': components['schemas']['V1UserDto'];
        };
      };
      /** @description A field is missing or invalid, or the username is taken */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  UsersController_lookup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A user pk (all digits) or a username (slashes belong to the name) */
        pk: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A pk: the user. A name: an array of zero or one user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1UserDto'] | components['schemas']['V1UserDto'][];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A pk and the caller is not a site admin, or another user's name */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A pk and there is no such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The user pk */
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
        content: {
          'application/json': components['schemas']['V1UserDto'];
        };
      };
      /** @description A field is missing or invalid, or the username is taken */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  UsersController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The user pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deactivated */
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
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  UsersController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The user pk */
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
        content: {
          'application/json': components['schemas']['V1UserDto'];
        };
      };
      /** @description A field is invalid, or the username is taken */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
      /** @description The token pair, refresh first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1TokenPairDto'];
        };
      };
      /** @description A field is missing, blank or too long */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No active account with these credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
      /** @description A new access token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1AccessTokenDto'];
        };
      };
      /** @description The field is missing, blank or too long */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Invalid, expired or not a refresh token, or its user can't act any more */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
      /** @description Valid: an empty object */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description The field is missing, blank or too long */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
      /** @description A field is missing or invalid, or `expires_at` is not in the future */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Sent with an API token without the admin scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ApiTokensController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The token id (`id` of the list) */
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
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Sent with an API token without the admin scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such token of yours (or revoked already) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_list: {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The matching rows, in FilterSpec order (pk by default) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1TeamDto'][];
        };
      };
      /** @description A malformed FilterSpec, or a bad `limit`/`cursor` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
        content: {
          'application/json': components['schemas']['V1TeamDto'];
        };
      };
      /** @description The name is missing, blank, too long or taken */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
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
        content: {
          'application/json': components['schemas']['V1TeamDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a member of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
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
        content: {
          'application/json': components['schemas']['V1TeamDto'];
        };
      };
      /** @description The name is missing, blank, too long or taken */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not an admin member of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Soft-deleted */
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
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not an admin member of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
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
        content: {
          'application/json': components['schemas']['V1TeamDto'];
        };
      };
      /** @description The name is blank, too long or taken */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not an admin member of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_hardDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The team as it was before the delete */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1TeamDto'];
        };
      };
      /** @description The team still owns projects */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
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
        content: {
          'application/json': components['schemas']['V1TeamDto'];
        };
      };
      /** @description An active team already uses its name or slug */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_modifyMemberships: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
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
        content: {
          'application/json': components['schemas']['V1MembershipDto'];
        };
      };
      /** @description A malformed body, an unknown or inactive user, adding a member, or removing or updating a non-member */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not an admin member of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  TeamsController_permissions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The team pk */
        pk: number;
        /** @description The member (slashes belong to the name) */
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The level, as a JSON string */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1TeamLevel'];
        };
      };
      /** @description No user with this username, or not a current member */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not an admin member of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_list: {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The matching rows, in FilterSpec order (pk by default) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1ProjectDto'][];
        };
      };
      /** @description A malformed FilterSpec, or a bad `limit`/`cursor` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
        content: {
          'application/json': components['schemas']['V1ProjectDto'];
        };
      };
      /** @description A field is missing or invalid, the team does not exist, or the team has a project of this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member (`W` or `A`) of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project pk */
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
        content: {
          'application/json': components['schemas']['V1ProjectDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a member of its team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such project */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project pk */
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
        content: {
          'application/json': components['schemas']['V1ProjectDto'];
        };
      };
      /** @description A field is missing or invalid, the team does not exist, or the team has a project of this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member (`W` or `A`) of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such project */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Soft-deleted */
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
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member (`W` or `A`) of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such project */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project pk */
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
        content: {
          'application/json': components['schemas']['V1ProjectDto'];
        };
      };
      /** @description A field is missing or invalid, the team does not exist, or the team has a project of this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member (`W` or `A`) of the team (nor a site admin) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such project */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_hardDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The project as it was before the delete */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1ProjectDto'];
        };
      };
      /** @description Datasets still belong to the project */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such project */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  ProjectsController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project pk */
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
        content: {
          'application/json': components['schemas']['V1ProjectDto'];
        };
      };
      /** @description An active project of its team already has its name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such project */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetsController_list: {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The datasets, in the order asked for (by pk without `order_by`) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'][];
        };
      };
      /** @description A FilterSpec, `limit` or `cursor` that is not valid, or malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A token was sent and is not valid */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description Field errors (a missing or invalid field, no such project or licence), or the project already has an active dataset of that name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the project's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dataset */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
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
      /** @description The dataset as updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description Field errors (an invalid field, no such project or licence), or the project already has an active dataset of that name and version */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team (or of the team it would move to) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetVersioningController_destroy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted (no body) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetsController_partialUpdate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
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
      /** @description The dataset as updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description Field errors (an invalid field, no such project or licence), or the project already has an active dataset of that name and version */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team (or of the team it would move to) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetVersioningController_hardDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted: the dataset as it was */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetVersioningController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dataset, active */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description Its name and version, or its slug, are taken by now */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetVersioningController_clear: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dataset */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description The dataset is soft-deleted */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetVersioningController_copy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset to copy */
        pk: number;
      };
      cookie?: never;
    };
    /** @description Other keys are refused (422) */
    requestBody?: {
      content: {
        'application/json': components['schemas']['V1CopyRequestDto'];
      };
    };
    responses: {
      /** @description The copy */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description A bad `new_name` or `only_files`, a name already taken, or a deleted dataset */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Keys other than `new_name` and `only_files` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DatasetVersioningController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset merged into */
        pk: number;
        /** @description The dataset whose files are merged in */
        source: number;
      };
      cookie?: never;
    };
    /** @description Exactly these keys */
    requestBody: {
      content: {
        'application/json': components['schemas']['V1MergeRequestDto'];
      };
    };
    responses: {
      /** @description This dataset, after the merge */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DatasetDto'];
        };
      };
      /** @description Not a MergeSpec (`delete` missing, not booleans, other keys), or a deleted dataset */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of both datasets' teams, or `hard` deletion asked by someone who is not a site admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset (either) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The datasets are of different data domains */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  HistoryController_lineage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Any version of the dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lineage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetHistoryDto'];
        };
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  HistoryController_diff: {
    parameters: {
      query: {
        /** @description pk of the version to compare from (another version of the same dataset) */
        from: number;
        /** @description Continue after this key: the `next` of the page before (a file name; changes are in byte order of their key) */
        after?: string;
        /** @description Changes per page (default 1000) */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description The version compared to */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of changes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetDiffDto'];
        };
      };
      /** @description `from` missing or not a pk, a bad `limit` or `after`, or the two are not versions of one dataset */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A version is not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A version is not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset (either of the two) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  FilesController_getFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description One byte range (`bytes=0-99`) for a 206; several get the whole file */
        Range?: string;
        /** @description The ETag of a copy held: 304 while the file is unchanged */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The dataset */
        pk: number;
        /** @description The file's name in the dataset; a `/` in it (a directory) may be sent as is or as `%2F`, and other reserved characters percent-encoded (`%20` for a space) */
        filename: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file's bytes */
      200: {
        headers: {
          /** @description The file's handle, quoted (a strong ETag) */
          ETag?: string;
          /** @description `bytes` */
          'Accept-Ranges'?: string;
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/data': Blob;
        };
      };
      /** @description The byte range asked for */
      206: {
        headers: {
          /** @description The file's handle, quoted (a strong ETag) */
          ETag?: string;
          /** @description `bytes` */
          'Accept-Ranges'?: string;
          'Content-Length'?: number;
          /** @description `bytes <first>-<last>/<length>` */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/data': Blob;
        };
      };
      /** @description Not modified: `If-None-Match` named its ETag (no body) */
      304: {
        headers: {
          /** @description The file's handle, quoted (a strong ETag) */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset, or no file of that name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description `Accept` does not allow `application/data` */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A `Range` outside the file */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  FilesController_addFile: {
    parameters: {
      query?: never;
      header: {
        /** @description Must have a `filename` parameter (any value: the name comes from the path), else 400 */
        'Content-Disposition': string;
      };
      path: {
        /** @description The dataset */
        pk: number;
        /** @description The file's name in the dataset; a `/` in it (a directory) may be sent as is or as `%2F`, and other reserved characters percent-encoded (`%20` for a space) */
        filename: string;
      };
      cookie?: never;
    };
    /** @description The file's bytes */
    requestBody: {
      content: {
        'application/octet-stream': Blob;
        'application/data': Blob;
      };
    };
    responses: {
      /** @description Stored: the name it got and its handle */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1NamedFileDto'];
        };
      };
      /** @description No `filename` in Content-Disposition, a bad name (`..` above the top, a NUL, a backslash), a name already in use, a body sent as JSON or a form, or a deleted dataset */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team (or a token without the `write` scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Larger than the upload limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  FilesController_deleteFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
        /** @description The file's name in the dataset; a `/` in it (a directory) may be sent as is or as `%2F`, and other reserved characters percent-encoded (`%20` for a space) */
        filename: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted: the name and handle it had */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1NamedFileDto'];
        };
      };
      /** @description The dataset is soft-deleted */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset, or no file of that name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  FilesController_addFiles: {
    parameters: {
      query?: never;
      header: {
        /** @description Must have a `filename` parameter (any value: the name comes from the path), else 400 */
        'Content-Disposition': string;
      };
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    /** @description A zip archive */
    requestBody: {
      content: {
        'application/octet-stream': Blob;
        'application/data': Blob;
        'application/zip': Blob;
      };
    };
    responses: {
      /** @description Stored: each entry's name and handle, in archive order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1NamedFileDto'][];
        };
      };
      /** @description No `filename` in Content-Disposition, not a readable zip, an unsafe entry name, an entry inflating far beyond its size, or a deleted dataset */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team (or a token without the `write` scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Too many entries, or the zip or an entry larger than the limits */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  FilesController_getFileByHandle: {
    parameters: {
      query?: never;
      header?: {
        /** @description One byte range (`bytes=0-99`) for a 206; several get the whole file */
        Range?: string;
        /** @description The ETag of a copy held: 304 while the file is unchanged */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The dataset */
        pk: number;
        /** @description The file's handle: the SHA-256 of its bytes in hex, as a NamedFile's `handle` */
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file's bytes */
      200: {
        headers: {
          /** @description The file's handle, quoted (a strong ETag) */
          ETag?: string;
          /** @description `bytes` */
          'Accept-Ranges'?: string;
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/data': Blob;
        };
      };
      /** @description The byte range asked for */
      206: {
        headers: {
          /** @description The file's handle, quoted (a strong ETag) */
          ETag?: string;
          /** @description `bytes` */
          'Accept-Ranges'?: string;
          'Content-Length'?: number;
          /** @description `bytes <first>-<last>/<length>` */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/data': Blob;
        };
      };
      /** @description Not modified: `If-None-Match` named its ETag (no body) */
      304: {
        headers: {
          /** @description The file's handle, quoted (a strong ETag) */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset, or no file of it with this handle */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description `Accept` does not allow `application/data` */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A `Range` outside the file */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DownloadsController_download: {
    parameters: {
      query?: never;
      header?: {
        /** @description For a zip with an ETag: one byte range (`bytes=0-99`) for a 206 */
        Range?: string;
        /** @description The ETag the `Range` is for: another one gets the whole archive */
        'If-Range'?: string;
      };
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    /** @description Other top-level keys are ignored */
    requestBody?: {
      content: {
        'application/json': components['schemas']['V1DownloadRequestDto'];
      };
    };
    responses: {
      /** @description The archive: a zip (entries stored, not compressed) or a gzipped tar, as `filetype` asks, labelled `application/data` */
      200: {
        headers: {
          /** @description `attachment` with the archive's name: `<dataset>.v<version>.<zip|tar.gz>` */
          'Content-Disposition'?: string;
          /** @description Only for a zip of known length: its strong ETag */
          ETag?: string;
          /** @description `bytes` */
          'Accept-Ranges'?: string;
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/data': Blob;
        };
      };
      /** @description The byte range of the zip asked for */
      206: {
        headers: {
          /** @description `attachment` with the archive's name: `<dataset>.v<version>.<zip|tar.gz>` */
          'Content-Disposition'?: string;
          /** @description Only for a zip of known length: its strong ETag */
          ETag?: string;
          /** @description `bytes` */
          'Accept-Ranges'?: string;
          'Content-Length'?: number;
          /** @description `bytes <first>-<last>/<length>` */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/data': Blob;
        };
      };
      /** @description Not a JSON object, or `filetype` or `params` of the wrong type */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description `Accept` does not allow `application/data` */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A `filetype` other than `zip` and `tar.gz`, or a body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A `Range` outside the zip */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A `params` key other than `annotations_args` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  MetadataController_all: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Each file's name and metadata */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: string;
          };
        };
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  MetadataController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
        /** @description The file's name in the dataset; a `/` in it (a directory) may be sent as is or as `%2F`, and other reserved characters percent-encoded (`%20` for a space) */
        filename: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file's metadata */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1FileMetadataDto'];
        };
      };
      /** @description Not public, and no valid token (or a token was sent and is not valid) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not public, and not a member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset, or no file of that name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  MetadataController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The dataset */
        pk: number;
        /** @description The file's name in the dataset; a `/` in it (a directory) may be sent as is or as `%2F`, and other reserved characters percent-encoded (`%20` for a space) */
        filename: string;
      };
      cookie?: never;
    };
    /** @description Exactly `{"metadata": "<string>"}` */
    requestBody: {
      content: {
        'application/json': components['schemas']['V1FileMetadataDto'];
      };
    };
    responses: {
      /** @description Set: the metadata as stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1FileMetadataDto'];
        };
      };
      /** @description Not exactly `{"metadata": "<string>"}` (or a NUL in it), no file of that name, or a deleted dataset */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a write member of the dataset's team */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such dataset */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description A body that is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_list[0]': {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The matching rows, in FilterSpec order (pk by default) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1LicenceDto'][];
        };
      };
      /** @description A malformed FilterSpec, or a bad `limit`/`cursor` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_list[1]': {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The matching rows, in FilterSpec order (pk by default) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1LicenceDto'][];
        };
      };
      /** @description A malformed FilterSpec, or a bad `limit`/`cursor` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A field is missing or invalid, or another licence has this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A field is missing or invalid, or another licence has this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_retrieve[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_update[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A field is missing or invalid, or another licence has this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_destroy[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Datasets still use the licence */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_partialUpdate[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A field is invalid, or another licence has this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_retrieve[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_update[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A field is missing or invalid, or another licence has this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_destroy[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
        pk: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Datasets still use the licence */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_partialUpdate[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A field is invalid, or another licence has this name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_modifySubdescriptors[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A malformed body, or a pk that names no sub-descriptor of this type */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  'LicencesController_modifySubdescriptors[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The licence pk */
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
        content: {
          'application/json': components['schemas']['V1LicenceDto'];
        };
      };
      /** @description A malformed body, or a pk that names no sub-descriptor of this type */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description Not a site admin (or a token without the admin scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such licence */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DomainsController_list: {
    parameters: {
      query?: {
        /** @description Page size; without it the whole list is answered */
        limit?: number;
        /** @description The cursor of the `Link: <...>; rel="next"` header of the page before */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A FilterSpec; an empty body lists everything the caller may see */
    requestBody?: {
      content: {
        'application/json': components['schemas']['FilterSpec'];
      };
    };
    responses: {
      /** @description The matching rows, in FilterSpec order (pk by default) */
      200: {
        headers: {
          /** @description With `?limit=`: `<url>; rel="next"` while more rows remain */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DataDomainDto'][];
        };
      };
      /** @description A malformed FilterSpec, or a bad `limit`/`cursor` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['V1FieldErrors'] | components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
    };
  };
  DomainsController_retrieve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The data domain pk */
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
        content: {
          'application/json': components['schemas']['V1DataDomainDto'];
        };
      };
      /** @description No credentials, or a bad, expired or revoked token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description No such data domain */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
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
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
      };
      /** @description The database is unavailable for a moment: wait `Retry-After` seconds */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['V1DetailErrorDto'];
        };
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
