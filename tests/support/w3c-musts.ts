// The MUST requirements of the W3C Web Annotation Data Model (Recommendation,
// 23 February 2017) that apply to what Parallax writes, as one checker the
// export tests run over every exported document. It is written from the
// specification, not from our builder, so a builder mistake shows up here.
// Each message names the section it enforces.

const ANNO = "http://www.w3.org/ns/anno.jsonld";
const MOTIVATIONS = new Set([
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
]);
/** xsd:dateTime in UTC expressed with "Z". */
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** An absolute IRI: a scheme, a colon, and no spaces (RFC 3987). */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const many = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const isIri = (value: unknown): value is string => typeof value === "string" && ABSOLUTE_IRI.test(value);
const isNonNegativeInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

export type TextLookup = (cachedVersionIri: string) => string | undefined;

class Checker {
  readonly violations: string[] = [];
  constructor(private readonly textOf?: TextLookup) {}

  fail(path: string, message: string) {
    this.violations.push(`${path}: ${message}`);
  }

  context(path: string, node: Json) {
    const context = node["@context"];
    const values = many(context);
    if (values.length === 0) return this.fail(path, "3.1 an Annotation MUST have 1 or more @context values");
    if (!values.includes(ANNO)) this.fail(path, `3.1 ${ANNO} MUST be one of the @context values`);
    if (values.length === 1 && typeof context !== "string") this.fail(path, "3.1 a single @context value MUST be given as a string");
    if (Object.keys(node)[0] !== "@context") this.fail(path, "@context must be the first key (JSON-LD serialization, 3.1 / appendix)");
  }

  identity(path: string, node: Json, type: string) {
    if (many(node.id).length !== 1 || !isIri(node.id)) this.fail(path, `the ${type} MUST have exactly 1 IRI that identifies it (id)`);
    if (!many(node.type).includes(type)) this.fail(path, `the ${type} MUST have the ${type} type`);
  }

  date(path: string, node: Json, key: string) {
    const values = many(node[key]);
    if (values.length > 1) this.fail(`${path}.${key}`, `3.3.1 there MAY be at most 1 ${key}`);
    for (const value of values) {
      if (typeof value !== "string" || !UTC_DATE_TIME.test(value)) {
        this.fail(`${path}.${key}`, "3.3.1 MUST be an xsd:dateTime with the UTC timezone expressed as Z");
      }
    }
  }

  agent(path: string, agent: unknown) {
    if (typeof agent === "string") return isIri(agent) ? undefined : this.fail(path, "3.3.2 an agent given as a string MUST be an IRI");
    if (!isObject(agent)) return this.fail(path, "3.3.2 an agent MUST be an IRI or an object");
    if (agent.id !== undefined && !isIri(agent.id)) this.fail(path, "3.3.2 an agent's id MUST be an IRI");
    for (const email of many(agent.email)) {
      if (typeof email !== "string" || !email.startsWith("mailto:")) this.fail(path, "3.3.2 email MUST be a mailto: IRI");
    }
    for (const homepage of many(agent.homepage)) if (!isIri(homepage)) this.fail(path, "3.3.2 homepage MUST be an IRI");
  }

  motivations(path: string, values: unknown) {
    for (const value of many(values)) {
      if (typeof value !== "string" || !(MOTIVATIONS.has(value) || isIri(value))) {
        this.fail(path, "3.3.5 a motivation/purpose MUST be an instance of Motivation (a listed one or an IRI)");
      }
    }
  }

  iriOnly(path: string, node: Json, key: string, section: string) {
    for (const value of many(node[key])) if (!isIri(value)) this.fail(`${path}.${key}`, `${section} ${key} MUST be an IRI`);
  }

