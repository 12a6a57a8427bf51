import { accessActions, loginRequestSchema, oidcSubjectMappingSchema, roles } from './auth.contract';

describe('auth contracts', () => {
  it('accepts a login and trims the username', () => {
    expect(loginRequestSchema.parse({ username: ' clerk ', password: 'pw' })).toEqual({
      username: 'clerk',
      password: 'pw',
    });
  });

  it.each([
    [{ username: 'clerk', password: 'pw', role: 'admin' }, /Unrecognized key/],
    [{ username: '', password: 'pw' }, /username is required/],
    [{ username: 'a b', password: 'pw' }, /letters, digits/],
    [{ username: 'clerk', password: '' }, /password is required/],
    [{ username: 'clerk', password: 'x'.repeat(257) }, /at most 256/],
    [{ username: 7, password: 'pw' }, /username is required \(text\)/],
  ])('refuses %j', (body, message) => {
    const result = loginRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('; ')).toMatch(message);
  });

  it('allows clearing an OIDC mapping but not unknown fields', () => {
    expect(oidcSubjectMappingSchema.parse({ oidcSubject: null })).toEqual({ oidcSubject: null });
    expect(oidcSubjectMappingSchema.safeParse({ oidcSubject: 'x', userId: 'u' }).success).toBe(false);
  });

  it('names six roles and these actions (a new action is a change to the access policy and its tests)', () => {
    expect(roles).toHaveLength(6);
    expect([...accessActions].sort()).toEqual([
      'audit.export',
      'audit.read',
      'calendar.write',
      'case.accept',
      'case.decide',
      'case.extension.approve',
      'case.file.read',
      'case.file.upload',
      'case.issue',
      'case.read',
      'catalogue.read',
      'catalogue.write',
      'department.manage',
      'flow.design',
      'flow.publish',
      'phrase.manage',
      'public.lookup',
      'supervision.read',
      'task.list',
      'task.reassign',
      'user.manage',
    ]);
  });
});
