/**
 * Every problem code the parser, the compiler and the lint rules can report. A code is stable: the designer
 * translates it (with the problem's `params`) into the user's language, while `message` stays English for
 * the CLI and the logs. Add a code here before reporting it (and its texts to the web app's `designer`
 * i18n block: a web test checks every code of this list has a Chinese and an English text).
 */
export const PROBLEM_CODES = [
  // The XML (parseBpmn).
  'parse.empty',
  'parse.tooLarge',
  'parse.notXml',
  'parse.duplicateId',
  'parse.unsupportedXml',
  'parse.unresolvedReference',
  'parse.other',
  'parse.noDefinitions',
  // The diagram as a whole and its process.
  'diagram.noProcess',
  'diagram.secondProcess',
  'diagram.pools',
  'diagram.messageFlow',
  'diagram.badVersion',
  'diagram.badRefusalPolicy',
  'diagram.badJointHandling',
  'diagram.badOnBranchReturn',
  // Elements and attributes OneWindow does not take.
  'element.unsupported',
  'element.loop',
  'element.owAttributeMisplaced',
  'element.foreignAttribute',
  'element.extensionElements',
  'event.startKind',
  'event.endKind',
  'event.catchKind',
  'timer.dateOrCycle',
  'timer.duration',
  'timer.dayKind',
  'subprocess.event',
  'subprocess.itemMissing',
  'automatic.taskMissing',
  'automatic.inputNotObject',
  'automatic.inputNotJson',
  'userTask.unknownStep',
  // Department steps (部门审批环节) and issuance.
  'department.departmentMissing',
  'department.limitMissing',
  'department.limitInvalid',
  'department.assigneesEmpty',
  'department.assigneesDuplicate',
  'department.noRoleMembers',
  'department.unknownActions',
  'department.actionsEmpty',
  'department.approveRefuseRequired',
  'department.certificateNameMissing',
  'department.resultNameWithoutCertificate',
  'issue.limitInvalid',
  'issue.count',
  'issue.inSubflow',
  'issue.bypassed',
  // Countersign (会签).
  'countersign.atLeastInvalid',
  'countersign.unknown',
  'countersign.atLeastAssignees',
  'countersign.singleAssignees',
  'countersign.sequentialAssignees',
  // Flows, gateways and conditions.
  'flow.endsMissing',
  'flow.crossesSubprocess',
  'flow.conditionLanguage',
  'flow.conditionEmpty',
  'flow.conditionNotAllowed',
  'flow.loopOnItself',
  'flow.cycle',
  'gateway.defaultElsewhere',
  'gateway.mergeAndSplit',
  'gateway.divergingIncoming',
  'gateway.noDefault',
  'gateway.defaultHasCondition',
  'gateway.noCondition',
  'gateway.severalDefaults',
  'gateway.noOutgoing',
  'gateway.joinWithoutFork',
  'gateway.kindMismatch',
  'gateway.notMerged',
  'feel.syntax',
  // Structure: start, end, reachability.
  'structure.startCount',
  'structure.endCount',
  'structure.endMissing',
  'structure.unreachable',
  'structure.deadEnd',
  'structure.mergeWithoutJoin',
  'structure.outgoingCount',
  'structure.other',
  // The catalogue.
  'catalogue.department',
  'catalogue.item',
  'catalogue.laneDepartment',
  // Time limits (the critical path against 承诺时限 / 法定时限).
  'criticalPath.promised',
  'criticalPath.statutory',
  // A lint rule that threw (a bug of the rule, not of the diagram).
  'lint.ruleFailed',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Values a problem's text is filled with (element ids, codes, numbers). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** One problem of a diagram: which element (its BPMN id), its name when it has one, and why. */
export interface BpmnProblem {
  /** The BPMN element id; `diagram` for the document as a whole (malformed XML, no process). */
  elementId: string;
  elementName?: string;
  /** What is wrong, as a stable code for translations (see `PROBLEM_CODES`). */
  code: ProblemCode;
  /** The values of the code's text; absent when the text needs none. */
  params?: ProblemParams;
  /** The same in English, for the CLI and the logs. */
  message: string;
}

/** A problem as `lintAndCompile` reports it: the rule that found it and how bad it is. */
export interface LintProblem extends BpmnProblem {
  severity: 'error' | 'warning';
  /** `onewindow/<rule>` for a lint rule; `parse` for the XML; `compile` for the compiler and `validatePlan`. */
  rule: string;
}

/** The element id used for problems of the document as a whole. */
export const DIAGRAM = 'diagram';
