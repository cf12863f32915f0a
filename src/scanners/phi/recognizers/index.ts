/**
 * The PHI recognizer registry: one module per identifier kind of 164.514(b)(2), sorted by kind.
 * Adding a kind is one file in this folder and one line here.
 */
import type { Recognizer } from '../types.js';
import { recognizer as accountNumber } from './account-number.js';
import { recognizer as ageOver89 } from './age-over-89.js';
import { recognizer as biometricId } from './biometric-id.js';
import { recognizer as dateOfBirth } from './date-of-birth.js';
import { recognizer as deaNumber } from './dea-number.js';
import { recognizer as deviceId } from './device-id.js';
import { recognizer as driversLicense } from './drivers-license.js';
import { recognizer as emailAddress } from './email-address.js';
import { recognizer as facePhoto } from './face-photo.js';
import { recognizer as healthPlanId } from './health-plan-id.js';
import { recognizer as ipAddress } from './ip-address.js';
import { recognizer as licensePlate } from './license-plate.js';
import { recognizer as medicalLicense } from './medical-license.js';
import { recognizer as medicalRecordNumber } from './medical-record-number.js';
import { recognizer as npi } from './npi.js';
import { recognizer as otherId } from './other-id.js';
import { recognizer as patientDate } from './patient-date.js';
import { recognizer as personName } from './person-name.js';
import { recognizer as phoneNumber } from './phone-number.js';
import { recognizer as streetAddress } from './street-address.js';
import { recognizer as url } from './url.js';
import { recognizer as usSsn } from './us-ssn.js';
import { recognizer as vehicleId } from './vehicle-id.js';
import { recognizer as zipCode } from './zip-code.js';

export const RECOGNIZERS: readonly Recognizer[] = [
  accountNumber, ageOver89, biometricId, dateOfBirth, deaNumber, deviceId, driversLicense, emailAddress, facePhoto, healthPlanId,
  ipAddress, licensePlate, medicalLicense, medicalRecordNumber, npi, otherId, patientDate, personName, phoneNumber, streetAddress,
  url, usSsn, vehicleId, zipCode,
];

export const BY_KIND: ReadonlyMap<string, Recognizer> = new Map(RECOGNIZERS.map((r) => [r.kind, r]));
