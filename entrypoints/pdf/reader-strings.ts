// The PDF reader's words, in English and Spanish: the toolbar, the "On this document" list, and one plain
// message per problem (problems.ts) — each says what happened and what the reader can do next.
import type { Lang } from '@/glossary/runtime/types';
import type { Problem } from './problems';

export const READER_UI = {
  en: {
    title: 'Legal Lens PDF reader',
    openFile: 'Open a PDF file…',
    dropHint: 'Open a PDF from your computer, or drop one anywhere on this page. It stays on your device: nothing is uploaded.',
    dropHere: 'Drop the PDF to open it',
    howToOpen: 'To explain a PDF from the web, open it in a tab and choose “Explain this PDF” in the Legal Lens toolbar menu, or right-click a link to a PDF and choose “Open with Legal Lens”.',
    loading: (name: string) => `Opening ${name}…`,
    reading: (n: number, total: number) => `Looking for terms: page ${n} of ${total}`,
    page: 'Page',
    of: (n: number) => `of ${n}`,
    previousPage: 'Previous page',
    nextPage: 'Next page',
    zoomOut: 'Zoom out',
    zoomIn: 'Zoom in',
    fitWidth: 'Fit width',
    zoomLevel: 'Zoom',
    find: 'Find in document',
    findPrevious: 'Previous match',
    findNext: 'Next match',
    findCount: (i: number, n: number) => (n === 0 ? 'No matches' : `${i} of ${n}`),
    download: 'Download',
    openOriginal: 'Open original',
    onThisDocument: 'On this document',
    noTermsYet: 'Looking for terms…',
    noTerms: 'No terms from the glossary were found in this document’s text.',
    foundTimes: (n: number) => (n === 1 ? 'found once' : `found ${n} times`),
    noText: 'This PDF has no text layer: its pages are images (it may be a scan). Legal Lens cannot find terms in images.',
    someNoText: (n: number) => `${n === 1 ? 'One page has' : `${n} pages have`} no text (scanned images); terms cannot be found there.`,
    pageError: (n: number) => `Page ${n} could not be drawn: this part of the file may be damaged.`,
    password: 'This PDF is protected with a password.',
    passwordRetry: 'That password did not open it. Check it and try again.',
    passwordLabel: 'Password',
    passwordSubmit: 'Open',
    allowAccess: (origin: string) => `Allow reading PDFs from ${origin}`,
    tryAnotherFile: 'Open another file…',
    disclaimer: 'General information, not legal advice.',
  },
  es: {
    title: 'Lector de PDF de Legal Lens',
    openFile: 'Abrir un archivo PDF…',
    dropHint: 'Abra un PDF de su computadora o suéltelo en cualquier parte de esta página. Se queda en su dispositivo: no se sube nada.',
    dropHere: 'Suelte el PDF para abrirlo',
    howToOpen: 'Para explicar un PDF de la web, ábralo en una pestaña y elija “Explicar este PDF” en el menú de Legal Lens de la barra de herramientas, o haga clic derecho en un enlace a un PDF y elija “Abrir con Legal Lens”.',
    loading: (name: string) => `Abriendo ${name}…`,
    reading: (n: number, total: number) => `Buscando términos: página ${n} de ${total}`,
    page: 'Página',
    of: (n: number) => `de ${n}`,
    previousPage: 'Página anterior',
    nextPage: 'Página siguiente',
    zoomOut: 'Alejar',
    zoomIn: 'Acercar',
    fitWidth: 'Ajustar al ancho',
    zoomLevel: 'Zoom',
    find: 'Buscar en el documento',
    findPrevious: 'Resultado anterior',
    findNext: 'Resultado siguiente',
    findCount: (i: number, n: number) => (n === 0 ? 'Sin resultados' : `${i} de ${n}`),
    download: 'Descargar',
    openOriginal: 'Abrir el original',
    onThisDocument: 'En este documento',
    noTermsYet: 'Buscando términos…',
    noTerms: 'No se encontraron términos del glosario en el texto de este documento.',
    foundTimes: (n: number) => (n === 1 ? 'aparece una vez' : `aparece ${n} veces`),
    noText: 'Este PDF no tiene capa de texto: sus páginas son imágenes (puede ser un escaneo). Legal Lens no puede encontrar términos en imágenes.',
    someNoText: (n: number) => `${n === 1 ? 'Una página no tiene' : `${n} páginas no tienen`} texto (imágenes escaneadas); allí no se pueden encontrar términos.`,
    pageError: (n: number) => `No se pudo mostrar la página ${n}: esta parte del archivo puede estar dañada.`,
    password: 'Este PDF está protegido con una contraseña.',
    passwordRetry: 'Esa contraseña no lo abrió. Revísela y vuelva a intentarlo.',
    passwordLabel: 'Contraseña',
    passwordSubmit: 'Abrir',
    allowAccess: (origin: string) => `Permitir leer archivos PDF de ${origin}`,
    tryAnotherFile: 'Abrir otro archivo…',
    disclaimer: 'Información general, no es asesoría legal.',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type ReaderStrings = (typeof READER_UI)['en'];

/** One plain sentence or two for a problem (problems.ts), in `lang`. */
export function problemMessage(problem: Problem, lang: Lang): string {
  const es = lang === 'es';
  switch (problem.kind) {
    case 'not-pdf':
      return es
        ? 'Este archivo no es un PDF (o está vacío). Elija un archivo que termine en .pdf.'
        : 'This file is not a PDF (or it is empty). Choose a file that ends in .pdf.';
    case 'damaged':
      return es
        ? 'Este PDF está dañado o incompleto, y no se puede leer. Si lo descargó, intente descargarlo otra vez.'
        : 'This PDF is damaged or incomplete and cannot be read. If you downloaded it, try downloading it again.';
    case 'password':
      return problem.retry ? READER_UI[lang].passwordRetry : READER_UI[lang].password;
    case 'needs-access':
      return es
        ? `Su navegador no deja que Legal Lens lea archivos de ${problem.origin} sin su permiso. Permítalo para abrir este PDF aquí (puede retirar el permiso cuando quiera).`
        : `Your browser does not let Legal Lens read files from ${problem.origin} without your permission. Allow it to open this PDF here (you can take the permission back at any time).`;
    case 'unreachable':
      return es
        ? 'No se pudo descargar el PDF: el sitio no respondió. Revise su conexión, o descargue el archivo y ábralo aquí.'
        : 'The PDF could not be downloaded: the site did not answer. Check your connection, or download the file and open it here.';
    case 'http':
      return es
        ? `El sitio no entregó el PDF (error ${problem.status}). Puede que haya que iniciar sesión: ábralo en una pestaña, descárguelo y ábralo aquí.`
        : `The site did not hand over the PDF (error ${problem.status}). It may need you to sign in: open it in a tab, download it, and open it here.`;
    case 'too-large':
      return es ? 'Este archivo es demasiado grande para abrirlo aquí (más de 200 MB).' : 'This file is too large to open here (over 200 MB).';
    case 'bad-address':
      return problem.local
        ? es
          ? 'Los navegadores no dejan que las extensiones lean archivos de su computadora por su dirección. Use “Abrir un archivo PDF…” o suelte el archivo en esta página.'
          : 'Browsers do not let extensions read files on your computer by their address. Use “Open a PDF file…” or drop the file on this page.'
        : es
          ? 'Esta dirección no es la de un PDF en la web (debe empezar con https:// o http://).'
          : 'This address is not one of a PDF on the web (it must start with https:// or http://).';
    case 'unknown':
      return es ? 'No se pudo abrir este PDF.' : 'This PDF could not be opened.';
  }
}
