import { AN, kv, tok } from '../build.js';
import type { SecretRule } from '../types.js';

export const rules: SecretRule[] = [
  tok({
    name: 'openai-api-key',
    title: 'OpenAI API key',
    provider: 'OpenAI',
    severity: 'critical',
    rotate: 'at platform.openai.com/api-keys',
    // Every OpenAI key embeds "T3BlbkFJ" (base64 of "OpenAI").
    re: String.raw`sk-(?:(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})`,
    kw: ['t3blbkfj'],
    entropy: 3,
    window: { before: 200, after: 200 },
    end: '(?![A-Za-z0-9_-])',
  }),
  tok({ name: 'openai-project-key', title: 'OpenAI project/service-account API key', provider: 'OpenAI', severity: 'critical', rotate: 'at platform.openai.com/api-keys', re: String.raw`sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}`, kw: ['sk-proj-', 'sk-svcacct-', 'sk-admin-'], entropy: 4, priority: 12, end: '(?![A-Za-z0-9_-])' }),
  tok({ name: 'anthropic-api-key', title: 'Anthropic API key', provider: 'Anthropic', severity: 'critical', rotate: 'in the Anthropic Console (API keys)', re: String.raw`sk-ant-api03-[a-zA-Z0-9_-]{93}AA`, kw: ['sk-ant-api03'], end: '(?![A-Za-z0-9_-])' }),
  tok({ name: 'anthropic-admin-api-key', title: 'Anthropic Admin API key', provider: 'Anthropic', severity: 'critical', rotate: 'in the Anthropic Console (Admin keys)', re: String.raw`sk-ant-admin01-[a-zA-Z0-9_-]{93}AA`, kw: ['sk-ant-admin01'], end: '(?![A-Za-z0-9_-])' }),
  tok({ name: 'huggingface-access-token', title: 'Hugging Face access token', provider: 'Hugging Face', rotate: 'at huggingface.co/settings/tokens', re: 'hf_[a-zA-Z]{34}', kw: ['hf_'], entropy: 2, score: (s) => (/[A-Z]/.test(s.slice(3)) && /[a-z]/.test(s.slice(3)) ? 'high' : 'low') }),
  tok({ name: 'huggingface-organization-api-token', title: 'Hugging Face organization API token', provider: 'Hugging Face', rotate: 'in the Hugging Face organization settings', re: 'api_org_[a-zA-Z]{34}', kw: ['api_org_'], entropy: 2, score: (s) => (/[A-Z]/.test(s.slice(8)) && /[a-z]/.test(s.slice(8)) ? 'high' : 'low') }),
  kv({ name: 'cohere-api-token', title: 'Cohere API key', provider: 'Cohere', keys: ['cohere', 'co_api_key'], value: `[${AN}]{40}`, entropy: 4, rotate: 'in the Cohere dashboard (API keys)' }),
  tok({ name: 'groq-api-key', title: 'Groq API key', provider: 'Groq', rotate: 'in the Groq console (API keys)', re: `gsk_[${AN}]{52}`, kw: ['gsk_'], entropy: 4 }),
  tok({ name: 'perplexity-api-key', title: 'Perplexity API key', provider: 'Perplexity', re: `pplx-[${AN}]{48}`, kw: ['pplx-'], entropy: 4, end: '(?![A-Za-z0-9])' }),
  tok({ name: 'replicate-api-token', title: 'Replicate API token', provider: 'Replicate', re: `r8_[${AN}]{37}`, kw: ['r8_'], entropy: 4 }),
  tok({ name: 'xai-api-key', title: 'xAI API key', provider: 'xAI', re: `xai-[${AN}]{80}`, kw: ['xai-'], entropy: 4 }),
  kv({ name: 'mistral-api-key', title: 'Mistral AI API key', provider: 'Mistral AI', keys: ['mistral'], value: `[${AN}]{32}`, entropy: 4 }),
  kv({ name: 'privateai-api-token', title: 'Private AI API key', provider: 'Private AI', keys: ['privateai', 'private_ai', 'private-ai'], value: '[a-zA-Z0-9]{32}', entropy: 3 }),
];
