import type { ArgumentsHost } from '@nestjs/common';
import {
  ConflictError,
  NotFoundError,
  type DomainError,
} from '../../src/common/errors/domain-error.js';
import { HttpErrorFilter, type ErrorFace } from '../../src/common/http/http-error.filter.js';
import { V1_ERROR_FACE } from '../../src/common/http/v1-error.face.js';

/** What the filter wrote: the status, headers and JSON body of one answer. */
interface Answer {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
}

/** The filter's view of one request, as Express would hand it over. */
function hostFor(path: string, answer: Answer): ArgumentsHost {
  const request = { path, method: 'GET', originalUrl: path, id: 'test' };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => {
      answer.headers[name] = value;
    },
    status(status: number) {
      answer.status = status;
      return this;
    },
    json: (body: unknown) => {
      answer.body = body;
    },
  };
  return {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
}

function answerTo(filter: HttpErrorFilter, path: string, error: unknown): Answer {
  const answer: Answer = { headers: {} };
  filter.catch(error, hostFor(path, answer));
  return answer;
}

/** A second face, as /v0 will be: `{code, message}`. */
const CODE_FACE: ErrorFace = {
  render: (error: DomainError) => ({
    status: error.status,
    body: { code: error.status, message: error.message },
  }),
  serverError: () => ({ status: 500, body: { code: 500, message: 'Server error' } }),
};

describe('HttpErrorFilter', () => {
  const filter = new HttpErrorFilter(V1_ERROR_FACE, [{ prefix: '/v0/', face: CODE_FACE }]);

  it('should give a conflict its own status, which /v1 answers as a 400 in DRF words', () => {
    const conflict = new ConflictError('Name taken.');
    expect(conflict.status).toBe(409);
    expect(answerTo(filter, '/v1/teams/create', conflict)).toMatchObject({
      status: 400,
      body: { detail: 'Name taken.' },
    });
    expect(answerTo(filter, '/v0/datasets/team', conflict)).toMatchObject({
      status: 409,
      body: { code: 409, message: 'Name taken.' },
    });
  });

  it('should render paths outside every registered face with the fallback (DRF) shape', () => {
    expect(answerTo(filter, '/health', new NotFoundError())).toMatchObject({
      status: 404,
      body: { detail: 'Not found.' },
    });
    // A prefix is matched as a path prefix, not a string prefix of the first segment.
    expect(answerTo(filter, '/v0x/anything', new NotFoundError())).toMatchObject({
      body: { detail: 'Not found.' },
    });
  });

  it("should answer an unexpected error with the face's generic 500, without internals", () => {
    const secret = new Error('password=hunter2');
    expect(answerTo(filter, '/v0/user', secret)).toEqual({
      status: 500,
      body: { code: 500, message: 'Server error' },
      headers: {},
    });
    expect(answerTo(filter, '/v1/users/1', secret)).toEqual({
      status: 500,
      body: { detail: 'A server error occurred.' },
      headers: {},
    });
  });

  it("should render a body parser's refusal in each face's words with the same status", () => {
    const parseFailure = Object.assign(new SyntaxError('Unexpected token } in JSON'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    expect(answerTo(filter, '/v1/datasets/create', parseFailure)).toMatchObject({
      status: 400,
      body: { detail: 'JSON parse error - Unexpected token } in JSON' },
    });
    expect(answerTo(filter, '/v0/datasets/team', parseFailure)).toMatchObject({
      status: 400,
      body: { code: 400, message: 'Unexpected token } in JSON' },
    });
  });
});
