import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticPhone } from '../synthetic.js';
import { digitsOf } from '../validators.js';
import { ladder, nearerThanPatient, phiRule } from './common.js';

/**
 * Whose number: in prose the nearest person or place named before it. `calling Dr. Kenji Shimura at
 * 480-...`, `Lab contact: Dr. Adeyinka-Hart, 480-...`, `pharmacist Tomasz Nowicki at MesaVerde
 * Pharmacy (505-...)` are the staff's or the store's, unless a patient or relative is named closer
 * (`called Dr. Ito back for her daughter at 480-...`).
 */
const STAFF_CUE = /\b(?:Dr\.?|Doctor|MD|RN|NP|pharmacist|nurse|lab|pharmacy|clinic|office|on-call|oncall|front desk|store|dispatch)\b/gi;
const staffNumber = (before: string): boolean => nearerThanPatient(before, STAFF_CUE);

/**
 * A relative or a personal line named just before the number in prose (`call husband Philippa first
 * 406-...`, `brother Leilani from 406-...`, `the house, (925) ...`): a person's own number.
 */
const PERSONAL_CUE = /\b(?:mother|father|mom|dad|husband|wife|spouse|partner|daughter|son|sister|brother|grand(?:mother|father|daughter|son|ma|pa)|aunt|uncle|niece|nephew|cousin|caregiver|guardian|cell|house)\b/i;

export const recognizer: Recognizer = {
  kind: 'phone-number',
  meta: phiRule('phone-number', 'Telephone or fax number', 'medium', 'A telephone or fax number in a labelled field or beside patient data.'),
  labels: labelRe([
    'phone', 'phones', 'telephone', 'tel', 'fax', 'mobile', 'cell', 'cellphone', 'home_phone', 'work_phone', 'phone_number', 'contact_number', 'msisdn',
    'pid_13', 'pid_14', 'nk1_5', 'gt1_6', 'telecom_phone', 'telecom_fax', 'telecom_sms', 'call', 'text_me', 'whatsapp', 'sms', 'contact', 'callback', 'call_back', 'callback_number',
    // A caller's number as a phone system logs it: ANI (automatic number identification), caller id, call-back number.
    'ani', 'caller_ani', 'caller_id', 'callerid', 'caller_number', 'caller_phone', 'cbn', 'call_back_number', 'callback_phone',
    // Notes and transcripts: `cb (541) ...`, `Her number is ...`, `Best number is ...`, `my cell, ...`.
    'cb', '(?:best|her|his|my|their|your|home|house|cell|mobile|work|good|callback|contact)_(?:number|phone|line)',
  ]),
  antiLabels:
    /(?:^|_)(?:version|build|port|pid|id|order|invoice|tracking|account|acct|card|ssn|mrn|npi|zip|serial|timestamp|epoch|ms|bytes|size|count|total|line_number|phone_extension|ext)$|(?:^|_)(?:payer|insurer|insurance|carrier|plan|vendor|supplier|manufacturer|dme|support|helpdesk|company|office|clinic|facility|pharmacy|practice|provider|hospital|lab|billing|customer_service|pcp|doctor|physician|store|branch|site|agency|station|dispatch|on_call|oncall|alert|alerts|main|front_desk|prescriber|pharmacist)_(?:phone|fax|tel|telephone|number|line|contact|sms_numbers?|numbers)(?:_number)?$/,
  pattern:
    /(?<![\w+.\/-])((?:\+1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}|\+(?:[2-9]\d{0,2})(?:[ .-]?\(?\d{1,4}\)?){2,5}\d|\(?0\d{1,3}\)?[ -]\d{3,4}[ -]?\d{3,4}|\+1\d{10}|\d{10,11})(?![\w-]|\.\d)/dg,
  boostable: true,
  judge(v, ctx) {
    if (!/^\+?[\d\s().-]+$/.test(v.trim())) return 0;
    if (!ctx.labelled && !ctx.valueMode && staffNumber(ctx.line.slice(Math.max(0, ctx.col - 60), ctx.col))) return 0;
    const d = digitsOf(v);
    const intl = v.trim().startsWith('+') && !v.trim().startsWith('+1');
    if (intl) {
      if (d.length < 8 || d.length > 15) return 0;
      return ctx.valueMode ? 0.9 : ladder(ctx, { labelled: 0.9, patient: 0.7, bare: 0.4, code: 0.25 });
    }
    const nanp = d.length === 11 && d[0] === '1' ? d.slice(1) : d;
    // Toll-free numbers (800, 833 ... 888) are an organisation's line, never a person's own.
    if (nanp.length === 10 && /^8(?:00|33|44|55|66|77|88)/.test(nanp)) return 0;
    if (nanp.length === 10 && /^[2-9]\d{2}[2-9]\d{6}$/.test(nanp)) {
      const separated = /\D/.test(v.trim().replace(/^\+1/, ''));
      if (ctx.valueMode) return 0.9;
      // E.164 (+14155550123, Twilio's `From`, a caller's ANI): the plus says phone as separators do.
      if (!separated && /^\+1\d{10}$/.test(v.trim())) return ladder(ctx, { labelled: 0.9, patient: 0.7, bare: 0.35, code: 0.2 });
      if (!separated) return ctx.labelled ? 0.85 : 0;
      const personal = !ctx.labelled && !ctx.patient && ctx.textClass !== 'code' && PERSONAL_CUE.test(ctx.line.slice(Math.max(0, ctx.col - 40), ctx.col));
      return personal ? 0.7 : ladder(ctx, { labelled: 0.95, patient: 0.75, bare: 0.4, code: 0.25 });
    }
    // Other national formats without a country code need a phone label.
    if (/^\(?0/.test(v.trim()) || (d.length === 11 && /^1[3-9]/.test(d))) return ctx.valueMode || ctx.labelled ? 0.85 : 0;
    return 0;
  },
  mask: maskTail4,
  synthetic: syntheticPhone,
};