  body(path: string, body: unknown) {
    if (typeof body === "string") return isIri(body) ? undefined : this.fail(path, "3.2 a body given as a string MUST be an IRI");
    if (!isObject(body)) return this.fail(path, "3.2 a body MUST be an IRI or an object");
    const types = many(body.type);
    if (types.includes("TextualBody")) {
      const values = many(body.value);
      if (values.length !== 1 || typeof values[0] !== "string") this.fail(path, "3.2.4 a TextualBody MUST have exactly 1 value (a string)");
    } else if (types.includes("SpecificResource")) {
      this.specificResource(path, body);
    } else if (!isIri(body.id)) {
      this.fail(path, "3.2.1 an external web resource MUST have exactly 1 IRI (id)");
    }
    this.motivations(`${path}.purpose`, body.purpose);
    this.date(path, body, "created");
    this.date(path, body, "modified");
    for (const creator of many(body.creator)) this.agent(`${path}.creator`, creator);
    this.iriOnly(path, body, "rights", "3.3.6");
  }

  specificResource(path: string, resource: Json) {
    const sources = many(resource.source);
    if (sources.length !== 1) this.fail(path, "4 a SpecificResource MUST have exactly 1 source");
    for (const source of sources) {
      if (!(isIri(source) || (isObject(source) && isIri(source.id))))
        this.fail(`${path}.source`, "4 the source MUST be an IRI or an object with one");
    }
    if (resource.id !== undefined && !isIri(resource.id)) this.fail(path, "4 a SpecificResource's id MUST be an IRI");
    for (const state of many(resource.state)) this.state(`${path}.state`, state);
    const selectors = many(resource.selector);
    selectors.forEach((selector, i) => this.selector(`${path}.selector.${i}`, selector, resource));
  }

  state(path: string, state: unknown) {
    if (typeof state === "string") return isIri(state) ? undefined : this.fail(path, "4.3 a state given as a string MUST be an IRI");
    if (!isObject(state) || many(state.type).length === 0) return this.fail(path, "4.3 a State MUST be an object with its class (type)");
    if (many(state.type).includes("TimeState")) {
      for (const cached of many(state.cached)) if (!isIri(cached)) this.fail(path, "4.3.1 cached MUST be an IRI");
      this.date(path, state, "sourceDate");
      const values = many(state.sourceDate);
      if (values.length > 0 && (state.sourceDateStart !== undefined || state.sourceDateEnd !== undefined)) {
        this.fail(path, "4.3.1 sourceDate MUST NOT be given together with sourceDateStart/sourceDateEnd");
      }
      if (values.length === 0 && (state.sourceDateStart === undefined || state.sourceDateEnd === undefined)) {
        this.fail(path, "4.3.1 a TimeState MUST have sourceDate, or both sourceDateStart and sourceDateEnd");
      }
    }
  }

  selector(path: string, selector: unknown, resource: Json) {
    if (typeof selector === "string")
      return isIri(selector) ? undefined : this.fail(path, "4.2 a selector given as a string MUST be an IRI");
    if (!isObject(selector)) return this.fail(path, "4.2 a selector MUST be an IRI or an object");
    const types = many(selector.type);
    if (types.length === 0) return this.fail(path, "4.2 a Selector MUST have its class (type)");
    if (types.includes("TextQuoteSelector")) {
      if (many(selector.exact).length !== 1 || typeof selector.exact !== "string")
        this.fail(path, "4.2.4 a TextQuoteSelector MUST have exactly 1 exact");
      for (const key of ["prefix", "suffix"]) {
        if (selector[key] !== undefined && typeof selector[key] !== "string") this.fail(path, `4.2.4 ${key} MUST be a single string`);
      }
    }
    if (types.includes("TextPositionSelector")) {
      if (!isNonNegativeInteger(selector.start)) this.fail(path, "4.2.5 start MUST be exactly 1 non-negative integer");
      if (!isNonNegativeInteger(selector.end)) this.fail(path, "4.2.5 end MUST be exactly 1 non-negative integer");
      this.codePoints(path, selector, resource);
    }
    if (types.includes("RangeSelector")) {
      if (many(selector.startSelector).length !== 1 || many(selector.endSelector).length !== 1) {
        this.fail(path, "4.2.9 a RangeSelector MUST have exactly 1 startSelector and 1 endSelector");
      }
    }
  }

