// Builds the webapps' Finnish and Swedish locale files (Tasklist, Cockpit, Admin, Welcome) from the vendor's
// English ones and our dictionaries (English text -> translation, one entry per distinct English text).
//
//   node tools/locales/build.mjs            # writes src/main/resources/.../app/<app>/locales/{fi,sv}.json
//   node tools/locales/build.mjs --check    # only reports English texts that have no translation yet
//
// A new Camunda version: run with --check, add the reported texts to <lang>.dictionary.json, run again.
// The Java test fi.hbflow.engine.WebappLocalesTest checks the result against the webjar on the classpath.
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync, existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const APPS = ['tasklist', 'welcome', 'admin', 'cockpit'];
const LANGS = ['fi', 'sv'];
const CAMUNDA = '7.24.0';
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const webjarArg = args.indexOf('--webjar');
const webjar = webjarArg >= 0 ? args[webjarArg + 1] : join(homedir(), '.m2', 'repository', 'org', 'camunda', 'bpm',
    'webapp', 'camunda-webapp-webjar', CAMUNDA, `camunda-webapp-webjar-${CAMUNDA}.jar`);
if (!existsSync(webjar)) {
  console.error(`Webjar not found: ${webjar} (run mvn once, or pass --webjar <path>)`);
  process.exit(2);
}

function english(app) {
  const text = execFileSync('unzip', ['-p', webjar, `META-INF/resources/webjars/camunda/app/${app}/locales/en.json`],
      {encoding: 'utf8', maxBuffer: 16 * 1024 * 1024});
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

const dateLocales = JSON.parse(readFileSync(join(here, 'date-locales.json'), 'utf8'));
let failed = false;
for (const lang of LANGS) {
  const dictionaryFile = join(here, `${lang}.dictionary.json`);
  if (!existsSync(dictionaryFile)) {
    console.log(`${lang}: no dictionary, skipped`);
    continue;
  }
  const dictionary = JSON.parse(readFileSync(dictionaryFile, 'utf8'));
  const missing = new Set();
  const outputs = {};
  for (const app of APPS) {
    const en = english(app);
    const labels = {};
    for (const [key, text] of Object.entries(en.labels)) {
      if (Object.hasOwn(dictionary, text)) {
        labels[key] = dictionary[text];
      } else {
        missing.add(text);
      }
    }
    outputs[app] = en.dateLocales ? {dateLocales: dateLocales[lang], labels} : {labels};
  }
  if (missing.size > 0) {
    failed = true;
    console.log(`${lang}: ${missing.size} English texts without a translation:`);
    for (const text of missing) {
      console.log(`  ${JSON.stringify(text)}`);
    }
    continue;
  }
  for (const app of APPS) {
    const file = join(repo, 'src', 'main', 'resources', 'META-INF', 'resources', 'webjars', 'camunda', 'app', app,
        'locales', `${lang}.json`);
    if (!checkOnly) {
      writeFileSync(file, JSON.stringify(outputs[app], null, 2) + '\n');
    }
    console.log(`${lang}: ${app} ${Object.keys(outputs[app].labels).length} labels${checkOnly ? '' : ' written'}`);
  }
}
process.exit(failed ? 1 : 0);
