import type { ActorKind, EventType, LocationKind } from "../../server/src/model/vocabulary.ts";

/**
 * The fixed pool the synthetic generator draws from. Kept here rather than
 * read from seeds/gazetteer so the generated graph stays the same when the
 * gazetteer grows: benchmarks and tests compare like with like.
 */

export interface PoolActor {
  id: string;
  name: string;
  nameAr: string;
  kind: ActorKind;
  aliases: string[];
}

export interface PoolLocation {
  id: string;
  name: string;
  nameAr: string;
  kind: LocationKind;
  countryCode: string;
  point: { latitude: number; longitude: number };
  within?: string;
}

const actor = (slug: string, name: string, nameAr: string, kind: ActorKind, aliases: string[] = []): PoolActor => ({
  id: `actor:syn-${slug}`,
  name,
  nameAr,
  kind,
  aliases,
});

const organisations: PoolActor[] = [
  actor("united-states", "United States", "الولايات المتحدة", "STATE", ["الإدارة الأمريكية", "Washington"]),
  actor("iran", "Iran", "إيران", "STATE", ["طهران"]),
  actor("iraq-government", "Government of Iraq", "الحكومة العراقية", "GOVERNMENT", ["حكومة بغداد"]),
  actor("syria-government", "Government of Syria", "الحكومة السورية", "GOVERNMENT"),
  actor("us-forces", "US forces", "القوات الأمريكية", "MILITARY", ["القوات الأميركية", "US troops"]),
  actor("iraqi-army", "Iraqi Army", "الجيش العراقي", "MILITARY"),
  actor("idf", "Israel Defense Forces", "الجيش الإسرائيلي", "MILITARY", ["IDF"]),
  actor("coalition", "International Coalition", "التحالف الدولي", "COALITION", ["Global Coalition"]),
  actor("kataib-hezbollah", "Kataib Hezbollah", "كتائب حزب الله", "ARMED_GROUP", ["الكتائب"]),
  actor("nujaba", "Harakat al-Nujaba", "حركة النجباء", "ARMED_GROUP", ["النجباء"]),
  actor("hezbollah", "Hezbollah", "حزب الله", "ARMED_GROUP"),
  actor("houthis", "Houthis", "الحوثيون", "ARMED_GROUP", ["أنصار الله", "Ansar Allah"]),
  actor("pmf", "Popular Mobilization Forces", "الحشد الشعبي", "ARMED_GROUP", ["PMF"]),
  actor("islamic-state", "Islamic State", "تنظيم الدولة الإسلامية", "ARMED_GROUP", ["داعش", "ISIS"]),
  actor("sdf", "Syrian Democratic Forces", "قوات سوريا الديمقراطية", "ARMED_GROUP", ["قسد", "SDF"]),
  actor("resistance-coordination", "Coordination of Iraqi Resistance", "تنسيقية المقاومة العراقية", "ARMED_GROUP"),
  actor("un", "United Nations", "الأمم المتحدة", "ORGANIZATION", ["UN"]),
  actor("arab-league", "Arab League", "جامعة الدول العربية", "ORGANIZATION"),
  actor("red-crescent", "Iraqi Red Crescent", "الهلال الأحمر العراقي", "ORGANIZATION"),
  actor("erem-news", "Erem News", "إرم نيوز", "MEDIA"),
  actor("al-jazeera", "Al Jazeera", "الجزيرة", "MEDIA"),
  actor("reuters", "Reuters", "رويترز", "MEDIA"),
];

const firstNames: [string, string][] = [
  ["Mohammed", "محمد"],
  ["Ali", "علي"],
  ["Hassan", "حسن"],
  ["Fatima", "فاطمة"],
  ["Ahmed", "أحمد"],
  ["Zainab", "زينب"],
  ["Omar", "عمر"],
  ["Layla", "ليلى"],
  ["Hussein", "حسين"],
  ["Mustafa", "مصطفى"],
  ["Aisha", "عائشة"],
  ["Ibrahim", "إبراهيم"],
];
const familyNames: [string, string][] = [
  ["al-Amiri", "العامري"],
  ["al-Maliki", "المالكي"],
  ["al-Hakim", "الحكيم"],
  ["al-Khazali", "الخزعلي"],
  ["al-Jubouri", "الجبوري"],
  ["al-Dulaimi", "الدليمي"],
  ["al-Saadi", "السعدي"],
  ["al-Obeidi", "العبيدي"],
  ["al-Rubaie", "الربيعي"],
  ["al-Husseini", "الحسيني"],
];

/** 120 people from name parts: enough spread that no single person becomes a super-node. */
const people: PoolActor[] = firstNames.flatMap(([fn, fa]) =>
  familyNames.map(([ln, la]) =>
    actor(`${fn}-${ln}`.toLowerCase(), `${fn} ${ln}`, `${fa} ${la}`, "PERSON", [la.replace(/^ال/, "")]),
  ),
);

