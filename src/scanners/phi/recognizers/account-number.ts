import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { digitsOf, validCard } from '../validators.js';
import { idLike, ladder, phiRule } from './common.js';

/** Issuer prefixes of payment cards (Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro, UATP). */
const CARD_PREFIX = /^(?:4|5[0-8]|2[2-7]|3[47]|3[0689]|6(?:011|[45]|2|7)|35|1(?=\d{14}$))/;

export const recognizer: Recognizer = {
  kind: 'account-number',
  meta: phiRule('account-number', 'Account number', 'high', 'A patient, billing, bank or payment-card account number (labelled, or a card number passing the Luhn check).', undefined, ['164.312(c)(1)']),
  labels: labelRe([
    'account', 'acct', 'account_number', 'account_no', 'acct_no', 'acct_num', 'account_id', 'billing_account', 'patient_account(?:_number)?', 'guarantor_account',
    'pid_18', 'bank_account(?:_number)?', 'card_number', 'credit_card(?:_number)?', 'cc_number', 'ccn', 'pan', 'debit_card', 'routing_and_account', 'har',
  ]),
  antiLabels: /(?:^|_)(?:aws|gcp|azure|cloud|service|storage|iam|user|github|slack|twitter|bank_routing|routing|sort_code|swift|bic|cloudflare|stripe)_(?:account|acct)(?:_id|_number)?$/,
  pattern:
    /\b(?:Account|Acct)[ _]?(?:No\.?|Number|Num|#|ID)?(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z]{0,3}\d[\d-]{3,24})(?![\w-])|(?<![\w.-])((?:\d{4}[ -]){3}\d{1,7}|\d{4}[ -]\d{6}[ -]\d{5}|\d{13,19})(?![\w-]|\.\d)/dgi,
  valuePattern: /(?<![\w-])(\d{8,17})(?![\w-])/dg,
  judge(v, ctx) {
    const t = v.trim();
    const d = digitsOf(t);
    const seps = t.replace(/\d/g, '');
    const cardShaped = /^[\d -]+$/.test(t) && d.length >= 13 && d.length <= 19 && (seps === '' || /^(?: {3}| {2}|-{3}|-{2})$/.test(seps));
    // Unseparated digit runs are ids, timestamps and counters far more often than cards.
    if (cardShaped && CARD_PREFIX.test(d) && validCard(d) && (seps !== '' || ctx.labelled || ctx.valueMode)) {
      if (ctx.valueMode) return 0.9;
      return ladder(ctx, { labelled: 0.95, patient: 0.75, bare: seps ? 0.5 : 0.3, code: 0.25 });
    }
    // A field labelled as a card holds cards only: a number failing the card checks is not one.
    if (/(?:^|_)(?:card|cards|credit_card|ccn|pan|cc)(?:_|$)/.test(ctx.label ?? '')) return 0;
    if (ctx.valueMode) return d.length >= 8 && d.length <= 17 && d === t ? 0.85 : 0;
    if (!ctx.labelled || !idLike(t, 4)) return 0;
    return ctx.patient || ctx.structured ? 0.9 : 0.75;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
