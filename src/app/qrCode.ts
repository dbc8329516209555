import qrcode from "qrcode-generator";
import { escapeHtml } from "../domain/templates/escapeHtml.js";

/**
 * A QR code as an HTML table of dark and light cells. Email clients strip SVG and often block
 * data: images, but every one of them draws a table, so the code scans wherever the invite is read.
 */
export function qrCodeTable(url: string, cellPx = 3): string {
  const qr = qrcode(0, "M");
  qr.addData(url);
  qr.make();
  const n = qr.getModuleCount();
  const rows: string[] = [];
  for (let r = -2; r < n + 2; r++) {
    const cells: string[] = [];
    for (let c = -2; c < n + 2; c++) {
      const dark = r >= 0 && c >= 0 && r < n && c < n && qr.isDark(r, c);
      cells.push(`<td style="width:${cellPx}px;height:${cellPx}px;padding:0;background:${dark ? "#000" : "#fff"}"></td>`);
    }
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  return `<table role="img" aria-label="QR code for ${escapeHtml(url)}" cellpadding="0" cellspacing="0" style="border-collapse:collapse">${rows.join("")}</table>`;
}