export const ACTORS: PoolActor[] = [...organisations, ...people];

const country = (code: string, slug: string, name: string, nameAr: string, lat: number, lon: number): PoolLocation => ({
  id: `location:syn-${slug}`,
  name,
  nameAr,
  kind: "COUNTRY",
  countryCode: code,
  point: { latitude: lat, longitude: lon },
});

export const COUNTRIES: PoolLocation[] = [
  country("IQ", "iraq", "Iraq", "العراق", 33, 44),
  country("SY", "syria", "Syria", "سوريا", 35, 38.5),
  country("LB", "lebanon", "Lebanon", "لبنان", 33.85, 35.86),
  country("YE", "yemen", "Yemen", "اليمن", 15.55, 48.52),
  country("JO", "jordan", "Jordan", "الأردن", 31.2, 36.5),
  country("IR", "iran", "Iran", "إيران", 32.4, 53.7),
];

const place = (
  code: string,
  slug: string,
  name: string,
  nameAr: string,
  kind: LocationKind,
  lat: number,
  lon: number,
): PoolLocation => {
  const parent = COUNTRIES.find((c) => c.countryCode === code);
  return { ...country(code, slug, name, nameAr, lat, lon), kind, within: parent?.id };
};

export const PLACES: PoolLocation[] = [
  place("IQ", "baghdad", "Baghdad", "بغداد", "CITY", 33.31, 44.36),
  place("IQ", "basra", "Basra", "البصرة", "CITY", 30.51, 47.78),
  place("IQ", "mosul", "Mosul", "الموصل", "CITY", 36.34, 43.13),
  place("IQ", "erbil", "Erbil", "أربيل", "CITY", 36.19, 44.01),
  place("IQ", "kirkuk", "Kirkuk", "كركوك", "CITY", 35.47, 44.39),
  place("IQ", "fallujah", "Fallujah", "الفلوجة", "CITY", 33.35, 43.78),
  place("IQ", "ain-al-asad", "Ain al-Asad Air Base", "قاعدة عين الأسد", "MILITARY_BASE", 33.8, 42.44),
  place("IQ", "victory-base", "Victory Base", "قاعدة فكتوريا", "MILITARY_BASE", 33.29, 44.23),
  place("IQ", "anbar", "Anbar", "الأنبار", "PROVINCE", 33.4, 42.2),
  place("SY", "damascus", "Damascus", "دمشق", "CITY", 33.51, 36.29),
  place("SY", "aleppo", "Aleppo", "حلب", "CITY", 36.2, 37.13),
  place("SY", "deir-ez-zor", "Deir ez-Zor", "دير الزور", "CITY", 35.33, 40.14),
  place("SY", "al-tanf", "Al-Tanf Garrison", "قاعدة التنف", "MILITARY_BASE", 33.5, 38.62),
  place("SY", "conoco", "Conoco Gas Field", "حقل كونيكو", "FACILITY", 35.4, 40.3),
  place("LB", "beirut", "Beirut", "بيروت", "CITY", 33.89, 35.5),
  place("LB", "tyre", "Tyre", "صور", "CITY", 33.27, 35.2),
  place("YE", "sanaa", "Sanaa", "صنعاء", "CITY", 15.37, 44.19),
  place("YE", "hodeidah", "Hodeidah", "الحديدة", "CITY", 14.8, 42.95),
  place("JO", "amman", "Amman", "عمّان", "CITY", 31.95, 35.93),
  place("JO", "tower-22", "Tower 22", "البرج 22", "MILITARY_BASE", 33.32, 38.69),
  place("IR", "tehran", "Tehran", "طهران", "CITY", 35.69, 51.39),
];

/** Verb phrases per event type the generator writes: [English, Arabic]. Keys are the vocabulary's types. */
export const VERBS = {
  ATTACK: ["attacked", "هاجم"],
  AIRSTRIKE: ["carried out an air strike on", "شنّ غارة جوية على"],
  SHELLING: ["shelled positions of", "قصف مواقع"],
  ARMED_CLASH: ["clashed with", "اشتبك مع"],
  THREAT: ["threatened", "هدّد"],
  CEASEFIRE: ["agreed a truce with", "أعلن هدنة مع"],
  NEGOTIATION: ["negotiated with", "تفاوض مع"],
  MEETING: ["met", "التقى"],
  ANNOUNCEMENT: ["made an announcement about", "أصدر بيانا بشأن"],
  PROTEST: ["protested against", "احتج على"],
  ARREST: ["arrested members of", "اعتقل عناصر من"],
  DEPLOYMENT: ["deployed alongside", "انتشر إلى جانب"],
} satisfies Partial<Record<EventType, [string, string]>>;

/** The event types the generator draws from: those it has a verb for, in this order. */
export const EVENT_TYPES = Object.keys(VERBS) as (keyof typeof VERBS)[];
