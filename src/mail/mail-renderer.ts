import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { MAIL_SUBJECTS, type MailTemplateName, type TemplatedMail } from './mail-templates.js';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const TEMPLATES_DIRECTORY = join(import.meta.dirname, 'templates');

type Render = (context: object) => string;

/**
 * Handlebars templates, an HTML and a plain-text part per e-mail inside a
 * shared layout. The HTML engine escapes every `{{value}}`; the text engine
 * does not (it is not HTML). `{{appUrl "article" slug token=t}}` builds a
 * link into the web app, encoding each path segment and query value.
 */
export class MailRenderer {
  private readonly html = Handlebars.create();
  private readonly text = Handlebars.create();
  private readonly templates = new Map<string, { subject: Render; html: Render; text: Render }>();
  private readonly layout: { html: Render; text: Render };

  constructor(publicAppUrl: string) {
    for (const engine of [this.html, this.text]) {
      engine.registerHelper('appUrl', (...args: unknown[]) => {
        const options = args.pop() as Handlebars.HelperOptions;
        const url = new URL(
          [publicAppUrl, ...args.map((segment) => encodeURIComponent(String(segment)))].join('/'),
        );
        for (const [key, value] of Object.entries(options.hash as Record<string, unknown>)) {
          url.searchParams.set(key, String(value));
        }
        return url.toString();
      });
    }
    this.layout = {
      html: this.compileFile(this.html, 'layout.html.hbs'),
      text: this.compileFile(this.text, 'layout.text.hbs'),
    };
    for (const name of Object.keys(MAIL_SUBJECTS) as MailTemplateName[]) {
      this.templates.set(name, {
        subject: this.text.compile(MAIL_SUBJECTS[name], { noEscape: true, strict: true }),
        html: this.compileFile(this.html, `${name}.html.hbs`),
        text: this.compileFile(this.text, `${name}.text.hbs`),
      });
    }
  }

  render(mail: TemplatedMail): RenderedMail {
    const template = this.templates.get(mail.template);
    if (!template) throw new Error(`Unknown e-mail template "${mail.template}"`);
    // One line, whatever the data: a subject is a header.
    const subject = template.subject(mail.data).replace(/\s+/g, ' ').trim();
    const frame = { subject, unsubscribeUrl: mail.unsubscribeUrl };
    return {
      subject,
      html: this.layout.html({ ...frame, body: template.html(mail.data) }),
      text: this.layout.text({ ...frame, body: template.text(mail.data).trim() }).trim() + '\n',
    };
  }

  private compileFile(engine: typeof Handlebars, file: string): Render {
    const source = readFileSync(join(TEMPLATES_DIRECTORY, file), 'utf8');
    return engine.compile(source, { strict: true, noEscape: engine === this.text });
  }
}
