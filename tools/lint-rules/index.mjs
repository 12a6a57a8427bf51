// The local ESLint plugin `onewindow`, loaded by eslint.config.mjs; each rule has a RuleTester spec beside it.
// Not in tools/eslint-rules: @nx/eslint-plugin loads that folder itself as TypeScript "workspace rules".
import noIssueCitations from './no-issue-citations.mjs';
import noPrismaInRouters from './no-prisma-in-routers.mjs';
import requireRouteAuthorization from './require-route-authorization.mjs';

export default {
  meta: { name: 'onewindow' },
  rules: {
    'no-issue-citations': noIssueCitations,
    'no-prisma-in-routers': noPrismaInRouters,
    'require-route-authorization': requireRouteAuthorization,
  },
};
