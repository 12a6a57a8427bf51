import { z } from 'zod';
import {
  approveTasksRequestSchema,
  bulkActionResponseSchema,
  copiedCasePageSchema,
  copiedCasesQuerySchema,
  reassignTasksRequestSchema,
  reassignTasksResponseSchema,
  acceptApplicationRequestSchema,
  acceptedCaseResponseSchema,
  putCalendarYearQuerySchema,
  putCalendarYearRequestSchema,
  putCalendarYearResponseSchema,
  caseFileContentTypes,
  caseFileResponseSchema,
  publicCaseStatusSchema,
  publicLookupRequestSchema,
  caseActionRequestSchema,
  caseActionResponseSchema,
  caseVerbs,
  windowCaseVerbs,
  caseDetailsResponseSchema,
  completeDemoCaseRequestSchema,
  demoCaseResponseSchema,
  healthResponseSchema,
  issueResultsRequestSchema,
  issueResultsResponseSchema,
  listTasksQuerySchema,
  taskEventsQuerySchema,
  taskPageSchema,
  caseFileViewSchema,
  listUsersQuerySchema,
  userDirectorySchema,
  flowDetailSchema,
  flowDraftSavedSchema,
  flowListSchema,
  flowPublishedSchema,
  flowVersionDetailSchema,
  flowXmlRequestSchema,
  phraseListSchema,
  phraseListsSchema,
  phraseOrderRequestSchema,
  phraseRequestSchema,
  standardPhraseSchema,
  caseDocumentListSchema,
  windowQueuePageSchema,
  windowQueueQuerySchema,
} from '@onewindow/contracts';

export interface DocumentedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express path under the app root. */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** A raw (non-JSON) request body of one of these types, e.g. an uploaded file. */
  rawBody?: readonly string[];
  /** A 200 answer that is a file of one of these types (not JSON). */
  fileResponse?: readonly string[];
  query?: z.ZodObject;
  idempotencyKey?: 'request' | 'update';
  /** The authorize() action guarding the route (a session cookie is then required). */
  action?: string;
  /** status → schema; problems are listed by status only (they share the problem schema). */
  responses: Record<number, z.ZodType | 'problem'>;
}

