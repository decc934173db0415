// Checks docker-compose.yml and Dockerfile without a Docker engine (CI has none): the structure production relies on.
// Usage: node tools/check-compose.mjs   (from any directory; exits 1 with the problems listed)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };

// --- docker-compose.yml ---------------------------------------------------------------------------------------------
let compose;
try {
  compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { uniqueKeys: true, strict: true });
} catch (e) {
  console.error(`compose: docker-compose.yml does not parse: ${e.message}`);
  process.exit(1);
}
const services = compose?.services ?? {};
const db = services.db ?? {};
const app = services.app ?? {};
check(Object.keys(services).sort().join(',') === 'app,db', `services must be db and app, are: ${Object.keys(services)}`);

check(/^postgres:15(\b|[.-])/.test(String(db.image ?? '')), `db.image must be PostgreSQL 15, is ${db.image}`);
const healthTest = [].concat(db.healthcheck?.test ?? []).join(' ');
check(/pg_isready/.test(healthTest), `db.healthcheck.test must run pg_isready, is "${healthTest}"`);
const dbVolumes = (db.volumes ?? []).map(v => (typeof v === 'string' ? v : `${v.source}:${v.target}`));
const dataVolume = dbVolumes.map(v => v.split(':')).find(([, target]) => target === '/var/lib/postgresql/data');
check(dataVolume && !dataVolume[0].startsWith('.') && !dataVolume[0].startsWith('/'),
  `db must keep /var/lib/postgresql/data in a named volume, has ${JSON.stringify(dbVolumes)}`);
check(dataVolume && compose.volumes && dataVolume[0] in compose.volumes,
  `the volume ${dataVolume?.[0]} must be declared under the top-level volumes`);
const dbEnv = env(db.environment);
for (const key of ['POSTGRES_DB', 'POSTGRES_USER', 'POSTGRES_PASSWORD']) check(dbEnv[key], `db.environment.${key} missing`);

const build = typeof app.build === 'string' ? app.build : app.build?.context;
check(build === '.', `app.build must be "." (the Dockerfile here), is ${JSON.stringify(app.build)}`);
check(app.depends_on?.db?.condition === 'service_healthy',
  `app.depends_on.db.condition must be service_healthy, is ${JSON.stringify(app.depends_on)}`);
const appEnv = env(app.environment);
check(appEnv.SPRING_PROFILES_ACTIVE === 'postgres', `app.environment.SPRING_PROFILES_ACTIVE must be postgres`);
check(/^jdbc:postgresql:\/\/db:5432\//.test(appEnv.HBFLOW_DB_URL ?? ''), `app HBFLOW_DB_URL must point at the db service`);
for (const key of ['HBFLOW_DB_USER', 'HBFLOW_DB_PASSWORD', 'HBFLOW_ADMIN_PASSWORD']) {
  check(appEnv[key], `app.environment.${key} missing`);
}
check(/\$\{HBFLOW_ADMIN_PASSWORD:\?/.test(appEnv.HBFLOW_ADMIN_PASSWORD ?? ''),
  'HBFLOW_ADMIN_PASSWORD must be required (${HBFLOW_ADMIN_PASSWORD:?...}), never written into the file');
check(/\$\{HBFLOW_DB_PASSWORD:\?/.test(appEnv.HBFLOW_DB_PASSWORD ?? '') && appEnv.HBFLOW_DB_PASSWORD === dbEnv.POSTGRES_PASSWORD,
  'the database password must come from HBFLOW_DB_PASSWORD, the same for db and app');
check((app.ports ?? []).some(p => /^(\d+\.\d+\.\d+\.\d+:)?8080:8080$/.test(String(typeof p === 'object' ? `${p.published}:${p.target}` : p))),
  `app must publish port 8080, has ${JSON.stringify(app.ports)}`);

// --- Dockerfile ---------------------------------------------------------------------------------------------------
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8').split('\n').map(l => l.trim())
  .filter(l => l && !l.startsWith('#'));
const stages = dockerfile.filter(l => /^FROM\s/i.test(l));
check(stages.length >= 2, `Dockerfile must be multi-stage (a build and a run stage), has ${stages.length} FROM`);
check(/^FROM\s+\S*(maven|jdk)\S*17\S*\s+AS\s+build$/i.test(stages[0] ?? '') || /^FROM\s+\S*17\S*(maven|jdk)\S*\s+AS\s+build$/i.test(stages[0] ?? ''),
  `the first stage must build on a Java 17 JDK with Maven ("FROM ...maven...17... AS build"), is "${stages[0]}"`);
check(/^FROM\s+\S*17\S*jre/i.test(stages[stages.length - 1] ?? ''),
  `the last stage must run on a Java 17 JRE, is "${stages[stages.length - 1]}"`);
const lastStage = dockerfile.slice(dockerfile.lastIndexOf(stages[stages.length - 1]));
const user = lastStage.filter(l => /^USER\s/i.test(l)).pop();
check(user && !/^USER\s+(root|0)(:|$)/i.test(user), `the run stage must switch to a non-root USER, has "${user}"`);
check(lastStage.some(l => /^COPY\s+--from=build\s/i.test(l)), 'the run stage must copy the jar from the build stage');
check(lastStage.some(l => /^(ENTRYPOINT|CMD)\s.*java.*-jar/i.test(l)), 'the run stage must start java -jar');

if (problems.length) {
  console.error('compose: FAILED');
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`compose: docker-compose.yml (services ${Object.keys(services).join(', ')}, volume ${dataVolume[0]}, `
  + 'db healthcheck, app waits for a healthy db) and Dockerfile (multi-stage, non-root) check out');

function env(environment) {
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map(e => { const i = e.indexOf('='); return [e.slice(0, i), e.slice(i + 1)]; }));
  }
  return Object.fromEntries(Object.entries(environment ?? {}).map(([k, v]) => [k, v == null ? '' : String(v)]));
}
