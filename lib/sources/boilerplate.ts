/**
 * Site boilerplate that scrapes carry along: navigation, channel invitations,
 * comment policies, "Read also" teasers, newsletter and cookie prompts.
 *
 * Each rule matches a WHOLE normalized line, case-insensitively, and only
 * lines up to `maxLength` characters, so an article sentence that merely
 * mentions these words ("Readers were told to read also the annex…")
 * survives. Add a rule here rather than widening an existing pattern.
 *
 * The patterns run on RE2 (re2js), all at once as one set: matching is linear
 * in the line's length whatever the pattern, so a rule can never be the
 * reason an import hangs. RE2 syntax is JavaScript's minus lookaround and
 * backreferences.
 */
import { RE2JS, RE2Set } from "re2js";

export type BoilerplateRule = {
  id: string;
  /** Why the line is boilerplate; shown next to removed lines. */
  description: string;
  /** RE2 syntax, matched against the whole line (implicitly ^…$), case-insensitive. */
  pattern: string;
  maxLength: number;
  /** The rule often introduces a link on the next line (see bare-URL handling). */
  introducesLink?: boolean;
};

/** Networks named by share and follow buttons. */
const NETWORKS =
  "facebook|twitter|x|linkedin|whatsapp|telegram|reddit|e-?mail|pinterest|messenger|bluesky|threads|flipboard|instagram|youtube|tiktok";

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: "skip-link",
    description: "Accessibility skip link from the site navigation",
    pattern: String.raw`skip to (?:the )?(?:main )?(?:content|navigation|search)`,
    maxLength: 40,
  },
  {
    id: "channel-invitation",
    description: "Invitation to follow the outlet on a messaging app",
    pattern: String.raw`(?:follow|join|subscribe to)\b.{0,100}\b(?:whatsapp|telegram|signal|viber)\b(?: (?:channel|group|here|now))?\s*[:.!]?`,
    maxLength: 160,
    introducesLink: true,
  },
  {
    id: "comment-policy",
    description: "Comment-section policy of the site",
    pattern: String.raw`(?:the )?comments? (?:posted|published) (?:here|below) (?:are|is) not (?:from|by|the views of)\b.*`,
    maxLength: 300,
  },
  {
    id: "comment-etiquette",
    description: "Comment-section etiquette request",
    pattern: String.raw`(?:kindly|please) refrain from\b.*\bcomments?\b.*`,
    maxLength: 200,
  },
  {
    id: "read-also",
    description: "Teaser for other articles of the site",
    pattern: String.raw`(?:(?:read|see) (?:also|more)|also read|more on this|related reading)(?:\s*:.*|\s*[.…]*)`,
    maxLength: 200,
    introducesLink: true,
  },
  {
    id: "section-label",
    description: "Label of a site widget (latest, related, trending, sharing)",
    pattern: String.raw`(?:latest|latest (?:news|stories|articles|posts)|related|related (?:news|stories|articles|posts|content)|more stories|trending(?: now)?|most (?:read|popular)|popular|recommended(?: for you)?|you may also like|share|share (?:this|this (?:article|story|post|page))|share on (?:facebook|twitter|x|linkedin|whatsapp)|print|email|comments?|leave a (?:comment|reply)|tags?:?)`,
    maxLength: 40,
  },
  {
    id: "advertisement",
    description: "Advertisement placeholder",
    pattern: String.raw`(?:advertisements?|sponsored(?: content)?|ad|continue reading below|story continues below(?: advertisement)?)`,
    maxLength: 40,
  },
  {
    id: "newsletter",
    description: "Newsletter or subscription prompt",
    // A bare "Subscribe now", or a sign-up line that names what you sign up for.
    // ("Sign up for military service rose sharply today" is a sentence, not a prompt.)
    pattern: String.raw`(?:subscribe|sign up|sign-up|get our newsletter|join our newsletter)(?:\s+(?:now|today|here|for free))?\s*[.!:]?|(?:subscribe|sign up|sign-up|get our newsletter|join our newsletter)\b.{0,100}\b(?:newsletters?|inbox|alerts?|e-?mail updates)\b.*`,
    maxLength: 140,
  },
  {
    id: "cookie-banner",
    description: "Cookie consent banner",
    pattern: String.raw`(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to use|using) this (?:web)?site,? you (?:agree|consent))\b.*|(?:accept|accept all|accept (?:all )?cookies|reject all|reject (?:all )?cookies|decline|manage cookies|cookie (?:settings|preferences|policy))`,
    maxLength: 400,
  },
  {
    id: "share-prompt",
    description: "Button inviting readers to share the article",
    pattern: String.raw`(?:click (?:here )?to )?share(?: this(?: (?:article|story|post|page|link|video))?| the (?:article|story|post))? (?:on|via|with|to|by) (?:${NETWORKS})(?:(?:,| and| or| &|/) ?(?:${NETWORKS}))*(?: \(opens in (?:a )?new window\))?\s*[.!:]?|(?:print|e-?mail) this (?:article|story|page)|copy (?:the )?link`,
    maxLength: 120,
  },
  {
    id: "social-follow",
    description: "Invitation to follow the outlet on social media",
    pattern: String.raw`follow (?:us|[\w.&' -]{1,40}) (?:on|at) (?:${NETWORKS})(?:(?:,| and| or| &|/) ?(?:${NETWORKS}))*\s*[.!:]?`,
    maxLength: 120,
    introducesLink: true,
  },
  {
    id: "comment-policy-heading",
    description: "Comment policy of the site",
    // "Comment policy: …" as a heading or a one-line notice; a sentence about a policy has no colon after it.
    pattern: String.raw`(?:our |read our )?comments? (?:policy|guidelines|rules|moderation policy)(?:\s*:.*|\s*[.]?)`,
    maxLength: 400,
  },
  {
    id: "reading-aid",
    description: "Reading-time or audio widget",
    pattern: String.raw`(?:listen to (?:this|the) (?:article|story)(?: \(?\d{1,3} min(?:ute)?s?\)?)?|(?:estimated )?reading time:? \d{1,3} min(?:ute)?s?|\d{1,3} min(?:ute)? read)`,
    maxLength: 60,
  },
];

const longestRule = Math.max(...BOILERPLATE_RULES.map((rule) => rule.maxLength));

let ruleSet: RE2Set | undefined;

/** All rules compiled into one automaton, on first use. */
function compiledRules(): RE2Set {
  if (ruleSet) return ruleSet;
  const set = new RE2Set(RE2Set.ANCHOR_BOTH, RE2JS.CASE_INSENSITIVE);
  for (const rule of BOILERPLATE_RULES) set.add(rule.pattern);
  set.compile();
  ruleSet = set;
  return set;
}

/** The first rule the (already normalized) line matches, if any. */
export function matchBoilerplate(line: string): BoilerplateRule | undefined {
  if (line === "" || line.length > longestRule) return undefined;
  let first: BoilerplateRule | undefined;
  for (const index of compiledRules().match(line)) {
    const rule = BOILERPLATE_RULES[index]!;
    if (line.length <= rule.maxLength && (!first || index < BOILERPLATE_RULES.indexOf(first))) first = rule;
  }
  return first;
}

/** A line that is nothing but a URL (after normalization). Linear: one anchored run of non-spaces. */
export function isBareUrl(line: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(line);
}
