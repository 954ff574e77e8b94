/**
 * Builds the hand-checked bundle for the seed article, seeds/erem-2024-08-22.bundle.json.
 *
 * Everything a human decided (which actors, events, claims and ties the article states, and
 * which words are their evidence) is written below as quoted snippets of the article; this
 * script only turns the snippets into [start, end) offsets, checks each one is unambiguous and
 * lies in the article's own text (not in the page furniture), and validates the result.
 *
 *   node --import tsx seeds/tools/build-seed-bundle.ts          # writes the bundle
 *   node --import tsx seeds/tools/build-seed-bundle.ts --check  # fails if the file is stale
 */
import { readFileSync, writeFileSync } from "node:fs";
import { articleIdentity } from "../../server/src/bundle/article-identity.ts";
import type {
  ArticleBundle,
  BundleActor,
  BundleClaim,
  BundleEvent,
  BundleLocation,
  BundleRelation,
  Span,
} from "../../server/src/bundle/types.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";

const seedsDir = new URL("../", import.meta.url);
const articleFile = new URL("erem-2024-08-22.ar.txt", seedsDir);
const bundleFile = new URL("erem-2024-08-22.bundle.json", seedsDir);

const raw = readFileSync(articleFile, "utf8");
const headerEnd = raw.indexOf("\n---\n");
if (headerEnd < 0) throw new Error("seed article has no '---' header separator");
const header = Object.fromEntries(
  raw
    .slice(0, headerEnd)
    .split("\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
);
/** article.text: everything after the header's "---\n", verbatim (page furniture included). */
const text = raw.slice(headerEnd + "\n---\n".length);

/**
 * Page furniture: lines of article.text that are not the article's own words. Evidence never
 * points into them. Each entry is the exact line (or its start), found once in the text.
 */
const FURNITURE_LINES = [
  "عاجل",
  "أكسيوس: تدمير مصنع مصياف في سوريا",
  "logo",
  "العالم العربي",
  "قاعدة عين الأسد المصدر: رويترز",
  "22 أغسطس 2024، 7:16 ص",
  "أخبار ذات علاقة",
  'بعد هجوم "عين الأسد"..',
  "غالانت وأوستن:",
  "تابعونا على",
  "جميع الحقوق محفوظة",
];
const HEADLINE = header.title;

/** [start, end) of every line of the text that is furniture (incl. the repeated headline under the photo). */
function furnitureRanges(): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let offset = 0;
  let headlineSeen = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const trimmed = line.trim();
    if (trimmed === HEADLINE) {
      // The first copy is the article's headline; the second is the photo's alt text.
      if (headlineSeen++ > 0) ranges.push([start, end]);
      continue;
    }
    if (trimmed !== "" && FURNITURE_LINES.some((f) => trimmed === f || trimmed.startsWith(f)))
      ranges.push([start, end]);
  }
  return ranges;
}
const FURNITURE = furnitureRanges();
const inFurniture = (start: number, end: number) => FURNITURE.some(([s, e]) => start < e && end > s);

/**
 * The span of `sub` inside the one occurrence of `anchor` in the article's own text.
 * Throws if the anchor is missing, occurs more than once outside the furniture, or does not
 * contain `sub` exactly once, so every span below is unambiguous by construction.
 */
function at(anchor: string, sub: string = anchor): Span {
  const hits: number[] = [];
  for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1))
    if (!inFurniture(i, i + anchor.length)) hits.push(i);
  if (hits.length !== 1) throw new Error(`anchor found ${hits.length} times outside furniture: ${anchor}`);
  const inner = anchor.indexOf(sub);
  if (inner < 0 || anchor.indexOf(sub, inner + 1) >= 0)
    throw new Error(`"${sub}" must occur exactly once in anchor: ${anchor}`);
  const start = hits[0] + inner;
  return { start, end: start + sub.length, text: sub };
}

const sortSpans = (spans: Span[]) => [...spans].sort((a, b) => a.start - b.start || a.end - b.end);

