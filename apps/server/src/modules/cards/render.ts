/** One household's 民情联心卡, as printed. */
export interface ContactCard {
  headName: string;
  address: string;
  unitPath: string;
  representative: { name: string; phone: string | null } | null;
  groupLeader: { name: string; phone: string | null } | null;
  zoneLeader: { name: string; phone: string | null } | null;
  hotline: string | null;
  reportUrl: string;
  qrSvg: string;
}

export function esc(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const person = (label: string, p: { name: string; phone: string | null } | null) =>
  `<tr><th>${label}</th><td>${p ? `${esc(p.name)}${p.phone ? ` <span class="tel">${esc(p.phone)}</span>` : ''}` : '<span class="none">（暂无）</span>'}</td></tr>`;

function card(c: ContactCard): string {
  return `<section class="card">
  <h2>民情联心卡</h2>
  <p class="unit">${esc(c.unitPath)}</p>
  <table>
    <tr><th>户主</th><td>${esc(c.headName)}</td></tr>
    <tr><th>住址</th><td>${esc(c.address)}</td></tr>
    ${person('联系代表', c.representative)}
    ${person('组长', c.groupLeader)}
    ${person('片长', c.zoneLeader)}
    <tr><th>村便民热线</th><td>${c.hotline ? `<span class="tel">${esc(c.hotline)}</span>` : '<span class="none">（未设置）</span>'}</td></tr>
  </table>
  <div class="qr">${c.qrSvg}<p>有事扫一扫，一分钟反映问题<br><span class="url">${esc(c.reportUrl)}</span></p></div>
</section>`;
}

/**
 * A printable A4 page set: six cards per page (2 × 3), cut lines, nothing but HTML and CSS so it
 * prints the same from any browser (and from WPS when saved).
 */
export function renderCards(title: string, cards: ContactCard[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 8mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #111; }
  .toolbar { padding: 8px; background: #f5f5f5; border-bottom: 1px solid #ddd; }
  .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; padding: 4mm; }
  .card { border: 1px dashed #888; padding: 3mm 4mm; height: 90mm; break-inside: avoid; page-break-inside: avoid; display: flex; flex-direction: column; }
  .card:nth-child(6n) { break-after: page; page-break-after: always; }
  h2 { margin: 0; font-size: 15pt; text-align: center; color: #b00; letter-spacing: 4px; }
  .unit { margin: 1mm 0; text-align: center; font-size: 9pt; color: #444; }
  table { border-collapse: collapse; font-size: 10pt; width: 100%; }
  th { text-align: left; white-space: nowrap; width: 22mm; color: #333; font-weight: normal; padding: 0.6mm 0; vertical-align: top; }
  td { padding: 0.6mm 0; }
  .tel { font-weight: bold; letter-spacing: 0.5px; }
  .none { color: #999; }
  .qr { margin-top: auto; display: flex; align-items: center; gap: 3mm; }
  .qr svg { width: 26mm; height: 26mm; flex: none; }
  .qr p { margin: 0; font-size: 9pt; }
  .url { font-size: 6.5pt; color: #666; word-break: break-all; }
  @media print { .toolbar { display: none; } .sheet { padding: 0; } }
</style>
</head>
<body>
<div class="toolbar">${esc(title)} · 共 ${cards.length} 张 · <button onclick="window.print()">打印</button></div>
<main class="sheet">
${cards.map(card).join('\n')}
</main>
</body>
</html>`;
}
