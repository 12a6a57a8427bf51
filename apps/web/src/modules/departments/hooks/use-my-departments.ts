import { useMemo, useState } from 'react';
import type { Role } from '@onewindow/contracts';
import { useSession } from '../../session/hooks/use-session';

/**
 * The departments the signed-in user holds one of `roles` in (session grants, docs/decisions/0023): the approvals
 * inbox asks for the roles that work it, a lead's 督办 for dept_lead. Their own (home) department first, then the
 * others; and the one they work in: their own until they switch (DepartmentSwitcher), or the first of theirs when
 * they hold none of those roles at home.
 */
export function useMyDepartments(roles: readonly Role[]) {
  const { session } = useSession();
  const home = session?.user.departmentCode ?? undefined;
  const wanted = roles.join(',');
  const mine = useMemo(() => {
    const codes = (session?.user.grants ?? []).flatMap((g) =>
      g.departmentCode && wanted.split(',').includes(g.role) ? [g.departmentCode] : [],
    );
    return [...new Set([...(home && codes.includes(home) ? [home] : []), ...codes.sort()])];
  }, [session, home, wanted]);
  const [chosen, setChosen] = useState<string>();
  const fallback = home === undefined || mine.length === 0 || mine.includes(home) ? home : mine[0];
  const department = chosen && mine.includes(chosen) ? chosen : fallback;
  return { mine, department, choose: setChosen };
}
