import { passwordRuleSchema } from '@onewindow/contracts';

/** An antd rule checking a new password against the API's rule (the same schema, the same message). */
export const passwordRule = {
  validator: (_rule: unknown, value?: string) => {
    const parsed = passwordRuleSchema.safeParse(value ?? '');
    return parsed.success ? Promise.resolve() : Promise.reject(new Error(parsed.error.issues[0].message));
  },
};
