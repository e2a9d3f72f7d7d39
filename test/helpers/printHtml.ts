/** Reading rendered print HTML back as text in the tests. */

/** The visible text of a print document: head dropped, block tags → spaces, entities decoded. */
export function visibleText(html: string): string {
  const body = html.replace(/<head>[\s\S]*?<\/head>/, '');
  return body
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<\/?(span|b|i|small|strong|em)(\s[^>]*)?>/g, '') // inline: no word break
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of each <section class="page …"> (one per form copy). */
export function pageTexts(html: string): string[] {
  return [...html.matchAll(/<section class="page[^"]*">([\s\S]*?)<\/section>/g)].map((m) =>
    visibleText(`<body>${m[1] ?? ''}</body>`),
  );
}

/** Inline SVGs of a kind: 'qr' (QR code) or 'code128' (Code 128 barcode). */
export function svgs(html: string, kind: 'qr' | 'code128'): string[] {
  return [...html.matchAll(/<svg[^>]*class="([^"]+)"[\s\S]*?<\/svg>/g)]
    .filter((m) => m[1] === kind)
    .map((m) => m[0]);
}

/** Whitespace collapsed, for comparing with pdftotext output. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
