import { ruleCases } from '../cases.js';

const good = `FROM node:20.18.1-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci
FROM node:20.18.1-bookworm-slim
COPY --from=build /app /app
USER node
HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1
CMD ["node", "/app/server.js"]
`;
const D = (s: string) => ({ Dockerfile: s });

ruleCases('docker', [
  { id: 'iac/docker/root-user', valid: [D(good)], invalid: [{ src: D('FROM node:20.18.1\nCMD ["node"]\n'), line: 1 }, D('FROM node:20.18.1\nUSER node\nUSER root\n'), D('FROM debian:12 AS b\nUSER app\nFROM debian:12\nCMD ["x"]\n')] },
  { id: 'iac/docker/secret-in-env', valid: [D('FROM node:20\nENV NODE_ENV=production\nARG NPM_TOKEN\n')], invalid: [{ src: D('FROM node:20\nENV API_KEY=sk_' + 'live_abcdef123456 \\\n    REGION=us-east-1\n'), line: 2 }, D('FROM node:20\nARG DB_PASSWORD=hun' + 'ter2hunter2\n')] },
  { id: 'iac/docker/unpinned-base-image', valid: [D(good), D('FROM node@sha256:' + 'a'.repeat(64) + '\n'), D('FROM scratch\n')], invalid: [D('FROM node\n'), D('FROM node:latest\n')] },
  { id: 'iac/docker/add-from-url', valid: [D('FROM node:20\nADD app.tgz /app/\n')], invalid: [{ src: D('FROM node:20\nADD https://example.org/tool.tgz /tmp/\n'), line: 2 }] },
  { id: 'iac/docker/missing-healthcheck', valid: [D(good)], invalid: [D('FROM node:20\nUSER node\n'), D('FROM node:20\nHEALTHCHECK NONE\n')] },
]);
