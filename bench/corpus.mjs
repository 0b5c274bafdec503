// The bench corpus: a site model of K distinct URLs in a realistic mix, Markdown and .docx letters
// that print them, KCC briefings for most letters, and the routes of the fixture site that serves
// them after a set latency. Deterministic: the same options give the same corpus.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, ExternalHyperlink, Footer, Header, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { page } from '../fixtures/site/server.mjs';

export const OWN = 'voorbeeldstad.example';
export const OWN_WWW = `www.${OWN}`;

/** Small fast deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ['afval', 'Afval'], ['grofvuil', 'Grofvuil'], ['parkeren', 'Parkeren'], ['paspoort', 'Paspoort'], ['rijbewijs', 'Rijbewijs'],
  ['belastingen', 'Belastingen'], ['kwijtschelding', 'Kwijtschelding'], ['wmo', 'Wmo'], ['bijstand', 'Bijstand'],
  ['omgevingsvergunning', 'Omgevingsvergunning'], ['evenementen', 'Evenementen'], ['verhuizen', 'Verhuizen'],
  ['geboorte', 'Geboorte'], ['trouwen', 'Trouwen'], ['bomen', 'Bomen'], ['subsidie', 'Subsidie'], ['jeugdhulp', 'Jeugdhulp'],
  ['schuldhulp', 'Schuldhulp'], ['energietoeslag', 'Energietoeslag'], ['hondenbelasting', 'Hondenbelasting'], ['woz', 'WOZ'],
  ['riolering', 'Riolering'], ['leerlingenvervoer', 'Leerlingenvervoer'], ['zonnepanelen', 'Zonnepanelen'], ['mantelzorg', 'Mantelzorg'],
];
const ACTIONS = [
  ['aanvragen', 'Aanvragen'], ['verlengen', 'Verlengen'], ['wijzigen', 'Wijzigen'], ['opzeggen', 'Opzeggen'], ['betalen', 'Betalen'],
  ['bezwaar-maken', 'Bezwaar_Maken'], ['melden', 'Melden'], ['afspraak-maken', 'Afspraak_Maken'], ['vragen', 'Veelgestelde_Vragen'],
  ['voorwaarden', 'Voorwaarden'], ['kosten', 'Kosten'], ['machtigen', 'Machtigen'],
];

/**
 * K distinct printed URLs (paths on one site): ~55 % pretty, ~25 % long CMS URLs with a query,
 * ~12 % redirects (one hop to a page nobody prints), ~8 % dead (404).
 * Each: { path, kind: 'page'|'cms'|'redirect'|'dead', target?, title }.
 */
export function siteModel(k, seed = 7) {
  const rnd = prng(seed);
  const combos = [];
  for (const t of TOPICS) for (const a of ACTIONS) combos.push([t, a]);
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [combos[i], combos[j]] = [combos[j], combos[i]];
  }
  const urls = [];
  for (let i = 0; i < k; i++) {
    const [[topic, Topic], [action, Action]] = combos[i % combos.length];
    const round = Math.floor(i / combos.length);
    const suffix = round ? `-${round + 1}` : '';
    const title = `${Topic} ${action.replace(/-/g, ' ')}${suffix ? ` (${round + 1})` : ''} | Gemeente Voorbeeldstad`;
    const r = (i * 37) % 100; // a fixed, well-spread mix
    if (r < 55) urls.push({ path: `/${topic}/${action}${suffix}`, kind: 'page', title });
    else if (r < 80) urls.push({ path: `/Content/${Topic}/${Topic}_${Action}${suffix ? `_${round + 1}` : ''}.aspx?id=${4000 + i}&ref=brief`, kind: 'cms', title });
    else if (r < 92) urls.push({ path: `/${topic}-${action}${suffix}`, kind: 'redirect', target: `/nieuw/${topic}/${action}${suffix}`, title });
    else urls.push({ path: `/campagne-2025/${topic}-${action}${suffix}`, kind: 'dead', title });
  }
  return urls;
}

/** Every URL path a checker must request once: the printed ones and the redirect targets. */
export function requiredPaths(model) {
  return [...model.map((u) => u.path), ...model.filter((u) => u.target).map((u) => u.target)];
}

/** Route function for startSiteServer: the model on 127.0.0.1 and on the own domain (with www and http). */
export function siteRoutes(model, latencyMs) {
  const byPath = new Map();
  for (const u of model) {
    byPath.set(u.path, u.kind === 'redirect' ? { redirect: u.target, delayMs: latencyMs } : u.kind === 'dead' ? undefined : { title: u.title, body: page(u.title, PAGE_BODY), delayMs: latencyMs });
    if (u.target) byPath.set(u.target, { body: page(u.title, PAGE_BODY), delayMs: latencyMs });
  }
  const notFound = { status: 404, body: page('Pagina niet gevonden', '<p>Deze pagina bestaat niet (meer).</p>'), delayMs: latencyMs };
  return {
    '*': ({ scheme, host, path }) => {
      if (host === OWN || host === OWN_WWW) {
        if (scheme === 'http') return { redirect: `https://${host}${path}`, delayMs: latencyMs };
        if (host === OWN_WWW) return { redirect: `https://${OWN}${path}`, delayMs: latencyMs };
      }
      return byPath.get(path) ?? notFound;
    },
  };
}

