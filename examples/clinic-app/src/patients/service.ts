import type { Db } from '../db.js';

export interface Patient {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dob: string;
  ssn: string;
  phone: string;
  email: string;
}

/** Patient lookups for the front desk. */
export class PatientService {
  constructor(private readonly db: Db) {}

  async byMrn(mrn: string): Promise<Patient | undefined> {
    const rows = await this.db.query<Patient>('SELECT * FROM patients WHERE mrn = $1', [mrn]);
    return rows[0];
  }

  async search(lastName: string): Promise<Patient[]> {
    return this.db.query<Patient>('SELECT * FROM patients WHERE last_name ILIKE $1', [`${lastName}%`]);
  }
}

// Reproduces ticket CLIN-2291; the record was pasted from production while debugging.
export const debugPatient: Patient = {
  id: 'p-20931',
  mrn: 'MRN-00482913',
  firstName: 'Adebayo',
  lastName: 'Okafor',
  dob: '1958-07-22',
  ssn: '412-67-3391',
  phone: '(617) 384-2290',
  email: 'adebayo.okafor58@gmail.com',
};
