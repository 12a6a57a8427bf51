import { useMemo, useState } from 'react';
import type { Role } from '@onewindow/contracts';
import { useSession } from '../../session/hooks/use-session';

/**
 * The departments the signed-in user holds a department-scoped role in (session grants, docs/decisions/0023) —
 * only those where they hold `role`, when given (a lead's 督办: dept_lead) — their own (home) department first,
 * then the others; and the one they work in: their own until they switch (DepartmentSwitcher), or the first of
 * theirs when they hold no such role at home.
 */
export function useMyDepartments(role?: Role) {
  const { session } = useSession();
  const home = session?.user.departmentCode ?? undefined;
  const mine = useMemo(() => {
    const codes = (session?.user.grants ?? []).flatMap((g) =>
      g.departmentCode && (role === undefined || g.role === role) ? [g.departmentCode] : [],
    );
    return [...new Set([...(home && codes.includes(home) ? [home] : []), ...codes.sort()])];
  }, [session, home, role]);
  const [chosen, setChosen] = useState<string>();
  const fallback = home === undefined || mine.length === 0 || mine.includes(home) ? home : mine[0];
  const department = chosen && mine.includes(chosen) ? chosen : fallback;
  return { mine, department, choose: setChosen };
}
