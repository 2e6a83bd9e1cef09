// The six kinds of Ségur software (RULES §2) as the ASP file and people write them: "DPI", "DPI - Dossier
// patient informatisé", "Radiologie", "RIS", "Plateforme d'intermédiation"… Only a text naming one kind is
// read; "DPI + RI" names two and is refused rather than split.
import { SEGUR_KIND_LABELS, type SegurKind } from '../../../domain/observations/indicators'
import { fold, type CellReading } from '../cell-values'

/** Words or acronyms of each kind, matched as whole words in the folded text. */
const KIND_PATTERNS: readonly (readonly [SegurKind, RegExp])[] = [
  ['dpi', /\bdpi\b|\bdossiers? patients? informatise|\bdossiers? patients?\b/],
  ['pfi', /\bpfi\b|\bplate-?formes? d'?intermediation|\bintermediation\b/],
  ['ri', /\bri\b|\breferentiels? d'?identit|\bidentito/],
  ['loinc', /\bloinc\b|\btranscodage\b/],
  ['sgl', /\bsgl\b|\bsil\b|\bgestion de laboratoire|\blaboratoires?\b|\bbiologie\b/],
  ['radio', /\bradio\b|\bris\b|\bradiolog|\bimagerie\b/],
]

export function readSegurKind(raw: string): CellReading<SegurKind> {
  const text = fold(raw)
  let kinds = KIND_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind)
  // LOINC is the transcoding of the lab catalogue: "catalogue de biologie LOINC" names LOINC, not the SGL.
  if (kinds.includes('loinc')) kinds = kinds.filter((k) => k !== 'sgl')
  const [kind] = kinds
  if (kind !== undefined && kinds.length === 1) return { ok: true, value: kind }
  const accepted = Object.values(SEGUR_KIND_LABELS).join(', ')
  return {
    ok: false,
    reason:
      kinds.length > 1
        ? `« ${raw} » désigne plusieurs logiciels (${kinds.map((k) => SEGUR_KIND_LABELS[k]).join(', ')}) : une ligne par logiciel`
        : `« ${raw} » n'est pas un type de logiciel Ségur (${accepted})`,
  }
}