// ---------------------------------------------------------------------------------------------
// Frequently cited passages (verbatim)
// ---------------------------------------------------------------------------------------------
const P = {
  leaderDesc: 'قيادي من الصف الأول في ما تُسمى "تنسيقية المقاومة الإسلامية في العراق"',
  factionSourceDesc: "مصدر في أحد الفصائل العراقية المقربة من طهران",
  pmOfficeSourceDesc: "مصدر مقرب، من مكتب رئيس الوزراء",
  expertsDesc: "خبراء أمنيون وسياسيون",
  clash:
    "الصدام بين واشنطن وإسرائيل من جهة، وإيران والفصائل المسلحة الموالية لها في كل من العراق وسوريا واليمن ولبنان، من جهة أخرى",
  recentAttacks:
    "وشهدت الأيام القليلة الماضية، هجمات عديدة شنتها الميليشيات العراقية الموالية لإيران مستهدفة القوات الأمريكية في قاعدة عين الأسد",
};

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------
const actors: BundleActor[] = [
  {
    id: "actor:mohammed-shia-al-sudani",
    name: "Mohammed Shia al-Sudani",
    nameAr: "محمد شياع السوداني",
    aliases: ["السوداني", "Mohammed Shia' al-Sudani", "Mohammed al-Sudani", "al-Sudani"],
    kind: "PERSON",
    description: "Prime Minister of Iraq (رئيس الوزراء العراقي); head of the government at the time of the article.",
    evidence: [
      at("محمد شياع السوداني"),
      at("ويحاول رئيس الوزراء العراقي", "رئيس الوزراء العراقي"),
      at("حكومة السوداني", "السوداني"),
      at("من مكتب رئيس الوزراء", "رئيس الوزراء"),
    ],
  },
  {
    id: "actor:iraqi-government",
    name: "Government of Iraq",
    nameAr: "الحكومة العراقية",
    aliases: ["حكومة السوداني", "Iraqi government", "Sudani government"],
    kind: "GOVERNMENT",
    description: "The Iraqi federal government led by Prime Minister Mohammed Shia al-Sudani.",
    evidence: [
      at("عقدت مع الحكومة", "الحكومة"),
      at("حكومة السوداني"),
      at('"الحكومة جادة', "الحكومة"),
      at('"الحكومة تبذل', "الحكومة"),
    ],
  },
  {
    id: "actor:iraqi-ministry-of-foreign-affairs",
    name: "Iraqi Ministry of Foreign Affairs",
    nameAr: "وزارة الخارجية العراقية",
    aliases: ["الخارجية العراقية", "Iraqi Foreign Ministry"],
    kind: "GOVERNMENT",
    description: "Iraq's foreign ministry; announced that ending the international coalition's mission is postponed.",
    evidence: [at("وزارة الخارجية العراقية")],
  },
  {
    id: "actor:united-states",
    name: "United States",
    nameAr: "الولايات المتحدة الأمريكية",
    aliases: ["الولايات المتحدة", "واشنطن", "الجانب الأمريكي", "Washington", "United States of America", "US"],
    kind: "STATE",
    wikidataId: "Q30",
    description:
      'The United States as a state; the article also names it by metonymy ("واشنطن") and as "the American side".',
    evidence: [
      at("الولايات المتحدة الأمريكية"),
      at("بين واشنطن وإسرائيل", "واشنطن"),
      at('"واشنطن تدرك', "واشنطن"),
      at("الجانب الأمريكي"),
    ],
  },
  {
    id: "actor:us-forces",
    name: "United States armed forces",
    nameAr: "القوات الأمريكية",
    aliases: ["القوات الأميركية", "US forces", "American forces", "US troops"],
    kind: "MILITARY",
    description:
      'US forces in Iraq (notably at Ain al-Asad) and the region; the factions call them "the enemy" (العدو).',
    evidence: [
      at(HEADLINE, "القوات الأمريكية"),
      at("استهداف القوات الأمريكية وقوات التحالف", "القوات الأمريكية"),
      at("مستهدفة القوات الأمريكية", "القوات الأمريكية"),
      at("بعد منح القوات الأمريكية", "القوات الأمريكية"),
      at("جدولة انسحاب القوات الأمريكية", "القوات الأمريكية"),
      at("بإرغام القوات الأمريكية", "القوات الأمريكية"),
      at("لن تسحب قواتها", "قواتها"),
      at("تعزيز قواتها", "قواتها"),
      at('بـ"العدو"', "العدو"),
      at("في الإشارة إلى القوات الأمريكية", "القوات الأمريكية"),
      at("عملياتها ضد القوات الأمريكية", "القوات الأمريكية"),
      at("بين الفصائل والقوات الأمريكية", "القوات الأمريكية"),
    ],
  },
  {
    id: "actor:international-coalition",
    name: "Global Coalition against Daesh",
    nameAr: "التحالف الدولي",
    aliases: ["قوات التحالف الدولي", "international coalition", "US-led coalition", "Global Coalition to Defeat ISIS"],
    kind: "COALITION",
    description: "The US-led international coalition whose mission in Iraq the Iraqi government had planned to end.",
    evidence: [at("قوات التحالف الدولي"), at("مهمة التحالف الدولي في العراق", "التحالف الدولي")],
  },
  {
    id: "actor:iran",
    name: "Iran",
    nameAr: "إيران",
    aliases: ["طهران", "الجانب الإيراني", "Tehran", "Islamic Republic of Iran"],
    kind: "STATE",
    wikidataId: "Q794",
    description:
      'Iran as a state; named also by metonymy ("طهران", "the Iranian side"). Patron of the factions, which the article calls "loyal to Iran" and "close to Tehran".',
    evidence: [
      at("الموالية لإيران", "إيران"),
      at("وإيران والفصائل", "إيران"),
      at("المقربة من طهران", "طهران"),
      at("الجانب الإيراني"),
      at("لا ترغب طهران", "طهران"),
    ],
  },
  {
    id: "actor:israel",
    name: "Israel",
    nameAr: "إسرائيل",
    kind: "STATE",
    wikidataId: "Q801",
    description: "Israel as a state, on the US side of the regional confrontation (per Ali al-Shammari).",
    evidence: [at("واشنطن وإسرائيل", "إسرائيل")],
  },
  {
    id: "actor:russia",
    name: "Russia",
    nameAr: "روسيا",
    kind: "STATE",
    wikidataId: "Q159",
    description: "Russia, which (per Ali al-Shammari) could expand into Iraq with military bases if the US withdrew.",
    evidence: [at("تتمدد فيه روسيا", "روسيا")],
  },
  {
    id: "actor:iraqi-armed-factions",
    name: "Iraqi armed factions",
    nameAr: "الفصائل المسلحة العراقية",
    aliases: [
      "الفصائل والميليشيات العراقية",
      "الميليشيات العراقية",
      "الفصائل المسلحة",
      "الفصائل العراقية",
      "الفصائل",
      "Iraqi militias",
      "Iran-aligned Iraqi factions",
    ],
    kind: "ARMED_GROUP",
    description:
      'The Iran-aligned Iraqi armed factions and militias ("الميليشيات العراقية الموالية لإيران") that attack US forces; the article treats them collectively.',
    evidence: [
      at(HEADLINE, "الميليشيات العراقية"),
      at("الفصائل والميليشيات العراقية"),
      at("شنتها الميليشيات العراقية", "الميليشيات العراقية"),
      at("إجماع الفصائل المنضوية", "الفصائل"),
      at('أن الفصائل "تدرك', "الفصائل"),
      at("إقناع الفصائل المسلحة", "الفصائل المسلحة"),
      at("أحد الفصائل العراقية", "الفصائل العراقية"),
      at("أعلنت الفصائل المسلحة", "الفصائل المسلحة"),
      at("وجهتها تلك الفصائل", "تلك الفصائل"),
      at("الصدام بين الفصائل والقوات", "الفصائل"),
      at("بعض الفصائل"),
    ],
  },
  {
    id: "actor:coordination-of-iraqi-resistance",
    name: "Coordination of the Iraqi Resistance",
    nameAr: "تنسيقية المقاومة الإسلامية في العراق",
    aliases: ["التنسيقية", "تنسيقية المقاومة العراقية", "Coordination of the Islamic Resistance in Iraq"],
    kind: "ARMED_GROUP",
    description:
      'Coordination body of the Iraqi armed factions ("الفصائل المنضوية تحت التنسيقية"); the article distances itself from the name ("ما تُسمى", "what is called").',
    evidence: [
      at("تنسيقية المقاومة الإسلامية في العراق"),
      at("المنضوية تحت التنسيقية", "التنسيقية"),
      at('فإن "التنسيقية"', "التنسيقية"),
    ],
  },
  {
    id: "actor:iran-aligned-armed-factions",
    name: "Iran-aligned armed factions in Iraq, Syria, Yemen and Lebanon",
    nameAr: "الفصائل المسلحة الموالية لإيران",
    aliases: ["Iran-aligned armed factions"],
    kind: "ARMED_GROUP",
    description:
      'Ali al-Shammari\'s "الفصائل المسلحة الموالية لها في كل من العراق وسوريا واليمن ولبنان": the regional armed factions loyal to Iran (the armed members of what is usually called the "Axis of Resistance"; the article does not use that name).',
    evidence: [at("وإيران والفصائل المسلحة الموالية لها", "الفصائل المسلحة الموالية لها")],
  },
  {
    id: "actor:coordination-framework",
    name: "Coordination Framework",
    nameAr: "الإطار التنسيقي",
    aliases: ["الإطار التنسيقي الشيعي", "Shiite Coordination Framework"],
    kind: "POLITICAL_GROUP",
    description: 'The ruling alliance of Shiite parties in Iraq (the article: "الإطار التنسيقي "الشيعي"").',
    evidence: [at('الإطار التنسيقي "الشيعي"')],
  },
  {
    id: "actor:ali-al-shammari",
    name: "Ali al-Shammari",
    nameAr: "علي الشمري",
    aliases: ["al-Shammari"],
    kind: "PERSON",
    description:
      "الخبير الأمني والعسكري — security and military expert quoted by Erem News (not to be confused with Iraqi politicians of the same name).",
    evidence: [at("علي الشمري")],
  },
  {
    id: "actor:ali-al-zubaidi",
    name: "Ali al-Zubaidi",
    nameAr: "علي الزبيدي",
    aliases: ["al-Zubaidi"],
    kind: "PERSON",
    description: 'عضو الإطار التنسيقي "الشيعي" — member of the Shiite Coordination Framework, quoted by Erem News.',
    evidence: [at("علي الزبيدي")],
  },
  {
    id: "actor:erem-news",
    name: "Erem News",
    nameAr: "إرم نيوز",
    aliases: ["Erem News", "Eremnews"],
    kind: "MEDIA",
    description: "Abu Dhabi-based Arabic news outlet; publisher of the article and the outlet the sources spoke to.",
    evidence: [
      at('وقال المصدر لـ"إرم نيوز"', "إرم نيوز"),
      at('وأضاف لـ"إرم نيوز"', "إرم نيوز"),
      at('وقال لـ"إرم نيوز" إن', "إرم نيوز"),
      at('الوزراء، لـ"إرم نيوز"', "إرم نيوز"),
    ],
  },
  {
    id: "actor:anon-erem-2024-08-22-resistance-leader",
    name: "Senior leader of the Coordination of the Iraqi Resistance (anonymous source)",
    nameAr: P.leaderDesc,
    kind: "ANONYMOUS_SOURCE",
    description: P.leaderDesc,
    evidence: [at(P.leaderDesc), at("وقال المصدر لـ", "المصدر"), at("وذكر المصدر", "المصدر")],
  },
  {
    id: "actor:anon-erem-2024-08-22-faction-source",
    name: "Source in an Iraqi faction close to Tehran (anonymous source)",
    nameAr: P.factionSourceDesc,
    kind: "ANONYMOUS_SOURCE",
    description: P.factionSourceDesc,
    evidence: [at(P.factionSourceDesc)],
  },
  {
    id: "actor:anon-erem-2024-08-22-pm-office-source",
    name: "Source close to the Iraqi Prime Minister's office (anonymous source)",
    nameAr: P.pmOfficeSourceDesc,
    kind: "ANONYMOUS_SOURCE",
    description: P.pmOfficeSourceDesc,
    evidence: [at(P.pmOfficeSourceDesc)],
  },
  {
    id: "actor:anon-erem-2024-08-22-security-and-political-experts",
    name: "Security and political experts (unnamed)",
    nameAr: P.expertsDesc,
    kind: "GROUP",
    description: `${P.expertsDesc} — unnamed experts whose view the article reports; Ali al-Shammari is then quoted "in this regard" (وبهذا الصدد).`,
    evidence: [at(P.expertsDesc)],
  },
  {
    id: "actor:anon-erem-2024-08-22-local-mediators",
    name: "Local mediators (unnamed)",
    nameAr: "وسطاء محليين",
    kind: "GROUP",
    description:
      "وسطاء محليين — unnamed local intermediaries through whom the Iraqi prime minister tries to persuade the factions to keep the truce.",
    evidence: [at("وسطاء محليين")],
  },
];

