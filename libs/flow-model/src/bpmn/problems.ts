/** One problem of a diagram: which element (its BPMN id), its name when it has one, and why. */
export interface BpmnProblem {
  /** The BPMN element id; `diagram` for the document as a whole (malformed XML, no process). */
  elementId: string;
  elementName?: string;
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
