// The monthly report's PDF building blocks on pdfkit: A4 pages, DejaVu Sans (embedded, subset: the reports
// carry any character a name or an explanation may hold — ’ « » − … — where the standard PDF fonts know
// WinAnsi only), headings, tables kept on one page where they fit, and simple bar charts beside them.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

export type Pdf = InstanceType<typeof PDFDocument>

const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`)

export const FONTS = { regular: 'report-regular', bold: 'report-bold' } as const
/** DSFR's "bleu France" and a light blue for table headers. */
export const BLUE = '#000091'
const HEADER_FILL = '#e3e3fd'
const RULE = '#cecece'
const MARGIN = 45

export function reportDocument(info: { title: string; subject: string }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    // Pages stay open until the end so that each gets "page n sur N".
    bufferPages: true,
    autoFirstPage: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Author: 'Jalon', Creator: 'Jalon' },
  })
  doc.registerFont(FONTS.regular, fontFile('DejaVuSans.ttf'))
  doc.registerFont(FONTS.bold, fontFile('DejaVuSans-Bold.ttf'))
  doc.font(FONTS.regular).fontSize(9)
  return doc
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right

/** Starts a new page unless `height` points are left on this one. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage()
}

export function sectionHeading(doc: Pdf, text: string): void {
  ensureRoom(doc, 120)
  doc.moveDown(0.8)
  doc.font(FONTS.bold).fontSize(14).fillColor(BLUE).text(text, doc.page.margins.left)
  doc.moveDown(0.3)
  doc.fillColor('black').font(FONTS.regular).fontSize(9)
}

/** `room`: the height of what follows, kept on the same page when it fits on one. */
export function subHeading(doc: Pdf, text: string, room = 60): void {
  ensureRoom(doc, Math.min(room + 30, doc.page.maxY() - doc.page.margins.top))
  doc.moveDown(0.6)
  doc.font(FONTS.bold).fontSize(10).fillColor('black').text(text, doc.page.margins.left)
  doc.moveDown(0.2)
  doc.font(FONTS.regular).fontSize(9)
}

export function paragraph(doc: Pdf, text: string, size = 9): void {
  doc.font(FONTS.regular).fontSize(size).fillColor('black').text(text, doc.page.margins.left)
}

export interface PdfColumn {
  header: string
  /** Share of the content width (the shares of a table add up to 1). */
  width: number
  align?: 'left' | 'right'
}

const FONT_SIZE = 8
const PADDING = 3

/** The height of a row whose cells wrap to their columns. */
function rowHeight(doc: Pdf, columns: readonly PdfColumn[], cells: readonly string[], header: boolean) {
  doc.font(header ? FONTS.bold : FONTS.regular).fontSize(fontSize(columns, header))
  const width = contentWidth(doc)
  const heights = cells.map((text, i) =>
    doc.heightOfString(text, { width: (columns[i]?.width ?? 0) * width - 2 * PADDING }),
  )
  return Math.max(FONT_SIZE, ...heights) + 2 * PADDING
}

/** Many narrow columns (a total and seven document types) get a smaller header, so words are not cut. */
const fontSize = (columns: readonly PdfColumn[], header: boolean) =>
  header && columns.length > 6 ? FONT_SIZE - 1.5 : FONT_SIZE

/** A row's cells drawn at `y`, each wrapped to its column; returns the row's height. */
function drawRow(
  doc: Pdf,
  columns: readonly PdfColumn[],
  cells: readonly string[],
  y: number,
  header: boolean,
): number {
  const font = header ? FONTS.bold : FONTS.regular
  const height = rowHeight(doc, columns, cells, header)
  const width = contentWidth(doc)
  const widths = columns.map((c) => c.width * width)
  const left = doc.page.margins.left
  if (header) doc.rect(left, y, width, height).fill(HEADER_FILL)
  let x = left
  cells.forEach((text, i) => {
    const cellWidth = widths[i] ?? 0
    doc
      .fillColor('black')
      .font(font)
      .fontSize(fontSize(columns, header))
      .text(text, x + PADDING, y + PADDING, {
        width: cellWidth - 2 * PADDING,
        align: columns[i]?.align ?? 'left',
      })
    x += cellWidth
  })
  doc
    .moveTo(left, y + height)
    .lineTo(left + width, y + height)
    .lineWidth(0.5)
    .stroke(RULE)
  return height
}

/** The height a table takes, its header included. */
export function tableHeight(doc: Pdf, columns: readonly PdfColumn[], rows: readonly (readonly string[])[]) {
  const header = rowHeight(
    doc,
    columns,
    columns.map((c) => c.header),
    true,
  )
  return rows.reduce((sum, row) => sum + rowHeight(doc, columns, row, false), header)
}

/**
 * A table with a header row under its title, drawn cell by cell (pdfkit's own tables measure each cell
 * through the font's full layout, which took seconds per report): the title and the table kept on one page
 * when they fit on one, otherwise the header drawn again at the top of each page the table runs onto.
 */
export function table(
  doc: Pdf,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
  title?: string,
): void {
  const header = columns.map((c) => c.header)
  const titleHeight = title ? doc.font(FONTS.bold).fontSize(10).heightOfString(title) + 20 : 0
  const whole = titleHeight + tableHeight(doc, columns, rows)
  const pageRoom = doc.page.maxY() - doc.page.margins.top
  ensureRoom(doc, whole < pageRoom ? whole : titleHeight + 80)
  if (title) subHeading(doc, title, 0)
  let y = doc.y
  y += drawRow(doc, columns, header, y, true)
  for (const row of rows) {
    const height = rowHeight(doc, columns, row, false)
    if (y + height > doc.page.maxY()) {
      doc.addPage()
      y = doc.page.margins.top
      y += drawRow(doc, columns, header, y, true)
    }
    y += drawRow(doc, columns, row, y, false)
  }
  doc.x = doc.page.margins.left
  doc.y = y
  doc.font(FONTS.regular).fontSize(9)
  doc.moveDown(0.5)
}

/** Vertical bars of a series of counts, labelled underneath; the table beside it gives the figures. */
/** The room a bar chart takes, its labels included. */
export const BAR_CHART_HEIGHT = 100

export function barChart(doc: Pdf, bars: readonly { label: string; value: number | null }[]): void {
  const height = BAR_CHART_HEIGHT - 20
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0))
  if (bars.length === 0 || max === 0) return
  ensureRoom(doc, BAR_CHART_HEIGHT)
  const left = doc.page.margins.left
  const top = doc.y + 4
  // At most 12 points: narrow bars even when there are only a few.
  const slot = contentWidth(doc) / Math.max(bars.length, 12)
  doc.save()
  doc
    .moveTo(left, top + height)
    .lineTo(left + contentWidth(doc), top + height)
    .lineWidth(0.5)
    .stroke(RULE)
  bars.forEach((bar, i) => {
    const barHeight = ((bar.value ?? 0) / max) * height
    const x = left + i * slot + slot * 0.2
    if (barHeight > 0) doc.rect(x, top + height - barHeight, slot * 0.6, barHeight).fill(BLUE)
    doc
      .fillColor('black')
      .font(FONTS.regular)
      .fontSize(6.5)
      .text(bar.label, left + i * slot, top + height + 3, { width: slot, align: 'center', lineBreak: false })
  })
  doc.restore()
  doc.x = left
  doc.y = top + height + 16
}

/** "Jalon — … — page n sur N" at the foot of every page, once all pages exist. */
export function numberPages(doc: Pdf, footer: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    // Written inside the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0
    doc
      .font(FONTS.regular)
      .fontSize(7.5)
      .fillColor('#666666')
      .text(
        `${footer} — page ${i + 1 - range.start} sur ${range.count}`,
        doc.page.margins.left,
        doc.page.height - 35,
        {
          width: contentWidth(doc),
          align: 'center',
          lineBreak: false,
        },
      )
    doc.page.margins.bottom = bottom
  }
}
