import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const tok = g('[A-Za-z0-9]{40}');

runFamily('registries', {
  'secret/npmrc-auth-token': {
    invalid: [{ code: `registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=${tok}\n`, path: '.npmrc', findings: [{ line: 2, column: 34 }] }],
    valid: [{ code: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', path: '.npmrc' }, { code: `//npm.pkg.github.com/:_authToken=${tok}`, path: 'README.md' }],
  },
  'secret/yarnrc-auth-token': {
    invalid: [{ code: `npmRegistries:\n  "https://npm.pkg.github.com":\n    npmAuthToken: "${tok}"\n`, path: '.yarnrc.yml', findings: [{ line: 3 }] }],
    valid: [{ code: 'npmAuthToken: "${NPM_TOKEN}"', path: '.yarnrc.yml' }],
  },
  'secret/pypirc-password': {
    invalid: [{ code: `[pypi]\nusername = __token__\npassword = ${g('[A-Za-z0-9]{30}', 3)}\n`, path: '.pypirc', findings: [{ line: 3 }] }],
    valid: [{ code: '[pypi]\nusername = __token__\npassword = <your token here>\n', path: '.pypirc' }],
  },
  'secret/nuget-config-password': {
    invalid: [{ code: `<packageSourceCredentials><feed><add key="ClearTextPassword" value="${g('[A-Za-z0-9]{16}', 4)}" /></feed></packageSourceCredentials>`, path: 'NuGet.Config', findings: [{ line: 1 }] }],
    valid: [{ code: '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />', path: 'nuget.config' }, { name: 'NuGet documentation sample', code: '<add key="ClearTextPassword" value="33f!!lloppa" />', path: 'NuGet.Config' }],
  },
  'secret/docker-config-auth': {
    invalid: [{ code: `{\n  "auths": {\n    "registry.clinic.internal": { "auth": "${Buffer.from(`deploy:${g('[A-Za-z0-9]{20}', 5)}`).toString('base64')}" }\n  }\n}`, path: '.docker/config.json', findings: [{ line: 3, severity: 'critical' }] }],
    valid: [{ code: '{ "auths": { "r": { "auth": "bm90LWEtY3JlZGVudGlhbA==" } } }', path: '.docker/config.json' }, { code: '{ "credsStore": "desktop" }', path: '.docker/config.json' }],
  },
  'secret/dockerconfigjson-secret': {
    invalid: [{ code: `data:\n  .dockerconfigjson: ${Buffer.from(JSON.stringify({ auths: { 'registry.clinic.internal': { auth: Buffer.from(`ci:${g('[A-Za-z0-9]{24}', 6)}`).toString('base64') } } })).toString('base64')}\n`, path: 'k8s/pull-secret.yaml', findings: [{ line: 2 }] }],
    valid: ['.dockerconfigjson: {{ .Values.pullSecret }}'],
  },
});
