import type { Recognizer } from '../types.js';
import { labelRe, PATIENT_RE } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { idLike, ladder, phiRule } from './common.js';

/** GS1 UDI: (01) GTIN-14 followed by application identifiers (17 expiry, 10 lot, 21 serial, 11 mfg date). */
const GS1_UDI = /^\(01\)\d{14}(?:\((?:10|11|17|21|30|240)\)[!-~]{1,20}?)*$/;

/**
 * Equipment of the organisation, named on the line of a bare `serial`: a lab analyser's QC record,
 * a workstation or printer inventory. Its serial is not a patient's device unless the line names one.
 */
const EQUIPMENT_RE = /(?<![A-Za-z])(?:instruments?|analy[sz]ers?|workstations?|printers?|scanners?|sequencers?|centrifuges?|microscopes?|incubators?|freezers?|fridges?|refrigerators?|routers?|switch(?:es)?|servers?|hosts?|kiosks?|terminals?|access points?|badge readers?)(?![A-Za-z])/i;

const NOT_A_DEVICE_RE = /\b(?:certificates?|cert|TLS|SSL|x\.?509|CA|keystore|disk|volume|licen[cs]e key)\b/i;

export const recognizer: Recognizer = {
  kind: 'device-id',
  meta: phiRule('device-id', 'Device identifier or serial number', 'medium', 'A medical device identifier (GS1 or HIBCC UDI) or an implant/device serial number tied to a patient.'),
  labels: labelRe([
    'udi', 'udi_carrier', 'udi_di', 'udi_pi', 'device_id(?:entifier)?', 'device_serial(?:_number)?', 'implant_serial(?:_number)?', 'implant_id', 'pacemaker_serial',
    'serial_number', 'serial_no', 'serial', 'sn', 's_n', 'imei', 'meid', 'device_udi', 'udi_device_identifier', 'serial_number_device',
    // `device=RLX471923K` in a reading's log line: which device, when a patient is in view (see judge).
    'device',
  ]),
  // A clinic's own instruments (`audiometer_sn`, `equipment.serial`, an EBT's serial) are not a patient's device.
  antiLabels: /(?:^|_)(?:build|version|git|commit|cert|certificate|ssl|tls|x509|disk|volume|server|host|node|cpu|gpu|board|bios|chassis|license|product|sku|model|equipment|instrument|audiometer|spirometer|tympanometer|analy[sz]er|breathalyzer|intoximeter|ebt|booth|calibrator|centrifuge|printer|scanner|workstation|kiosk)_(?:serial|id|sn)(?:_number|_no)?$/,
  pattern:
    /(\(01\)\d{14}(?:\((?:10|11|17|21|30|240)\)[A-Za-z0-9.\/-]{1,20})*|\+[A-Z]\d{3}[A-Z0-9]{5,18}\/?[\$A-Z0-9]*)(?![\w])/dg,
  // `serial`, `SN` and `S/N` alone too (`pump serial NG6843924H`, `(serial CI622-3292128)`, `CADD-Solis SN CS2675585`):
  // the judge wants a patient in view and digits in the value.
  labelPattern: /\b(?:UDI|udi|[Dd]evice[ _](?:ID|Id|id|[Ss]erial)|DEVICE[ _](?:ID|SERIAL)|[Ii]mplant[ _][Ss]erial|[Ss]erial(?:[ _]?(?:[Nn]o\.?|[Nn]umber|#))?|SERIAL(?:[ _]?(?:NO|NUMBER))?|SN|S\/N|IMEI|imei)(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Za-z0-9][A-Za-z0-9-]{4,30})(?![\w-])/dg,
  // A serial number beside a patient's name or MRN in the same record is that patient's device.
  boostable: true,
  judge(v, ctx) {
    const t = v.trim();
    if (GS1_UDI.test(t) || /^\+[A-Z]\d{3}[A-Z0-9]{5,}/.test(t)) return ladder(ctx, { labelled: 0.95, patient: 0.85, bare: 0.6, code: 0.45 });
    if (!ctx.labelled || !idLike(t, 3)) return 0;
    const generic = /(?:^|_)(?:serial|serial_number|serial_no|sn|s_n|device)$/.test(ctx.label ?? '');
    // A serial in prose or a bare `device` key is a patient's only with digits and letters (`RLX471923K`), not a model name.
    if (generic && !/\d{3}/.test(t)) return 0;
    if (generic) {
      if (EQUIPMENT_RE.test(ctx.line) && !PATIENT_RE.test(ctx.line)) return 0;
      // A certificate's or a disk's serial (`TLS certificate ... expires in 19 days (serial 7b45b5a457356d6f)`).
      if (NOT_A_DEVICE_RE.test(ctx.line)) return 0;
      return ctx.patient ? 0.7 : 0.45;
    }
    return ctx.patient || ctx.structured ? 0.92 : 0.8;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
