import { describe, expect, it } from 'vitest'
import { buildZip } from './zip-fixtures'
import { entryText, readZipDirectory, ZipDataError, type ZipEntry } from './zip-directory'

async function textOf(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  let text = ''
  for await (const chunk of entryText(bytes, entry)) text += chunk
  return text
}

describe('ZIP directory', () => {
  it('lists the entries and reads them, deflated or stored', async () => {
    const bytes = buildZip([
      { name: 'a.txt', data: 'été '.repeat(50_000) },
      { name: 'b.txt', data: 'stocké', stored: true },
    ])
    const entries = readZipDirectory(bytes) ?? []
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['a.txt', 8],
      ['b.txt', 0],
    ])
    const [a, b] = entries
    if (!a || !b) throw new Error('entries missing')
    expect(await textOf(bytes, a)).toBe('été '.repeat(50_000))
    expect(await textOf(bytes, b)).toBe('stocké')
  })

  it('finds the directory behind an archive comment', () => {
    const bytes = buildZip([{ name: 'a.txt', data: 'a' }])
    const comment = Buffer.from('commentaire')
    const withComment = Buffer.concat([bytes, comment])
    withComment.writeUInt16LE(comment.length, bytes.length - 2)
    expect(readZipDirectory(withComment)?.map((e) => e.name)).toEqual(['a.txt'])
  })

  it('has no directory to give for a truncated archive or random bytes', () => {
    const bytes = buildZip([{ name: 'a.txt', data: 'a'.repeat(1000) }])
    expect(readZipDirectory(bytes.subarray(0, bytes.length - 1))).toBeNull()
    expect(readZipDirectory(bytes.subarray(0, 10))).toBeNull()
    expect(readZipDirectory(new Uint8Array(100))).toBeNull()
  })

  it('refuses an entry with a wrong CRC or an unknown compression method', async () => {
    const damaged = buildZip([{ name: 'a.txt', data: 'abc', crc: 1 }])
    const [entry] = readZipDirectory(damaged) ?? []
    if (!entry) throw new Error('entry missing')
    await expect(textOf(damaged, entry)).rejects.toThrow(ZipDataError)
    await expect(textOf(damaged, { ...entry, method: 14 })).rejects.toThrow(/compression method 14/)
  })
})