const PAGE_BODY = `<p>Op deze pagina leest u wat u moet doen, wat het kost en hoe lang het duurt.</p>
<h2>Wat moet u doen?</h2><p>Log in met DigiD en vul het formulier in. U krijgt binnen 8 weken een besluit.</p>
<h2>Kosten</h2><p>De kosten staan in de tabel met tarieven van dit jaar.</p>`.repeat(2);

/** How a URL is printed in a letter. style: 'loopback' (full link to 127.0.0.1:port) or 'own' (as residents read it). */
export function printed(u, style, port) {
  if (style === 'loopback') return `<http://127.0.0.1:${port}${u.path}>`;
  if (u.kind === 'cms') return `https://www.${OWN}${u.path}`;
  return `${OWN}${u.path}`;
}

const SUBJECTS = ['Uw aanvraag', 'Wijziging', 'Herinnering', 'Besluit op uw aanvraag', 'Belangrijke informatie over', 'Nieuw in 2027:'];
const SENTENCES = [
  (u) => `Meer informatie vindt u op ${u}.`,
  (u) => `U kunt dit regelen via ${u}. U logt in met uw DigiD.`,
  (u) => `Kijk voor de voorwaarden op ${u}`,
  (u) => `Heeft u vragen? Lees eerst ${u} of bel ons op 14 0123.`,
  (u) => `Wilt u bezwaar maken? Dat kan binnen zes weken via ${u}.`,
];
const FILLER = [
  'Wij hebben uw gegevens gecontroleerd. Hieronder leest u wat dit voor u betekent.',
  'U hoeft niets te doen als uw situatie niet is veranderd.',
  'Bewaar deze brief goed. U heeft hem later misschien nodig.',
  'De gemeente helpt u graag als u er niet uitkomt. Maak dan een afspraak aan de balie.',
  'Wij sturen deze brief aan alle inwoners van Voorbeeldstad die het betreft.',
];

/**
 * Which URLs each letter prints: every URL at least once (letter i gets URL i mod K), then 1–4
 * more drawn with a skew (some pages are in many letters, most in a few).
 */
export function letterPlan(letters, model, seed = 11) {
  const rnd = prng(seed);
  const plan = [];
  for (let i = 0; i < letters; i++) {
    const chosen = new Set([i % model.length]);
    const extra = 1 + Math.floor(rnd() * 4);
    for (let e = 0; e < extra; e++) chosen.add(Math.floor(model.length * rnd() ** 2));
    plan.push([...chosen].map((x) => model[x]));
  }
  return plan;
}

const pad = (n, w = 5) => String(n).padStart(w, '0');
const letterId = (prefix, i) => `${prefix}-${pad(i)}`;
const mailing = (i) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;

function markdownLetter(id, i, urls, style, port) {
  const topic = urls[0].title.split(' ')[0];
  const lines = [
    '---',
    `id: ${id}`,
    `kenmerk: ZK/2026/${pad(i, 6)}`,
    `title: "${SUBJECTS[i % SUBJECTS.length]} ${topic.toLowerCase()}"`,
    `mailingDate: ${mailing(i)}`,
    `recipients: ${100 + ((i * 7919) % 9000)}`,
    `owner: Team ${topic}`,
    '---',
    '',
    `# ${SUBJECTS[i % SUBJECTS.length]} ${topic.toLowerCase()}`,
    '',
    'Beste inwoner,',
    '',
    FILLER[i % FILLER.length],
    '',
  ];
  urls.forEach((u, k) => {
    lines.push(`${FILLER[(i + k + 1) % FILLER.length]} ${SENTENCES[(i + k) % SENTENCES.length](printed(u, style, port))}`, '');
  });
  lines.push('Met vriendelijke groet,', '', `Team ${topic}`, 'Gemeente Voorbeeldstad', '');
  return lines.join('\n');
}

function briefing(ids, urls, style, port, i) {
  const list = [...new Set(urls.map((u) => printed(u, style, port).replace(/^<|>$/g, '')))];
  return [
    '---',
    `title: "KCC-briefing: mailing ${i}"`,
    `letters: [${ids.join(', ')}]`,
    'validFrom: 2026-01-01',
    'validUntil: 2030-12-31',
    'urls:',
    ...list.map((u) => `  - "${u}"`),
    'phone:',
    '  - 14 0123',
    'owner: Team KCC',
    'updated: 2026-01-01',
    '---',
    '',
    `# KCC-briefing: mailing ${i}`,
    '',
    '## Wat vertellen we bellers',
    '',
    '- Verwijs naar de pagina in de brief; bij twijfel een afspraak aan de balie.',
    '',
  ].join('\n');
}

/**
 * A Markdown corpus in `dir`: brieven/*.md, kcc/*.md (one briefing per mailing of 5 letters; every
 * tenth mailing has none), brieflint.config.json (`config`). Returns the plan.
 */