  /** 4.2.5: positions count Unicode code points of the text the selector describes; checked against the quote when the text is known. */
  codePoints(path: string, position: Json, resource: Json) {
    const cached = many(resource.state).find(isObject)?.cached;
    const text = typeof cached === "string" ? this.textOf?.(cached) : undefined;
    if (text === undefined) return;
    const quote = many(resource.selector).find((s): s is Json => isObject(s) && many(s.type).includes("TextQuoteSelector"));
    const selected = Array.from(text)
      .slice(position.start as number, position.end as number)
      .join("");
    if (quote && selected !== quote.exact) this.fail(path, "4.2.5 start/end MUST count Unicode code points: they do not select the quote");
  }

  annotation(path: string, node: Json, isEmbedded: boolean) {
    if (!isEmbedded) this.context(path, node);
    this.identity(path, node, "Annotation");
    const targets = many(node.target);
    if (targets.length === 0) this.fail(path, "3.1 there MUST be 1 or more target relationships");
    targets.forEach((target, i) => {
      const at = `${path}.target.${i}`;
      if (typeof target === "string") return isIri(target) ? undefined : this.fail(at, "3.2 a target given as a string MUST be an IRI");
      if (!isObject(target)) return this.fail(at, "3.2 a target MUST be an IRI or an object");
      if (many(target.type).includes("SpecificResource")) this.specificResource(at, target);
      else if (!isIri(target.id)) this.fail(at, "3.2.1 an external web resource MUST have exactly 1 IRI (id)");
    });
    if (node.bodyValue !== undefined) {
      if (node.body !== undefined) this.fail(path, "3.2.5 bodyValue MUST NOT be used together with body");
      if (typeof node.bodyValue !== "string") this.fail(path, "3.2.5 bodyValue MUST be a single string");
    }
    many(node.body).forEach((body, i) => this.body(`${path}.body.${i}`, body));
    for (const key of ["created", "modified", "generated"]) this.date(path, node, key);
    for (const creator of many(node.creator)) this.agent(`${path}.creator`, creator);
    for (const generator of many(node.generator)) this.agent(`${path}.generator`, generator);
    this.motivations(`${path}.motivation`, node.motivation);
    this.iriOnly(path, node, "rights", "3.3.6");
    this.iriOnly(path, node, "canonical", "3.3.7");
    this.iriOnly(path, node, "via", "3.3.7");
  }

  page(path: string, node: Json, isEmbedded: boolean) {
    if (!isEmbedded) this.context(path, node);
    this.identity(path, node, "AnnotationPage");
    if (!Array.isArray(node.items)) return this.fail(path, "5.2 an AnnotationPage MUST have exactly 1 items list");
    node.items.forEach((item, i) => {
      if (isObject(item)) this.annotation(`${path}.items.${i}`, item, true);
      else if (!isIri(item)) this.fail(`${path}.items.${i}`, "5.2 items MUST be Annotations (objects or IRIs)");
    });
    for (const key of ["next", "prev"]) this.iriOnly(path, node, key, "5.2");
    if (node.startIndex !== undefined && !isNonNegativeInteger(node.startIndex))
      this.fail(path, "5.2 startIndex MUST be a non-negative integer");
    if (node.partOf !== undefined && !(isIri(node.partOf) || (isObject(node.partOf) && isIri(node.partOf.id)))) {
      this.fail(path, "5.2 partOf MUST be the collection's IRI or an object with it");
    }
  }

  collection(path: string, node: Json) {
    this.context(path, node);
    this.identity(path, node, "AnnotationCollection");
    if (node.total !== undefined && !isNonNegativeInteger(node.total)) this.fail(path, "5.1 total MUST be a non-negative integer");
    if (isObject(node.first)) this.page(`${path}.first`, node.first, true);
    else if (node.first !== undefined && !isIri(node.first)) this.fail(path, "5.1 first MUST be a page IRI or an embedded page");
    this.iriOnly(path, node, "last", "5.1");
  }
}

/** Every MUST violation in an exported Annotation, AnnotationPage or AnnotationCollection (empty when it conforms). */
export function findW3cViolations(document: unknown, textOf?: TextLookup): string[] {
  const checker = new Checker(textOf);
  if (!isObject(document)) return ["document: MUST be a JSON object"];
  const types = many(document.type);
  if (types.includes("AnnotationCollection")) checker.collection("collection", document);
  else if (types.includes("AnnotationPage")) checker.page("page", document, false);
  else checker.annotation("annotation", document, false);
  return checker.violations;
}
