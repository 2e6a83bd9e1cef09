import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { FIXTURE_LINES } from '../../test/support/fixture'
import { parseEtalabExtract } from './finess/etalab-parser'
import { decodeTextFile, repairMojibake } from './decode'

describe('decoding source files', () => {
  it.each([
    ['UTF-8', Buffer.from('Libellé', 'utf8'), 'utf-8', 'Libellé'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Libellé')]),
      'utf-8',
      'Libellé',
    ],
    ['Windows-1252', iconv.encode('Libellé’', 'windows-1252'), 'windows-1252', 'Libellé’'],
  ])('reads %s', (_label, raw, encoding, text) => {
    expect(decodeTextFile('f.csv', raw)).toMatchObject({ encoding, text })
  })

  it('repairs a UTF-8 line read as Windows-1252, and only such a line', () => {
    expect(repairMojibake("CENTRE MÃ©DICO-PSYCHOLOGIQUE D'Ã‰TAT â€™")).toBe(
      "CENTRE MéDICO-PSYCHOLOGIQUE D'ÉTAT ’",
    )
    // A real Windows-1252 character beside the damage makes the line ambiguous: left as it is.
    expect(repairMojibake('MÃ©DICAL ’')).toBeNull()
    expect(repairMojibake('Centre médico-psychologique')).toBeNull()
    // "Ã" followed by a letter is plain text (ÃLE is not a real word, but no UTF-8 sequence reads that way).
    expect(repairMojibake('MAISON Ã LOUER')).toBeNull()
  })

  it('repairs the UTF-8 lines of a Windows-1252 extract with a warning per line', () => {
    const fleyriat = FIXTURE_LINES[1] ?? ''
    const ehpad = FIXTURE_LINES[4] ?? ''
    const latin1 = iconv.encode(`${FIXTURE_LINES[0]}\n${fleyriat}\n`, 'windows-1252')
    const utf8 = Buffer.from(`${ehpad}\n${FIXTURE_LINES.slice(5).join('\n')}\n`, 'utf8')
    const extract = parseEtalabExtract('melange.csv', Buffer.concat([latin1, utf8]))
    expect(extract.encoding).toBe('windows-1252')
    const site = extract.sites.find((s) => s.record.finessEg === '970302287')?.record
    expect(site?.categoryLabel).toBe("Etablissement d'hébergement pour personnes âgées dépendantes")
    expect(extract.issues).toContainEqual(
      expect.objectContaining({ line: 3, code: 'encoding-repaired', severity: 'warning' }),
    )
    expect(extract.sites.find((s) => s.record.finessEg === '010000024')?.record.mftLabel).toBe(
      'ARS établissements Publics de santé dotation globale',
    )
  })
})
