/**
 * The same upload against a self-hosted EkaScribe, logged in with a username and password (docs/self-hosted-ekascribe.md).
 *
 *   SCRIBE_BASE_URL=http://127.0.0.1:8000 SCRIBE_USERNAME=clinic-admin SCRIBE_PASSWORD=... pnpm self-hosted [visit.wav] [template name]
 *
 * Try it against the reference server's on-prem mode: `scribe-server --on-prem --port 8000`, username
 * `local-dev-user`, password `local-dev-password`. The password comes from the environment only (a config file may
 * hold the username, never the password). Self-hosted template ids are database UUIDs: the template is picked by name.
 */
import { ScribeClient } from '@scribe/node';
import { printResult, SAMPLE_RECORDING, uploadFileAndWait } from './index';

const [path = SAMPLE_RECORDING, templateName = 'SOAP note'] = process.argv.slice(2);
// The self-hosted service requires a language hint on every create; the defaults below stand unless configured.
const settings = { dialect: 'eka', authMode: 'password', defaultLanguageHint: process.env.SCRIBE_DEFAULT_LANGUAGE_HINT ?? 'en' } as const;

await using lister = new ScribeClient(settings);
const templates = await lister.templates.list();
const template = templates.find((candidate) => candidate.name === templateName);
if (!template) throw new Error(`No template named "${templateName}"; the service offers: ${templates.map((candidate) => candidate.name).join(', ')}`);
console.log(`template "${template.name}" is ${template.id}`);

printResult(await uploadFileAndWait(path, { ...settings, defaultTemplates: [template.id] }));
