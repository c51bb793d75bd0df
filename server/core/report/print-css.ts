// The stylesheet inlined into every printable page (A4, self-contained, no web fonts).
export const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #1f4f7f; padding-bottom: 1mm; color: #1f4f7f; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1.5mm 0; }
.muted { color: #555; }
.small { font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #e8eef5; font-weight: 600; }
td.n, th.n { text-align: right; }
table.trace { font-size: 8.5pt; }
dl.facts { display: grid; grid-template-columns: 45mm 1fr; gap: 0.8mm 4mm; margin: 2mm 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.verdict-yes { color: #a00000; font-weight: 700; }
.verdict-no { color: #1c6b2a; font-weight: 700; }
.placeholder { background: #fff4c2; }
.banner { border: 1pt solid #c08000; background: #fff8e0; padding: 2mm 3mm; margin: 3mm 0; }
figure { margin: 2mm 0; }
figure img, svg.sketch { width: 100%; height: auto; border: 0.5pt solid #999; }
figcaption { font-size: 8.5pt; color: #555; }
section.notification { page-break-after: always; break-after: page; }
section.notification:last-of-type { page-break-after: auto; break-after: auto; }
header.doc { border-bottom: 2pt solid #1f4f7f; margin-bottom: 3mm; }
footer.doc { margin-top: 6mm; font-size: 8.5pt; color: #555; }
@media print { a { color: inherit; text-decoration: none; } body { padding: 0; } }
`;