// ---------------------------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------------------------
const locations: BundleLocation[] = [
  {
    id: "location:iraq",
    name: "Iraq",
    nameAr: "العراق",
    aliases: ["Republic of Iraq"],
    kind: "COUNTRY",
    point: { latitude: 33.0, longitude: 44.0 },
    countryCode: "IQ",
    wikidataId: "Q796",
    evidence: [
      at("غربي البلاد", "البلاد"),
      at("التحالف الدولي في العراق إلى", "العراق"),
      at("انسحاب من البلاد", "البلاد"),
      at("جر العراق", "العراق"),
      at("قواتها من العراق", "العراق"),
      at("في كل من العراق وسوريا", "العراق"),
      at("انسحابها اليوم من العراق", "العراق"),
      at("نحو العراق", "العراق"),
      at("باحتلاله للبلاد", "للبلاد"),
      at("عدم التصعيد في البلاد", "البلاد"),
      at("والأمني في البلاد", "البلاد"),
      at("الأمني في العراق", "العراق"),
    ],
  },
  {
    id: "location:ain-al-asad-air-base",
    name: "Ain al-Asad Air Base",
    nameAr: "قاعدة عين الأسد",
    aliases: ["عين الأسد", "Ain al-Asad", "Al Asad Airbase", "Al-Asad Air Base", "Ayn al-Asad"],
    kind: "MILITARY_BASE",
    point: { latitude: 33.7856, longitude: 42.4412 },
    countryCode: "IQ",
    within: "location:iraq",
    evidence: [
      at("الموجودة في قاعدة عين الأسد", "قاعدة عين الأسد"),
      at("مستهدفة القوات الأمريكية في قاعدة عين الأسد", "قاعدة عين الأسد"),
      at("لقاعدة عين الأسد", "قاعدة عين الأسد"),
    ],
  },
  {
    id: "location:syria",
    name: "Syria",
    nameAr: "سوريا",
    kind: "COUNTRY",
    point: { latitude: 35.0, longitude: 38.5 },
    countryCode: "SY",
    wikidataId: "Q858",
    evidence: [at("قواعد عدة في سوريا", "سوريا"), at("العراق وسوريا واليمن", "سوريا")],
  },
  {
    id: "location:yemen",
    name: "Yemen",
    nameAr: "اليمن",
    kind: "COUNTRY",
    point: { latitude: 15.55, longitude: 48.52 },
    countryCode: "YE",
    wikidataId: "Q805",
    evidence: [at("وسوريا واليمن ولبنان", "اليمن")],
  },
  {
    id: "location:lebanon",
    name: "Lebanon",
    nameAr: "لبنان",
    kind: "COUNTRY",
    point: { latitude: 33.85, longitude: 35.86 },
    countryCode: "LB",
    wikidataId: "Q822",
    evidence: [at("واليمن ولبنان", "لبنان")],
  },
  {
    id: "location:persian-gulf",
    name: "Persian Gulf",
    nameAr: "الخليج",
    aliases: ["the Gulf", "الخليج العربي", "Gulf region"],
    kind: "REGION",
    point: { latitude: 26.5, longitude: 52.0 },
    evidence: [at("في الخليج والمنطقة", "الخليج")],
  },
  {
    id: "location:middle-east",
    name: "Middle East",
    nameAr: "الشرق الأوسط",
    aliases: ["the Middle East"],
    kind: "REGION",
    point: { latitude: 29.0, longitude: 41.0 },
    confidence: 0.8,
    evidence: [
      at("التي تمر بها المنطقة", "المنطقة"),
      at("خفض التصعيد في المنطقة", "المنطقة"),
      at("لِما يحدث في المنطقة", "المنطقة"),
      at("تعزيز قواتها في المنطقة", "المنطقة"),
      at("الخليج والمنطقة", "المنطقة"),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Events (dates relative to publication, 2024-08-22)
// ---------------------------------------------------------------------------------------------
const TRUCE = "event:iraqi-factions-truce-with-us-forces-2024-02";
const AGREEMENT = "event:factions-government-agreement-on-us-withdrawal-2024-03";
const ATTACKS_AIN = "event:attacks-on-us-forces-at-ain-al-asad-2024-08";
const ATTACKS_SYRIA = "event:attacks-on-us-bases-in-syria-2024-08";
const TRUCE_BREAKING = "event:truce-breaking-strikes-on-ain-al-asad-2024";
const POSTPONEMENT = "event:iraq-postpones-end-of-coalition-mission-2024-08";
const THREAT = "event:factions-threaten-to-end-truce-2024-08";
const MEETING = "event:coordination-of-iraqi-resistance-leadership-meeting-2024";
const MEDIATION = "event:sudani-mediation-with-factions-2024-08";
const NEGOTIATION = "event:iraq-us-negotiations-on-withdrawal-2024";

const events: BundleEvent[] = [
  {
    id: TRUCE,
    type: "CEASEFIRE",
    title: "Iraqi armed factions halt attacks on US forces (truce since February 2024)",
    summary:
      'Since "last February" (شباط الماضي, i.e. February 2024 relative to the 22 August 2024 article) the Iraqi armed factions announced a halt to their operations against US forces as part of a truce; the article says the truce was later broken by faction strikes on Ain al-Asad. The text gives the month only, so the date is the month of February 2024, not a day.',
    start: "2024-02-01",
    end: "2024-02-29",
    precision: "MONTH",
    edtf: "2024-02",
    confidence: 0.9,
    evidence: [
      at("ومنذ شباط الماضي، أعلنت الفصائل المسلحة إيقاف عملياتها ضد القوات الأمريكية، ضمن هدنة عقدتها"),
      at(HEADLINE, "الهدنة"),
      at("بإنهاء الهدنة بشكل تام، والعودة", "الهدنة"),
      at("إنهاء الهدنة بشكل تام، بعد", "الهدنة"),
      at("بالإبقاء على الهدنة", "الهدنة"),
      at("لكن تلك الهدنة", "تلك الهدنة"),
    ],
    participants: [
      {
        actor: "actor:iraqi-armed-factions",
        role: "INITIATOR",
        evidence: [at("أعلنت الفصائل المسلحة", "الفصائل المسلحة")],
      },
      {
        actor: "actor:us-forces",
        role: "PARTICIPANT",
        evidence: [at("عملياتها ضد القوات الأمريكية", "القوات الأمريكية")],
      },
    ],
    locations: ["location:iraq"],
  },
  {
    id: AGREEMENT,
    type: "AGREEMENT",
    title: "Conditions agreed between the factions and the Iraqi government on scheduling a US withdrawal",
    summary:
      'According to a senior leader of the Coordination of the Iraqi Resistance, conditions were agreed with the government "about five months ago" (قبل خمسة أشهر تقريبًا), under which the withdrawal of US forces was to be scheduled; he says PM al-Sudani failed to honour them. Five months before 22 Aug 2024 is about 22 March 2024; "approximately" is kept as an approximate month (2024-03~) over a ±1 month range. Known only from this single anonymous claim.',
    start: "2024-02-22",
    end: "2024-04-22",
    precision: "APPROXIMATE",
    edtf: "2024-03~",
    confidence: 0.6,
    evidence: [
      at(
        "الشروط التي عقدت مع الحكومة قبل خمسة أشهر تقريبًا، والتي كان من المفترض فيها أن تتم جدولة انسحاب القوات الأمريكية",
      ),
    ],
    participants: [
      { actor: "actor:iraqi-armed-factions", role: "PARTICIPANT" },
      { actor: "actor:iraqi-government", role: "PARTICIPANT", evidence: [at("عقدت مع الحكومة", "الحكومة")] },
      { actor: "actor:mohammed-shia-al-sudani", role: "PARTICIPANT", evidence: [at("محمد شياع السوداني")] },
      {
        actor: "actor:us-forces",
        role: "AFFECTED",
        evidence: [at("جدولة انسحاب القوات الأمريكية", "القوات الأمريكية")],
      },
    ],
    locations: ["location:iraq"],
  },
  {
    id: ATTACKS_AIN,
    type: "ATTACK",
    title: "Iran-aligned Iraqi militias attack US forces at Ain al-Asad",
    summary:
      'Numerous attacks "in the past few days" (الأيام القليلة الماضية) by Iran-aligned Iraqi militias targeting US forces at Ain al-Asad Air Base. The text gives no dates; "the past few days" before the 22 Aug 2024 (07:16) article is read as at most a week, 15-21 August 2024 (the day of publication excluded). Weapons are not stated, hence ATTACK rather than SHELLING/AIRSTRIKE.',
    start: "2024-08-15",
    end: "2024-08-21",
    precision: "RANGE",
    edtf: "2024-08-15/2024-08-21",
    confidence: 0.8,
    evidence: [at(P.recentAttacks)],
    participants: [
      {
        actor: "actor:iraqi-armed-factions",
        role: "INITIATOR",
        evidence: [at("شنتها الميليشيات العراقية", "الميليشيات العراقية")],
      },
      {
        actor: "actor:us-forces",
        role: "TARGET",
        evidence: [at("مستهدفة القوات الأمريكية", "القوات الأمريكية")],
      },
    ],
    locations: ["location:ain-al-asad-air-base"],
  },
  {
    id: ATTACKS_SYRIA,
    type: "ATTACK",
    title: "Iran-aligned Iraqi militias attack several bases in Syria",
    summary:
      'In the same "past few days" (read as 15-21 August 2024, see the Ain al-Asad attacks) the militias also attacked "several bases in Syria" (قواعد عدة في سوريا), in the sentence about attacks on US forces; the bases are not named.',
    start: "2024-08-15",
    end: "2024-08-21",
    precision: "RANGE",
    edtf: "2024-08-15/2024-08-21",
    confidence: 0.7,
    evidence: [
      at("وشهدت الأيام القليلة الماضية، هجمات عديدة شنتها الميليشيات العراقية الموالية لإيران"),
      at("فضلًا عن قواعد عدة في سوريا"),
    ],
    participants: [
      {
        actor: "actor:iraqi-armed-factions",
        role: "INITIATOR",
        evidence: [at("شنتها الميليشيات العراقية", "الميليشيات العراقية")],
      },
      { actor: "actor:us-forces", role: "TARGET" },
    ],
    locations: ["location:syria"],
  },
  {
    id: TRUCE_BREAKING,
    type: "ATTACK",
    title: "Faction strikes on Ain al-Asad break the truce",
    summary:
      'The truce declared in February 2024 "was broken after strikes that those factions directed at Ain al-Asad base". The text does not date the strikes: they fall after the truce began and before publication (February to 22 August 2024). They may coincide with the attacks of the past few days; kept separate because the article does not say so.',
    start: "2024-02-01",
    end: "2024-08-22",
    precision: "RANGE",
    edtf: "2024-02/2024-08-22",
    confidence: 0.8,
    evidence: [at("لكن تلك الهدنة كسرت بعد ضربات وجهتها تلك الفصائل لقاعدة عين الأسد")],
    participants: [
      {
        actor: "actor:iraqi-armed-factions",
        role: "INITIATOR",
        evidence: [at("وجهتها تلك الفصائل", "تلك الفصائل")],
      },
      { actor: "actor:us-forces", role: "TARGET" },
    ],
    locations: ["location:ain-al-asad-air-base"],
  },
  {
    id: POSTPONEMENT,
    type: "POSTPONEMENT",
    title: "Iraqi Foreign Ministry postpones ending the international coalition's mission in Iraq",
    summary:
      'The Iraqi Foreign Ministry announced that ending the international coalition\'s mission in Iraq is postponed "until further notice", without details, citing "developments of the current circumstances". The article gives no date, only that it coincides (تزامنًا) with the factions\' threats; recorded as a range from 1 August 2024 to publication.',
    start: "2024-08-01",
    end: "2024-08-22",
    precision: "RANGE",
    edtf: "2024-08-01/2024-08-22",
    confidence: 0.9,
    evidence: [
      at(
        "إعلان وزارة الخارجية العراقية تأجيل إنهاء مهمة التحالف الدولي في العراق إلى إشعار آخر، دون الإفصاح عن التفاصيل",
      ),
    ],
    participants: [
      {
        actor: "actor:iraqi-ministry-of-foreign-affairs",
        role: "INITIATOR",
        evidence: [at("وزارة الخارجية العراقية")],
      },
      {
        actor: "actor:international-coalition",
        role: "AFFECTED",
        evidence: [at("مهمة التحالف الدولي في العراق", "التحالف الدولي")],
      },
    ],
    locations: ["location:iraq"],
  },
  {
    id: THREAT,
    type: "THREAT",
    title: "Iraqi factions threaten to end the truce and resume attacks on US forces",
    summary:
      "The Iraqi factions and militias threaten to end the truce completely and return to targeting US and coalition forces at Ain al-Asad; a senior leader of the Coordination says its member factions agree unanimously to end it, after a last chance for the US to schedule its withdrawal. Ongoing at publication; dated as the week before the article (15-22 August 2024).",
    start: "2024-08-15",
    end: "2024-08-22",
    precision: "RANGE",
    edtf: "2024-08-15/2024-08-22",
    confidence: 0.85,
    evidence: [
      at(HEADLINE, "مع التلويح بإنهائها"),
      at(
        "تلويح الفصائل والميليشيات العراقية بإنهاء الهدنة بشكل تام، والعودة إلى استهداف القوات الأمريكية وقوات التحالف الدولي الموجودة في قاعدة عين الأسد",
      ),
      at("أكد إجماع الفصائل المنضوية تحت التنسيقية إنهاء الهدنة بشكل تام"),
    ],
    participants: [
      {
        actor: "actor:iraqi-armed-factions",
        role: "INITIATOR",
        evidence: [at("الفصائل والميليشيات العراقية")],
      },
      {
        actor: "actor:coordination-of-iraqi-resistance",
        role: "INITIATOR",
        evidence: [at("المنضوية تحت التنسيقية", "التنسيقية")],
      },
      {
        actor: "actor:us-forces",
        role: "TARGET",
        evidence: [at("استهداف القوات الأمريكية وقوات التحالف", "القوات الأمريكية")],
      },
      { actor: "actor:international-coalition", role: "TARGET", evidence: [at("قوات التحالف الدولي")] },
    ],
    locations: ["location:ain-al-asad-air-base", "location:iraq"],
  },
  {
    id: MEETING,
    type: "MEETING",
    title: "Leadership meeting of the Coordination of the Iraqi Resistance",
    summary:
      'Per a source in an Iraqi faction close to Tehran, the Coordination held a meeting of its leaders, who became certain that "the enemy" (US forces) will stall in order to continue "its occupation of the country". Neither date nor place is given: dated from the start of the truce (February 2024) to publication; no location.',
    start: "2024-02-01",
    end: "2024-08-22",
    precision: "RANGE",
    edtf: "2024-02/2024-08-22",
    confidence: 0.6,
    evidence: [at('"التنسيقية" عقدت اجتماعًا لقياداتها')],
    participants: [
      {
        actor: "actor:coordination-of-iraqi-resistance",
        role: "PARTICIPANT",
        evidence: [at('فإن "التنسيقية"', "التنسيقية")],
      },
    ],
    locations: [],
  },
  {
    id: MEDIATION,
    type: "MEDIATION",
    title: "PM al-Sudani tries, through local mediators, to persuade the factions to keep the truce",
    summary:
      "The Iraqi prime minister is trying, through local mediators, to persuade the armed factions to keep the truce so as not to drag Iraq into an open war, while his government pushes against escalation by asserting control over security. Ongoing at publication (present tense); dated as the week before the article (15-22 August 2024).",
    start: "2024-08-15",
    end: "2024-08-22",
    precision: "RANGE",
    edtf: "2024-08-15/2024-08-22",
    confidence: 0.8,
    evidence: [
      at("ويحاول رئيس الوزراء العراقي عبر وسطاء محليين إقناع الفصائل المسلحة بالإبقاء على الهدنة"),
      at("وتحاول حكومة السوداني، الضغط باتجاه عدم التصعيد في البلاد، عبر فرض سيطرتها على الواقع الأمني"),
      at("الحكومة تبذل مساعيها في التهدئة"),
    ],
    participants: [
      {
        actor: "actor:mohammed-shia-al-sudani",
        role: "INITIATOR",
        evidence: [at("ويحاول رئيس الوزراء العراقي", "رئيس الوزراء العراقي")],
      },
      { actor: "actor:anon-erem-2024-08-22-local-mediators", role: "MEDIATOR", evidence: [at("وسطاء محليين")] },
      {
        actor: "actor:iraqi-armed-factions",
        role: "TARGET",
        evidence: [at("إقناع الفصائل المسلحة", "الفصائل المسلحة")],
      },
      { actor: "actor:iraqi-government", role: "PARTICIPANT", evidence: [at("حكومة السوداني")] },
    ],
    locations: ["location:iraq"],
  },
  {
    id: NEGOTIATION,
    type: "NEGOTIATION",
    title: "Iraqi government negotiations with the US on scheduling the withdrawal",
    summary:
      "Per Ali al-Zubaidi, the government is serious in its negotiations with the American side to activate the agreements between them, especially scheduling the withdrawal and moving to a bilateral partnership. Ongoing at publication; the text gives no start, so only the end (publication) is set and the EDTF interval has an open start.",
    end: "2024-08-22",
    precision: "RANGE",
    edtf: "../2024-08-22",
    confidence: 0.7,
    evidence: [at("الحكومة جادة في مفاوضاتها مع الجانب الأمريكي")],
    participants: [
      { actor: "actor:iraqi-government", role: "PARTICIPANT", evidence: [at('"الحكومة جادة', "الحكومة")] },
      { actor: "actor:united-states", role: "PARTICIPANT", evidence: [at("الجانب الأمريكي")] },
    ],
    locations: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Claims: text is the verbatim quote or reported clause; evidence[0] is exactly that text,
// further spans are the attribution phrase.
// ---------------------------------------------------------------------------------------------
const STATED = "2024-08-22";
function claim(c: Omit<BundleClaim, "text" | "evidence" | "language"> & { quote: string; attribution: Span }) {
  const { quote, attribution, ...rest } = c;
  const span = at(quote);
  return { ...rest, text: quote, language: "ar", evidence: [span, attribution] } as BundleClaim;
}

const claims: BundleClaim[] = [
  claim({
    id: "claim:erem-2024-08-22-factions-agree-to-end-truce",
    quote:
      "إجماع الفصائل المنضوية تحت التنسيقية إنهاء الهدنة بشكل تام، بعد منح القوات الأمريكية فرصة أخيرة على أمل التزامها بجدولة انسحاب من البلاد",
    attribution: at('في العراق" أكد', "أكد"),
    gloss:
      "The factions belonging to the Coordination unanimously agree to end the truce completely, after giving US forces a last chance in the hope that they would commit to a timetable for withdrawing from the country.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:anon-erem-2024-08-22-resistance-leader",
    toldTo: "actor:erem-news",
    about: [THREAT, TRUCE, "actor:coordination-of-iraqi-resistance", "actor:iraqi-armed-factions", "actor:us-forces"],
  }),
  claim({
    id: "claim:erem-2024-08-22-sudani-failed-withdrawal-conditions",
    quote:
      "رئيس الوزراء العراقي محمد شياع السوداني فشل في الالتزام بالشروط التي عقدت مع الحكومة قبل خمسة أشهر تقريبًا، والتي كان من المفترض فيها أن تتم جدولة انسحاب القوات الأمريكية",
    attribution: at('وقال المصدر لـ"إرم نيوز" شريطة عدم ذكر اسمه'),
    gloss:
      "Iraqi Prime Minister Mohammed Shia al-Sudani failed to honour the conditions agreed with the government about five months ago, under which the withdrawal of US forces was supposed to be scheduled.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:anon-erem-2024-08-22-resistance-leader",
    toldTo: "actor:erem-news",
    about: [AGREEMENT, "actor:mohammed-shia-al-sudani", "actor:iraqi-government", "actor:us-forces"],
  }),
  claim({
    id: "claim:erem-2024-08-22-diplomacy-futile-only-military-confrontation",
    quote:
      "تدرك جيدًا أن الدبلوماسية لن تجدي نفعًا بإرغام القوات الأمريكية على الخروج، وليس هناك طريق سوى المواجهة العسكرية",
    attribution: at("وذكر المصدر، أن الفصائل"),
    gloss:
      "[The factions] know well that diplomacy will not succeed in forcing US forces to leave, and there is no way but military confrontation.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:anon-erem-2024-08-22-resistance-leader",
    toldTo: "actor:erem-news",
    about: [THREAT, "actor:iraqi-armed-factions", "actor:us-forces"],
  }),
  claim({
    id: "claim:erem-2024-08-22-ministry-postponement-reason",
    quote: 'القرار جاء نظرًا "لتطورات الظرف الحالي"',
    attribution: at("مكتفية بالإشارة إلى أن"),
    gloss:
      'The decision [to postpone ending the coalition mission] came "due to developments in the current situation".',
    certainty: "ASSERTED",
    claimant: "actor:iraqi-ministry-of-foreign-affairs",
    about: [POSTPONEMENT, "actor:international-coalition", "location:iraq"],
  }),
  claim({
    id: "claim:erem-2024-08-22-experts-us-will-not-withdraw",
    quote: "الولايات المتحدة الأمريكية لن تسحب قواتها من العراق على الأقل خلال السنوات القليلة المقبلة",
    attribution: at("يرى خبراء أمنيون وسياسيون"),
    gloss: "The United States will not withdraw its forces from Iraq, at least in the next few years.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:anon-erem-2024-08-22-security-and-political-experts",
    about: ["actor:united-states", "actor:us-forces", "location:iraq"],
  }),
  claim({
    id: "claim:erem-2024-08-22-shammari-us-will-reinforce",
    quote:
      "المتتبع لِما يحدث في المنطقة من تصعيد عسكري وتصاعد الصدام بين واشنطن وإسرائيل من جهة، وإيران والفصائل المسلحة الموالية لها في كل من العراق وسوريا واليمن ولبنان، من جهة أخرى، يدرك جيدًا أنها ستقدم على تعزيز قواتها في المنطقة وليس العكس",
    attribution: at("يقول الخبير الأمني والعسكري علي الشمري"),
    gloss:
      "Anyone following the military escalation in the region and the growing clash between Washington and Israel on one side, and Iran and its loyal armed factions in Iraq, Syria, Yemen and Lebanon on the other, knows well that it [the US] will reinforce its forces in the region, not the opposite.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:ali-al-shammari",
    toldTo: "actor:erem-news",
    about: [
      "actor:united-states",
      "actor:us-forces",
      "actor:israel",
      "actor:iran",
      "actor:iran-aligned-armed-factions",
      "location:middle-east",
      "location:iraq",
      "location:syria",
      "location:yemen",
      "location:lebanon",
    ],
  }),
  claim({
    id: "claim:erem-2024-08-22-shammari-withdrawal-exposes-gulf-bases",
    quote:
      "واشنطن تدرك جيدًا من الناحية العسكرية أن انسحابها اليوم من العراق يعني كشف ظهر قواعدها في الخليج والمنطقة بشكل عام، وحينها سيصعب عليها صد الهجمات المسلحة ضدها، إذا حدثت، في وقت يمكن أن تتمدد فيه روسيا نحو العراق بقواعد عسكرية، خصوصًا مع التقارب العراقي السوري الروسي",
    attribution: at('وأضاف لـ"إرم نيوز" أن'),
    gloss:
      "Washington knows well, militarily, that withdrawing from Iraq today would leave its bases in the Gulf and the region as a whole exposed, making it hard to repel armed attacks on them, should they occur, at a time when Russia could expand into Iraq with military bases, especially given the Iraqi-Syrian-Russian rapprochement.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:ali-al-shammari",
    toldTo: "actor:erem-news",
    about: [
      "actor:united-states",
      "actor:us-forces",
      "actor:russia",
      "location:iraq",
      "location:persian-gulf",
      "location:middle-east",
    ],
  }),
  claim({
    id: "claim:erem-2024-08-22-coordination-meeting-enemy-will-stall",
    quote:
      '"التنسيقية" عقدت اجتماعًا لقياداتها، ووصل الجميع إلى يقين بأن من وصفهم بـ"العدو"، في الإشارة إلى القوات الأمريكية، سيماطل في سبيل "الاستمرار باحتلاله للبلاد"',
    attribution: at("وبحسب مصدر في أحد الفصائل العراقية المقربة من طهران، فإن"),
    gloss:
      'The "Coordination" held a meeting of its leaders, and all became certain that what he called "the enemy", meaning US forces, will stall in order to "continue its occupation of the country".',
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:anon-erem-2024-08-22-faction-source",
    about: [MEETING, "actor:coordination-of-iraqi-resistance", "actor:us-forces", "location:iraq"],
  }),
  claim({
    id: "claim:erem-2024-08-22-zubaidi-clash-affects-stability",
    quote: "استمرار الصدام بين الفصائل والقوات الأمريكية يؤثر بشكل كبير على الاستقرار السياسي والأمني في البلاد",
    attribution: at('ويرى عضو الإطار التنسيقي "الشيعي" علي الزبيدي'),
    gloss:
      "The continuing clash between the factions and US forces greatly affects political and security stability in the country.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:ali-al-zubaidi",
    toldTo: "actor:erem-news",
    about: ["actor:iraqi-armed-factions", "actor:us-forces", "location:iraq"],
  }),
  claim({
    id: "claim:erem-2024-08-22-zubaidi-government-serious-in-negotiations",
    quote:
      "الحكومة جادة في مفاوضاتها مع الجانب الأمريكي بهدف إيجاد حلول مشتركة لتفعيل الاتفاقيات المبرمة بين الطرفين، ولا سيما ما يتعلق بعملية جدولة الانسحاب، والانتقال إلى الشراكة الثنائية",
    attribution: at('وقال لـ"إرم نيوز" إن'),
    gloss:
      "The government is serious in its negotiations with the American side to find joint solutions to activate the agreements concluded between the two parties, especially on scheduling the withdrawal and moving to a bilateral partnership.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:ali-al-zubaidi",
    toldTo: "actor:erem-news",
    about: [NEGOTIATION, "actor:iraqi-government", "actor:united-states"],
  }),
  claim({
    id: "claim:erem-2024-08-22-pm-office-government-and-iran-seek-calm",
    quote:
      "الحكومة تبذل مساعيها في التهدئة، وهذه الرغبة تتلاقى مع الجانب الإيراني الذي يرتبط بعلاقات وثيقة مع بعض الفصائل بالتهدئة، إذ لا ترغب طهران في تصعيد الموقف الأمني في العراق للدرجة التي من الممكن أن تؤثر في شكل ووجود المنظومة السياسية الحالية",
    attribution: at('فيما أكد مصدر مقرب، من مكتب رئيس الوزراء، لـ"إرم نيوز" أن'),
    gloss:
      "The government is making efforts to calm things down, and this wish meets that of the Iranian side, which has close ties with some factions, for calm: Tehran does not want the security situation in Iraq to escalate to a degree that could affect the shape and existence of the current political system.",
    statedAt: STATED,
    certainty: "ASSERTED",
    claimant: "actor:anon-erem-2024-08-22-pm-office-source",
    toldTo: "actor:erem-news",
    about: [MEDIATION, "actor:iraqi-government", "actor:iran", "actor:iraqi-armed-factions", "location:iraq"],
  }),
];

// ---------------------------------------------------------------------------------------------
// Relations (only ties the text states)
// ---------------------------------------------------------------------------------------------
const relations: BundleRelation[] = [
  {
    type: "AFFILIATED_WITH",
    from: "actor:anon-erem-2024-08-22-resistance-leader",
    to: "actor:coordination-of-iraqi-resistance",
    evidence: [at(P.leaderDesc)],
  },
  {
    type: "AFFILIATED_WITH",
    from: "actor:anon-erem-2024-08-22-faction-source",
    to: "actor:iraqi-armed-factions",
    evidence: [at(P.factionSourceDesc)],
  },
  {
    type: "AFFILIATED_WITH",
    from: "actor:anon-erem-2024-08-22-pm-office-source",
    to: "actor:iraqi-government",
    evidence: [at(P.pmOfficeSourceDesc)],
    confidence: 0.8,
  },
  {
    type: "LEADS",
    from: "actor:mohammed-shia-al-sudani",
    to: "actor:iraqi-government",
    evidence: [at("رئيس الوزراء العراقي محمد شياع السوداني"), at("حكومة السوداني")],
  },
  {
    type: "AFFILIATED_WITH",
    from: "actor:iraqi-ministry-of-foreign-affairs",
    to: "actor:iraqi-government",
    evidence: [at("وزارة الخارجية العراقية")],
  },
  {
    type: "AFFILIATED_WITH",
    from: "actor:ali-al-zubaidi",
    to: "actor:coordination-framework",
    evidence: [at('عضو الإطار التنسيقي "الشيعي" علي الزبيدي')],
  },
  {
    type: "AFFILIATED_WITH",
    from: "actor:iraqi-armed-factions",
    to: "actor:coordination-of-iraqi-resistance",
    evidence: [at("الفصائل المنضوية تحت التنسيقية")],
    confidence: 0.8,
  },
  {
    type: "AFFILIATED_WITH",
    from: "actor:us-forces",
    to: "actor:united-states",
    evidence: [at("الولايات المتحدة الأمريكية لن تسحب قواتها")],
  },
  {
    type: "ALLIED_WITH",
    from: "actor:iraqi-armed-factions",
    to: "actor:iran",
    evidence: [
      at("الميليشيات العراقية الموالية لإيران"),
      at("الفصائل العراقية المقربة من طهران"),
      at("الجانب الإيراني الذي يرتبط بعلاقات وثيقة مع بعض الفصائل"),
    ],
  },
  {
    type: "ALLIED_WITH",
    from: "actor:iran-aligned-armed-factions",
    to: "actor:iran",
    evidence: [at("وإيران والفصائل المسلحة الموالية لها")],
  },
  {
    type: "OPPOSES",
    from: "actor:iraqi-armed-factions",
    to: "actor:us-forces",
    evidence: [
      at("العودة إلى استهداف القوات الأمريكية"),
      at("الصدام بين الفصائل والقوات الأمريكية"),
      at("وليس هناك طريق سوى المواجهة العسكرية"),
    ],
  },
  {
    type: "OPPOSES",
    from: "actor:coordination-of-iraqi-resistance",
    to: "actor:us-forces",
    evidence: [at('من وصفهم بـ"العدو"، في الإشارة إلى القوات الأمريكية')],
  },
  { type: "OPPOSES", from: "actor:united-states", to: "actor:iran", evidence: [at(P.clash)], confidence: 0.8 },
  { type: "OPPOSES", from: "actor:israel", to: "actor:iran", evidence: [at(P.clash)], confidence: 0.8 },
  {
    type: "OPPOSES",
    from: "actor:united-states",
    to: "actor:iran-aligned-armed-factions",
    evidence: [at(P.clash)],
    confidence: 0.8,
  },
  {
    type: "OPPOSES",
    from: "actor:israel",
    to: "actor:iran-aligned-armed-factions",
    evidence: [at(P.clash)],
    confidence: 0.8,
  },
  {
    type: "ALLIED_WITH",
    from: "actor:united-states",
    to: "actor:israel",
    evidence: [at("بين واشنطن وإسرائيل من جهة")],
    confidence: 0.7,
  },
  {
    type: "SUPPORTS",
    from: "claim:erem-2024-08-22-shammari-us-will-reinforce",
    to: "claim:erem-2024-08-22-experts-us-will-not-withdraw",
    evidence: [at("وبهذا الصدد")],
  },
  {
    type: "SUPPORTS",
    from: "claim:erem-2024-08-22-shammari-withdrawal-exposes-gulf-bases",
    to: "claim:erem-2024-08-22-experts-us-will-not-withdraw",
    evidence: [at("وبهذا الصدد")],
  },
];

// ---------------------------------------------------------------------------------------------
const identity = articleIdentity(text);
const NOTE = [
  "Hand-checked against the article text.",
  "publishedAt: the page shows 22 Aug 2024 7:16 am with no zone; Erem News is based in Abu Dhabi, so UTC+04:00 is assumed.",
  "Furniture (breaking-news ticker, logo, section label, photo alt text and caption incl. the Reuters photo credit, dateline, 'related news' headlines, footer) is kept in article.text but is never evidence and yields no event, claim or actor (Reuters, Axios, Gallant and Austin appear only there).",
  "The headline counts as the article's own words; sub-headings do not carry evidence.",
  "Mentions: names, metonyms (Washington, Tehran -> the state actor, not a place) and coreferent nouns (البلاد -> Iraq, المصدر -> the source, قواتها -> US forces); nisba adjectives (المشهد العراقي, العراقي السوري الروسي) and names nested in other names are not mentions. Generic coreferent words (البلاد, المنطقة = the Middle East, المصدر) are evidence, never aliases.",
  "Dates are relative to 2024-08-22: 'the past few days' = 15-21 Aug; present-tense ongoing activity = 15-22 Aug; undated past events = a range ending at publication.",
  "statedAt = publication date for claims given to Erem News; the Foreign Ministry's statement has no date and no statedAt.",
  "Generated by seeds/tools/build-seed-bundle.ts from quoted snippets.",
].join(" ");

const bundle: ArticleBundle = {
  bundleVersion: 1,
  producer: { name: "rasd hand-checked seed", version: "1", note: NOTE },
  article: {
    id: identity.id,
    url: null,
    title: header.title,
    publisher: header.publisher,
    language: "ar",
    publishedAt: `${header.published}:00+04:00`,
    text,
    contentHash: identity.contentHash,
  },
  actors: actors.map((a) => ({ ...a, evidence: sortSpans(a.evidence) })),
  locations: locations.map((l) => ({ ...l, evidence: sortSpans(l.evidence) })),
  events,
  claims,
  relations,
};

validateBundle(bundle);

/** Two-space JSON with each span on one line, so the file reads like the snippets above. */
function format(b: ArticleBundle): string {
  return `${JSON.stringify(b, null, 2).replace(
    /\{\n\s+"start": (\d+),\n\s+"end": (\d+),\n\s+"text": ("(?:[^"\\]|\\.)*")\n\s+\}/g,
    '{ "start": $1, "end": $2, "text": $3 }',
  )}\n`;
}

const out = format(bundle);
if (process.argv.includes("--check")) {
  const current = readFileSync(bundleFile, "utf8");
  if (current !== out) {
    console.error(`${bundleFile.pathname} is stale: run node --import tsx seeds/tools/build-seed-bundle.ts`);
    process.exit(1);
  }
  console.log("seed bundle is up to date");
} else {
  writeFileSync(bundleFile, out);
  console.log(
    `wrote ${bundleFile.pathname}: ${actors.length} actors, ${locations.length} locations, ${events.length} events, ${claims.length} claims, ${relations.length} relations`,
  );
}
