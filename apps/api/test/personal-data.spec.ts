import { Writable } from 'node:stream';
import { maskDeep, maskPersonalData, maskPhone, maskResidentId, maskUscc } from '@onewindow/audit';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createLogger, httpLogger } from '../src/http/logger';

describe('masking personal data', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002x'],
    ['110105491231002', '110105******002'],
    ['abc', '****'],
  ])('resident ID %s → %s', (id, masked) => expect(maskResidentId(id)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['0531-88888888', '*********8888'],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('masks the middle of a unified social credit code', () => {
    expect(maskUscc('91350100M000100Y43')).toBe('91350100********43');
  });

  it('finds and masks every identifier in free text, leaving other numbers alone', () => {
    const text =
      '申请人 11010519491231002X，电话13812345678，企业 91350100M000100Y43，受理号 2026112200001，金额 100';
    expect(maskPersonalData(text)).toBe(
      '申请人 110105********002X，电话138****5678，企业 91350100********43，受理号 2026112200001，金额 100',
    );
  });

  it('masks strings inside plain objects and arrays', () => {
    expect(maskDeep({ a: ['13812345678'], b: { c: 'id 11010519491231002X' }, n: 5 })).toEqual({
      a: ['138****5678'],
      b: { c: 'id 110105********002X' },
      n: 5,
    });
  });

  it('keeps identifiers out of the logs: messages, fields and errors', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const testLogger = createLogger('info', sink);
    testLogger.info(
      { applicant: { idNumber: '11010519491231002X', phone: '13812345678' } },
      'accepted case for 11010519491231002X',
    );
    testLogger.error({ err: new Error('duplicate applicant 11010519491231002X') }, 'failed');
    const out = lines.join('');
    expect(out).not.toMatch(/11010519491231002X|13812345678/);
    expect(out).toMatch(/110105\*{8}002X/);
    expect(out).toMatch(/138\*{4}5678/);
  });

  it('masks identifiers in request log lines (URLs)', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = express();
    app.use(httpLogger(createLogger('info', sink)));
    app.get('/lookup', (_req, res) => res.json({}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/lookup?idNumber=11010519491231002X&phone=13812345678`,
      );
    } finally {
      server.close();
    }
    const out = lines.join('');
    expect(out).toMatch(/idNumber=110105\*{8}002X&phone=138\*{4}5678/);
    expect(out).not.toMatch(/11010519491231002X|13812345678/);
  });
});
