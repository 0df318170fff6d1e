/**
 * Site boilerplate that scrapes carry along: navigation, channel invitations,
 * comment policies, "Read also" teasers, newsletter and cookie prompts.
 *
 * Each rule matches a WHOLE normalized line, case-insensitively, and only
 * lines up to `maxLength` characters, so an article sentence that merely
 * mentions these words ("Readers were told to read also the annex…")
 * survives. Add a rule here rather than widening an existing pattern.
 */

export type BoilerplateRule = {
  id: string;
  /** Why the line is boilerplate; shown next to removed lines. */
  description: string;
  /** Anchored (^…$), case-insensitive. */
  pattern: RegExp;
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
    pattern: /^skip to (?:the )?(?:main )?(?:content|navigation|search)$/i,
    maxLength: 40,
  },
  {
    id: "channel-invitation",
    description: "Invitation to follow the outlet on a messaging app",
    pattern: /^(?:follow|join|subscribe to)\b.{0,100}\b(?:whatsapp|telegram|signal|viber)\b(?: (?:channel|group|here|now))?\s*[:.!]?$/i,
    maxLength: 160,
    introducesLink: true,
  },
  {
    id: "comment-policy",
    description: "Comment-section policy of the site",
    pattern: /^(?:the )?comments? (?:posted|published) (?:here|below) (?:are|is) not (?:from|by|the views of)\b.*$/i,
    maxLength: 300,
  },
  {
    id: "comment-etiquette",
    description: "Comment-section etiquette request",
    pattern: /^(?:kindly|please) refrain from\b.*\bcomments?\b.*$/i,
    maxLength: 200,
  },
  {
    id: "read-also",
    description: "Teaser for other articles of the site",
    pattern: /^(?:(?:read|see) (?:also|more)|also read|more on this|related reading)(?:\s*:.*|\s*[.…]*)$/i,
    maxLength: 200,
    introducesLink: true,
  },
  {
    id: "section-label",
    description: "Label of a site widget (latest, related, trending, sharing)",
    pattern:
      /^(?:latest|latest (?:news|stories|articles|posts)|related|related (?:news|stories|articles|posts|content)|more stories|trending(?: now)?|most (?:read|popular)|popular|recommended(?: for you)?|you may also like|share|share (?:this|this (?:article|story|post|page))|share on (?:facebook|twitter|x|linkedin|whatsapp)|print|email|comments?|leave a (?:comment|reply)|tags?:?)$/i,
    maxLength: 40,
  },
  {
    id: "advertisement",
    description: "Advertisement placeholder",
    pattern: /^(?:advertisements?|sponsored(?: content)?|ad|continue reading below|story continues below(?: advertisement)?)$/i,
    maxLength: 40,
  },
  {
    id: "newsletter",
    description: "Newsletter or subscription prompt",
    // A bare "Subscribe now", or a sign-up line that names what you sign up for.
    // ("Sign up for military service rose sharply today" is a sentence, not a prompt.)
    pattern:
      /^(?:subscribe|sign up|sign-up|get our newsletter|join our newsletter)(?:\s+(?:now|today|here|for free))?\s*[.!:]?$|^(?:subscribe|sign up|sign-up|get our newsletter|join our newsletter)\b.{0,100}\b(?:newsletters?|inbox|alerts?|e-?mail updates)\b.*$/i,
    maxLength: 140,
  },
  {
    id: "cookie-banner",
    description: "Cookie consent banner",
    pattern:
      /^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to use|using) this (?:web)?site,? you (?:agree|consent))\b.*$|^(?:accept|accept all|accept (?:all )?cookies|reject all|reject (?:all )?cookies|decline|manage cookies|cookie (?:settings|preferences|policy))$/i,
    maxLength: 400,
  },
  {
    id: "share-prompt",
    description: "Button inviting readers to share the article",
    pattern: new RegExp(
      `^(?:click (?:here )?to )?share(?: this(?: (?:article|story|post|page|link|video))?| the (?:article|story|post))? (?:on|via|with|to|by) (?:${NETWORKS})(?:(?:,| and| or| &|/) ?(?:${NETWORKS}))*(?: \\(opens in (?:a )?new window\\))?\\s*[.!:]?$|^(?:print|e-?mail) this (?:article|story|page)$|^copy (?:the )?link$`,
      "i",
    ),
    maxLength: 120,
  },
  {
    id: "social-follow",
    description: "Invitation to follow the outlet on social media",
    pattern: new RegExp(
      `^follow (?:us|[\\w.&' -]{1,40}) (?:on|at) (?:${NETWORKS})(?:(?:,| and| or| &|/) ?(?:${NETWORKS}))*\\s*[.!:]?$`,
      "i",
    ),
    maxLength: 120,
    introducesLink: true,
  },
  {
    id: "comment-policy-heading",
    description: "Comment policy of the site",
    // "Comment policy: …" as a heading or a one-line notice; a sentence about a policy has no colon after it.
    pattern: /^(?:our |read our )?comments? (?:policy|guidelines|rules|moderation policy)(?:\s*:.*|\s*[.]?)$/i,
    maxLength: 400,
  },
  {
    id: "reading-aid",
    description: "Reading-time or audio widget",
    pattern:
      /^(?:listen to (?:this|the) (?:article|story)(?: \(?\d{1,3} min(?:ute)?s?\)?)?|(?:estimated )?reading time:? \d{1,3} min(?:ute)?s?|\d{1,3} min(?:ute)? read)$/i,
    maxLength: 60,
  },
];

/** The first rule the (already normalized) line matches, if any. */
export function matchBoilerplate(line: string): BoilerplateRule | undefined {
  if (line === "") return undefined;
  return BOILERPLATE_RULES.find((rule) => line.length <= rule.maxLength && rule.pattern.test(line));
}

/** A line that is nothing but a URL (after normalization). */
export function isBareUrl(line: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(line);
}
