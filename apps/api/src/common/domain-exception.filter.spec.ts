import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { conflict, refused } from '@app/domain';
import { DomainExceptionFilter } from './domain-exception.filter';

function respond(error: unknown, requestBody?: unknown): { status: number; body: Record<string, unknown> } {
  const result = { status: 0, body: {} as Record<string, unknown> };
  // Fastify's reply and request, as far as the filter uses them.
  const response = {
    raw: { headersSent: false },
    code: (s: number) => ({ send: (b: Record<string, unknown>) => Object.assign(result, { status: s, body: b }) }),
  };
  const request = { raw: { headers: {}, complete: true }, body: requestBody };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  new DomainExceptionFilter().catch(error, host);
  return result;
}

describe('DomainExceptionFilter', () => {
  it('maps domain codes to statuses in Nest error shape, with details', () => {
    expect(respond(conflict('Task is completed'))).toEqual({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Task is completed' } });
    const missing = respond(refused('Incomplete', { missing: ['political'] }));
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ error: 'Unprocessable Entity', missing: ['political'] });
  });

  it('keeps Nest HTTP exceptions', () => {
    expect(respond(new BadRequestException(['code must be a string']))).toMatchObject({ status: 400, body: { message: ['code must be a string'] } });
  });

  it('keeps the 4xx of Fastify’s own refusals, without their message (a syntax error quotes the body)', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(respond(tooLarge)).toMatchObject({ status: 413, body: { error: 'Payload Too Large' } });
    const syntax = Object.assign(new Error('Unexpected token \'u\', "username=a&password=mat-khau-1" is not valid JSON'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(respond(syntax)).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
    expect(JSON.stringify(respond(syntax).body)).not.toContain('mat-khau-1');
    const badUrl = Object.assign(new Error("'/%E0%A4%A' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' });
    expect(respond(badUrl).body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The path is not valid percent-encoding' });
  });

  it('never repeats the value of a secret field of the request', () => {
    const echoed = new BadRequestException(['password mat-khau-bi-mat is not allowed here', 'username must be shorter']);
    const { status, body } = respond(echoed, { username: 'btv.mai', password: 'mat-khau-bi-mat' });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).not.toContain('mat-khau-bi-mat');
    expect(body.message).toEqual([expect.stringMatching(/withheld/), 'username must be shorter']);
  });

  it('answers 503 while the database is restarting or unreachable', () => {
    expect(respond(Object.assign(new Error('the database system is shutting down'), { code: '57P01' })).status).toBe(503);
    expect(respond(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).status).toBe(503);
    expect(respond(new Error('Connection terminated unexpectedly')).status).toBe(503);
  });

  it('answers a duplicate with 409 and a value the database refuses with 400, naming the constraint only', () => {
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "plans_code_key"'), {
      driverError: { code: '23505', constraint: 'plans_code_key' },
    });
    expect(respond(duplicate)).toEqual({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Already exists (plans_code_key)' } });
    const overflow = Object.assign(new Error('value "99999999999" is out of range for type integer'), { code: '22003' });
    expect(respond(overflow)).toMatchObject({ status: 400, body: { error: 'Bad Request', message: 'A number is out of range' } });
    expect(respond(Object.assign(new Error('date/time field value out of range'), { code: '22008' })).status).toBe(400);
  });

  it('cuts short an answer already under way instead of writing a second status', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const destroy = jest.fn();
    const send = jest.fn();
    const reply = { raw: { headersSent: true, destroy }, code: () => ({ send }) };
    new DomainExceptionFilter().answer(new Error('the workbook could not be read'), undefined, reply as never);
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('hides internals of unexpected errors behind a reference', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { status, body } = respond(new Error('relation "secret_table" does not exist'));
    expect(status).toBe(500);
    expect(String(body.message)).not.toContain('secret_table');
    expect(String(body.message)).toMatch(/reference [0-9a-f-]{36}/);
    logged.mockRestore();
  });
});
