import { BpmnModdle } from 'bpmn-moddle';
import owDescriptor from './ow.json';
import type { ModdleElement } from './moddle-types';
import { DIAGRAM, type BpmnProblem } from './problems';

/** The OneWindow extension of BPMN: namespace URI and prefix are an interchange contract between centres. */
export const OW_NAMESPACE = 'urn:onewindow:bpmn:1';
export const OW_PREFIX = 'ow';
/** The moddle descriptor of the `ow:` attributes; the browser Modeler takes the same file (`moddleExtensions: { ow }`). */
export { owDescriptor };

/** Documents above this size are refused before parsing (a 5 MB file parses; this bounds memory and time). */
export const MAX_BPMN_BYTES = 10 * 1024 * 1024;

export const createModdle = (): BpmnModdle => new BpmnModdle({ ow: owDescriptor });

export interface ParsedDiagram {
  definitions?: ModdleElement;
  /** Problems of the XML itself: malformed, duplicate ids, unknown elements, broken references, unknown `ow:` attributes. */
  problems: BpmnProblem[];
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, '; ').trim();

/** The id attribute of the element that starts on `line` (0-based, as moddle counts), when there is one. */
function idOnLine(xml: string, line: number, tag: string | undefined): string | undefined {
  let start = 0;
  for (let i = 0; i < line; i++) {
    start = xml.indexOf('\n', start);
    if (start < 0) return undefined;
    start += 1;
  }
  const end = xml.indexOf('\n', start);
  const text = xml.slice(start, end < 0 ? undefined : end);
  const from = tag ? text.indexOf(`<${tag}`) : 0;
  return /\sid\s*=\s*["']([^"']+)["']/.exec(text.slice(Math.max(0, from)))?.[1];
}

/** Parses BPMN XML; never throws. Anything moddle had to drop is a problem, so nothing is lost silently. */
export async function parseBpmn(xml: string, moddle = createModdle()): Promise<ParsedDiagram> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return {
      problems: [{ elementId: DIAGRAM, code: 'parse.empty', message: 'the diagram is empty: no BPMN XML' }],
    };
  }
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes > MAX_BPMN_BYTES) {
    return {
      problems: [
        {
          elementId: DIAGRAM,
          code: 'parse.tooLarge',
          params: { mb: (bytes / 1048576).toFixed(1), maxMb: MAX_BPMN_BYTES / 1048576 },
          message: `the file has ${(bytes / 1048576).toFixed(1)} MB; diagrams are limited to ${MAX_BPMN_BYTES / 1048576} MB`,
        },
      ],
    };
  }
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    return {
      problems: [
        {
          elementId: DIAGRAM,
          code: 'parse.notXml',
          params: { detail: oneLine((e as Error).message) },
          message: `not a BPMN 2.0 XML document: ${oneLine((e as Error).message)}`,
        },
      ],
    };
  }
  const problems: BpmnProblem[] = [];
  for (const w of result.warnings) {
    const element = w.element as ModdleElement | undefined;
    const duplicate = /duplicate ID <([^>]+)>/.exec(w.message);
    const unparsable = /unparsable content <([^>]+)> detected/.exec(w.message);
    const line = /line: (\d+)/.exec(w.message);
    const nested = /nested error: (.*)$/m.exec(w.message)?.[1];
    if (duplicate) {
      problems.push({
        elementId: duplicate[1],
        code: 'parse.duplicateId',
        params: { id: duplicate[1], line: line ? Number(line[1]) + 1 : '?' },
        message: `duplicate id "${duplicate[1]}": a second <${unparsable?.[1] ?? 'element'}> uses it${line ? ` (line ${Number(line[1]) + 1})` : ''}; ids must be unique`,
      });
    } else if (unparsable) {
      const id = line ? idOnLine(xml, Number(line[1]), unparsable[1]) : undefined;
      problems.push({
        elementId: id ?? DIAGRAM,
        code: 'parse.unsupportedXml',
        params: { element: unparsable[1], line: line ? Number(line[1]) + 1 : '?' },
        message: `<${unparsable[1]}>${line ? ` (line ${Number(line[1]) + 1})` : ''} is not supported: ${nested ?? oneLine(w.message)}`,
      });
    } else if (/^unresolved reference <([^>]+)>/.test(w.message) && element) {
      problems.push({
        elementId: element.id ?? DIAGRAM,
        ...(element.name ? { elementName: element.name } : {}),
        code: 'parse.unresolvedReference',
        params: { property: w.property ?? '', value: String(w.value) },
        message: `${w.property ?? 'a reference'} points to "${String(w.value)}", which is not an element of the diagram`,
      });
    } else if (/^unknown attribute <([^>]+)>/.test(w.message) && element) {
      // Reported by the compiler's attribute check (the attribute is kept in $attrs), with the element's type.
    } else {
      problems.push({
        elementId: element?.id ?? DIAGRAM,
        code: 'parse.other',
        params: { detail: oneLine(w.message) },
        message: oneLine(w.message),
      });
    }
  }
  const definitions = result.rootElement as ModdleElement | undefined;
  if (!definitions || definitions.$type !== 'bpmn:Definitions') {
    problems.push({
      elementId: DIAGRAM,
      code: 'parse.noDefinitions',
      message: 'the document has no <bpmn:definitions> root',
    });
    return { problems };
  }
  return { definitions, problems };
}