/** Routes whose contracts live in @onewindow/contracts; other registered routes are listed from the app itself. */
export const DOCUMENTED_ROUTES: DocumentedRoute[] = [
  {
    method: 'GET',
    path: '/api/health',
    tag: 'system',
    summary: 'Health of the database and Temporal',
    responses: { 200: healthResponseSchema, 503: healthResponseSchema },
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    method: 'POST',
    path: '/api/demo-cases',
    action: 'case.accept',
    tag: 'demo',
    summary: 'Start a demo workflow (proves the Temporal wiring)',
    responses: { 201: demoCaseResponseSchema, 401: 'problem', 403: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/demo-cases/:caseNo/complete',
    action: 'case.accept',
    tag: 'demo',
    summary: 'Complete a demo workflow through its Update',
    body: completeDemoCaseRequestSchema,
    responses: {
      200: demoCaseResponseSchema,
      400: 'problem',
      401: 'problem',
      403: 'problem',
      404: 'problem',
      409: 'problem',
    },
  },
  {
    method: 'POST',
    path: '/api/cases',
    action: 'case.accept',
    tag: 'cases',
    summary: '受理: accept an application for one or more catalogue items and start its case workflow',
    body: acceptApplicationRequestSchema,
    idempotencyKey: 'request',
    responses: {
      201: acceptedCaseResponseSchema,
      200: acceptedCaseResponseSchema,
      400: 'problem',
      422: 'problem',
      503: 'problem',
    },
  },
  {
    method: 'GET',
    path: '/api/cases/copied',
    action: 'signed in (only the cases copied to you)',
    tag: 'cases',
    summary:
      '抄送: the cases copied to the signed-in user, newest first; each may then be read (masked, read-only)',
    query: copiedCasesQuerySchema,
    responses: { 200: copiedCasePageSchema, 400: 'problem', 401: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNo',
    action: 'case.read (or a 抄送 to you: masked, read-only)',
    tag: 'cases',
    summary:
      "The case: the workflow's view (steps, clocks, history), or the database projection when Temporal cannot answer",
    responses: { 200: caseDetailsResponseSchema, 404: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/cases/:caseNo/actions',
    action: `case.decide (${windowCaseVerbs.join(', ')}: case.issue)`,
    tag: 'cases',
    summary: `An approver's action as a workflow Update, the body's verb one of: ${caseVerbs.join(', ')} (退回 send_back, 转办 transfer, 委派 delegate, 加签/减签 add_signers/remove_signers, 抄送 copy_to). 422 when a named person cannot take part (unknown, disabled, another department); 409 with the workflow's reason when the step's state refuses it`,
    body: caseActionRequestSchema,
    idempotencyKey: 'update',
    responses: {
      200: caseActionResponseSchema,
      400: 'problem',
      404: 'problem',
      409: 'problem',
      422: 'problem',
      503: 'problem',
    },
  },
  {
    method: 'POST',
    path: '/api/cases/:caseNo/issue',
    action: 'case.issue',
    tag: 'cases',
    summary: '统一出件: issue every result at the window and complete the case',
    body: issueResultsRequestSchema,
    idempotencyKey: 'update',
    responses: {
      200: issueResultsResponseSchema,
      400: 'problem',
      404: 'problem',
      409: 'problem',
      503: 'problem',
    },
  },
  {
    method: 'PUT',
    path: '/api/cases/:caseNo/materials/:materialCode/file',
    action: 'case.file.upload',
    tag: 'cases',
    summary:
      "Upload the file of one of the case's materials (raw body: PDF, JPEG, PNG or OFD, checked by its first bytes; up to UPLOAD_MAX_BYTES). 201 the first time, 200 when it replaces the earlier file. 400 empty, 404 no such material on the case, 409 case closed, 413 too large, 415 wrong or mismatching type; nothing is stored then",
    rawBody: caseFileContentTypes,
    responses: {
      201: caseFileResponseSchema,
      200: caseFileResponseSchema,
      400: 'problem',
      403: 'problem',
      404: 'problem',
      409: 'problem',
      413: 'problem',
      415: 'problem',
    },
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNo/materials/:materialCode/file',
    action: 'case.file.read (the case views that include materials: the handling window and departments)',
    tag: 'cases',
    summary:
      'Download a material file: its stored type, Content-Disposition: attachment, X-Content-Type-Options: nosniff',
    fileResponse: caseFileContentTypes,
    responses: { 200: z.unknown(), 403: 'problem', 404: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/window/queue',
    action: 'case.issue',
    tag: 'window',
    summary:
      '待出件: cases whose approvals are all done, oldest decision first, with the Art. 44 issuance due date',
    query: windowQueueQuerySchema,
    responses: { 200: windowQueuePageSchema, 400: 'problem', 401: 'problem', 403: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNo/documents',
    action: 'case.read',
    tag: 'documents',
    summary:
      "The case's official documents (受理通知书, 一次性告知书, 送达回证 …) in issue order; the acceptance notice is issued once the workflow has set the due dates",
    responses: { 200: caseDocumentListSchema, 401: 'problem', 403: 'problem', 404: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNo/documents/:documentNo',
    action: 'case.read',
    tag: 'documents',
    summary:
      'One document as an A4 PDF with the Chinese font embedded (Content-Disposition: inline, to view and print)',
    fileResponse: ['application/pdf'],
    responses: { 200: z.unknown(), 401: 'problem', 403: 'problem', 404: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/public/cases/:caseNo/status',
    tag: 'public',
    summary:
      '办件查询: the status of a case for anyone holding its number and the last 4 characters of the identity number it was filed under (x = X). An unknown case and a wrong code get the same 404. Rate limited (PUBLIC_RATE_LIMIT, LOOKUP_FAILURE_LIMIT failures per 15 minutes)',
    body: publicLookupRequestSchema,
    responses: { 200: publicCaseStatusSchema, 400: 'problem', 404: 'problem', 429: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/tasks',
    action: 'task.list',
    tag: 'tasks',
    summary:
      'A department inbox from the Task projection, earliest due date (least remaining time) first and undated (stopped clock) last, paginated. `view`: to_claim (待签收: open tasks offered to your role group in the department, or to a 转办 group naming you, that nobody claimed), mine (open tasks you hold), done (your decided tasks), supplement (待补正), special (特别程序中), department (every open task); filters: caseNo (part), item, arrivedFrom/arrivedTo, dueFrom/dueTo, timeStatus (normal / warning within 3 working days / overdue, by the calendar in force), applicant (part of the name, or the ID number in full or masked as lists show it, 110105********002X), search (free text: part of the case number, the applicant as above, an item name or code); a reversed date range is 400. Each row carries the step name, items, the applicant masked, remaining working days, time status, the step clock (running or suspended with why), reminders and the claim state (unclaimed, or claimed by whom and when). Each task lists its holders; `assignee` finds the tasks a person holds, alone or with others. States: open, done (decided or sent back), cancelled, superseded (转办, 委派, 加签/减签, 签收/退回签收/指派 handed it to the next generation)',
    query: listTasksQuerySchema,
    responses: { 200: taskPageSchema, 400: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/tasks/events',
    action: 'task.list (your department unless `department` names another)',
    tag: 'tasks',
    summary:
      "Server-sent events (text/event-stream) for a department's inbox: `event: tasks` with data `{ departments, at }` whenever what the department's inboxes show changes: a task opened or closed, its due date, holders or claim, a clock event of its open step (database triggers bump a per-department version; one shared poll of those versions every 500 ms while anyone listens). Each `id:` is the department's version after the event (`SFS-SCJG=12`), and the stream opens with the current one (an id-only block), `retry: 2000`, a heartbeat comment every 15 s. A reconnect, also to a restarted API, carrying a Last-Event-ID other than the current version gets one `tasks` event at once (reload: it missed changes)",
    query: taskEventsQuerySchema,
    fileResponse: ['text/event-stream'],
    responses: { 200: z.string(), 400: 'problem', 401: 'problem', 403: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNo/file',
    action: 'case.read',
    tag: 'cases',
    summary:
      "The case file view's items (with catalogue names), materials with their files (null unless the viewer's case view includes materials: the handling window and departments) and every department's progress (each step's newest task: state, outcome, arrival, due and closing dates — never opinions)",
    responses: { 200: caseFileViewSchema, 403: 'problem', 404: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/users',
    action: 'task.list (the department asked for)',
    tag: 'users',
    summary:
      "A department's active users (id, display name, roles) for the approvers' people pickers (转办, 委派, 加签/减签, 抄送)",
    query: listUsersQuerySchema,
    responses: { 200: userDirectorySchema, 400: 'problem', 403: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/tasks/reassign',
    action: 'task.reassign (the department of `from`)',
    tag: 'tasks',
    summary:
      "Bulk 转办 by a lead: every open place of `from` on the department's open steps goes to `to` (same department). People are checked first (422, nothing sent); then one Update per step, each answered ok or refused with the workflow's reason",
    body: reassignTasksRequestSchema,
    idempotencyKey: 'update',
    responses: { 200: reassignTasksResponseSchema, 400: 'problem', 403: 'problem', 422: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/tasks/approve',
    action: 'case.decide (your own open tasks)',
    tag: 'tasks',
    summary:
      'Approve several of your open tasks (1..50). Every task is checked first: one that is not an open task of yours refuses the whole batch (422 naming each, nothing sent); then one Update per case, each answered ok or refused',
    body: approveTasksRequestSchema,
    idempotencyKey: 'update',
    responses: { 200: bulkActionResponseSchema, 400: 'problem', 403: 'problem', 422: 'problem' },
  },
  {
    method: 'PUT',
    path: '/api/calendar/years/:year',
    action: 'calendar.write',
    tag: 'calendar',
    summary:
      "Load a year's holiday notice (a correction of official data needs `replaceOfficial=true`; 409 otherwise, nothing stored). Once stored, every open case gets the merged calendar (refreshCalendar Update, 8 at a time) and its open due dates move; the answer counts them and lists each case that did not take it, with the reason — the year stays stored",
    body: putCalendarYearRequestSchema,
    query: putCalendarYearQuerySchema,
    responses: { 200: putCalendarYearResponseSchema, 400: 'problem', 403: 'problem', 409: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/flows',
    action: 'flow.design',
    tag: 'flows',
    summary:
      'The flows of the process designer: every item or bundle with a draft or a published version, its draft (who, when) and latest version',
    responses: { 200: flowListSchema, 401: 'problem', 403: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/flows/:key',
    action: 'flow.design',
    tag: 'flows',
    summary:
      'One flow: the item or bundle, its draft (BPMN XML), its versions newest first (who published, when, open cases on each) and the lint context publishing uses (catalogue codes, limits, role members)',
    responses: { 200: flowDetailSchema, 400: 'problem', 401: 'problem', 403: 'problem', 404: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/flows/:key/versions/:version',
    action: 'flow.design',
    tag: 'flows',
    summary: 'One published version: its BPMN XML (none for a default plan) and its ServicePlan',
    responses: {
      200: flowVersionDetailSchema,
      400: 'problem',
      401: 'problem',
      403: 'problem',
      404: 'problem',
    },
  },
  {
    method: 'PUT',
    path: '/api/flows/:key/draft',
    action: 'flow.design',
    tag: 'flows',
    summary:
      "Saves the item's or bundle's draft (BPMN XML with ow: attributes), replacing the previous draft; not checked",
    body: flowXmlRequestSchema,
    responses: { 200: flowDraftSavedSchema, 400: 'problem', 401: 'problem', 403: 'problem', 404: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/flows/:key/publish',
    action: 'flow.publish',
    tag: 'flows',
    summary:
      "Publishes a diagram as the next immutable version: lint and compile on the server with the designer's rules; any error refuses with one entry per problem (422, errors[].path = element id) and stores nothing. Acceptance of the item then uses the newest published version; running cases keep theirs",
    body: flowXmlRequestSchema,
    responses: {
      201: flowPublishedSchema,
      400: 'problem',
      401: 'problem',
      403: 'problem',
      404: 'problem',
      409: 'problem',
      422: 'problem',
    },
  },
  {
    method: 'GET',
    path: '/api/phrases',
    action: 'case.decide (your own department)',
    tag: 'phrases',
    summary:
      "常用语 for the pickers beside opinions and reasons: your own phrases and your department's, each in its order, and whether you may keep the department's list",
    responses: { 200: phraseListsSchema, 401: 'problem', 403: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/phrases/mine',
    action: 'case.decide (your own department)',
    tag: 'phrases',
    summary:
      'Add one of your phrases at the end of your list (trimmed, 1..2000 characters; the same text twice is 409 with errors[].code phrase.duplicate; at most 100, 422 phrase.tooMany)',
    body: phraseRequestSchema,
    responses: { 201: standardPhraseSchema, 400: 'problem', 403: 'problem', 409: 'problem', 422: 'problem' },
  },
  {
    method: 'PUT',
    path: '/api/phrases/mine/order',
    action: 'case.decide (your own department)',
    tag: 'phrases',
    summary:
      'Reorder your phrases: `ids` names each of them once (409 phrase.orderMismatch when the list changed meanwhile)',
    body: phraseOrderRequestSchema,
    responses: { 200: phraseListSchema, 400: 'problem', 403: 'problem', 409: 'problem' },
  },
  {
    method: 'PUT',
    path: '/api/phrases/mine/:id',
    action: 'case.decide (your own department)',
    tag: 'phrases',
    summary:
      'Change the text of one of your phrases (it keeps its place; another phrase with that text is 409)',
    body: phraseRequestSchema,
    responses: { 200: standardPhraseSchema, 400: 'problem', 403: 'problem', 404: 'problem', 409: 'problem' },
  },
  {
    method: 'DELETE',
    path: '/api/phrases/mine/:id',
    action: 'case.decide (your own department)',
    tag: 'phrases',
    summary: 'Delete one of your phrases',
    responses: { 204: z.null(), 403: 'problem', 404: 'problem' },
  },
  {
    method: 'GET',
    path: '/api/phrases/departments/:code',
    action: 'phrase.manage (the department in the path)',
    tag: 'phrases',
    summary: "A department's phrases in their order, for its lead or an administrator to keep",
    responses: { 200: phraseListSchema, 403: 'problem' },
  },
  {
    method: 'POST',
    path: '/api/phrases/departments/:code',
    action: 'phrase.manage (the department in the path)',
    tag: 'phrases',
    summary: "Add a phrase to the department's list (the same rules as your own)",
    body: phraseRequestSchema,
    responses: { 201: standardPhraseSchema, 400: 'problem', 403: 'problem', 409: 'problem', 422: 'problem' },
  },
  {
    method: 'PUT',
    path: '/api/phrases/departments/:code/order',
    action: 'phrase.manage (the department in the path)',
    tag: 'phrases',
    summary: "Reorder the department's phrases",
    body: phraseOrderRequestSchema,
    responses: { 200: phraseListSchema, 400: 'problem', 403: 'problem', 409: 'problem' },
  },
  {
    method: 'PUT',
    path: '/api/phrases/departments/:code/:id',
    action: 'phrase.manage (the department in the path)',
    tag: 'phrases',
    summary: 'Change the text of a department phrase',
    body: phraseRequestSchema,
    responses: { 200: standardPhraseSchema, 400: 'problem', 403: 'problem', 404: 'problem', 409: 'problem' },
  },
  {
    method: 'DELETE',
    path: '/api/phrases/departments/:code/:id',
    action: 'phrase.manage (the department in the path)',
    tag: 'phrases',
    summary: 'Delete a department phrase',
    responses: { 204: z.null(), 403: 'problem', 404: 'problem' },
  },
];