export async function writeMarkdownCorpus(dir, { letters, model, style, port, config, prefix = 'brief', subdir = 'brieven', seed }) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, subdir), { recursive: true });
  await mkdir(join(dir, 'kcc'), { recursive: true });
  const plan = letterPlan(letters, model, seed);
  await writeAll(plan.map((urls, i) => [join(dir, subdir, `${letterId(prefix, i)}.md`), markdownLetter(letterId(prefix, i), i, urls, style, port)]));
  await writeBriefings(dir, plan, prefix, style, port);
  if (config) await writeFile(join(dir, 'brieflint.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return plan;
}

async function writeBriefings(dir, plan, prefix, style, port) {
  const out = [];
  for (let start = 0, m = 0; start < plan.length; start += 5, m++) {
    if (m % 10 === 9) continue;
    const ids = [];
    const urls = [];
    for (let i = start; i < Math.min(plan.length, start + 5); i++) {
      ids.push(letterId(prefix, i));
      urls.push(...plan[i]);
    }
    out.push([join(dir, 'kcc', `${prefix}-mailing-${pad(m)}.md`), briefing(ids, urls, style, port, m)]);
  }
  await writeAll(out);
}

async function writeAll(entries, width = 64) {
  for (let i = 0; i < entries.length; i += width) {
    await Promise.all(entries.slice(i, i + width).map(([path, text]) => writeFile(path, text)));
  }
}

/** A letterhead logo: a wide two-tone PNG (600 × 150), as gemeenten put in the header. */
function logoPng() {
  const png = new PNG({ width: 600, height: 150 });
  for (let y = 0; y < 150; y++) {
    for (let x = 0; x < 600; x++) {
      const i = (y * 600 + x) * 4;
      const ink = (x > 20 && x < 150 && y > 20 && y < 130) || (x > 180 && x < 580 && y > 60 && y < 90);
      png.data[i] = ink ? 0 : 255;
      png.data[i + 1] = ink ? 84 : 255;
      png.data[i + 2] = ink ? 166 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
let logo;

/** A QR code picture as Word letters hold one (PNG, 6 pixels a module). */
async function qrRun(payload) {
  const data = await QRCode.toBuffer(payload, { margin: 4, scale: 6, errorCorrectionLevel: 'M' });
  return new ImageRun({ type: 'png', data, transformation: { width: 100, height: 100 } });
}

/**
 * One .docx letter (Word, via the `docx` package): header, footer, hyperlinks with the printed text.
 * With `images`: a logo in the header, a QR code to the first address in the body, one to the
 * contact page in the footer (three pictures: two codes to read, one logo to skip).
 */
async function docxLetter(id, i, urls, images = false) {
  const topic = urls[0].title.split(' ')[0];
  const body = [new Paragraph('Beste inwoner,'), new Paragraph(FILLER[i % FILLER.length])];
  if (images) {
    const first = printed(urls[0], 'own');
    body.push(new Paragraph({ children: [new TextRun(`Scan de QR-code of ga naar ${first}. `), await qrRun(first.startsWith('https://') ? first : `https://${first}`)] }));
  }
  urls.forEach((u, k) => {
    const shown = printed(u, 'own');
    const href = shown.startsWith('https://') ? shown : `https://${shown}`;
    const [before, after] = SENTENCES[(i + k) % SENTENCES.length]('\u0000').split('\u0000');
    body.push(new Paragraph(FILLER[(i + k + 2) % FILLER.length]));
    body.push(
      new Paragraph({
        children: [
          new TextRun(before),
          new ExternalHyperlink({ link: href, children: [new TextRun({ text: shown, style: 'Hyperlink' })] }),
          new TextRun(after),
        ],
      }),
    );
  });
  body.push(new Paragraph('Met vriendelijke groet,'), new Paragraph(`Team ${topic}`));
  const doc = new Document({
    creator: `Team ${topic}`,
    title: `${SUBJECTS[i % SUBJECTS.length]} ${topic.toLowerCase()}`,
    subject: id,
    sections: [
      {
        headers: {
          default: new Header({
            children: images
              ? [new Paragraph({ children: [new ImageRun({ type: 'png', data: (logo ??= logoPng()), transformation: { width: 200, height: 50 } })] }), new Paragraph('Gemeente Voorbeeldstad')]
              : [new Paragraph('Gemeente Voorbeeldstad')],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun(`${OWN} · telefoon 14 0123 · Postbus 1, 1234 AB Voorbeeldstad`),
                  ...(images ? [new TextRun(' '), await qrRun(`https://${OWN}/contact`)] : []),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** `count` .docx letters in `dir` (own-domain URLs as printed); `images`: with a logo and two QR codes each. */
export async function writeDocxCorpus(dir, { letters, model, prefix = 'sjabloon', seed = 13, images = false }) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const plan = letterPlan(letters, model, seed);
  for (let i = 0; i < plan.length; i += 16) {
    const batch = plan.slice(i, i + 16).map(async (urls, k) => {
      const id = letterId(prefix, i + k);
      await writeFile(join(dir, `${id}.docx`), await docxLetter(id, i + k, urls, images));
    });
    await Promise.all(batch);
  }
  return plan;
}
