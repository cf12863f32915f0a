/** The parts of the OSV schema (https://ossf.github.io/osv-schema/) the matcher reads. */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: 'SEMVER' | 'ECOSYSTEM' | 'GIT' | string;
  events: OsvEvent[];
}

export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  severity?: OsvSeverity[];
  database_specific?: Record<string, unknown>;
  ecosystem_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  database_specific?: Record<string, unknown>;
}

/** An advisory as stored: the record's identity and scoring, plus the affected entry for one package. */
export interface StoredAdvisory {
  id: string;
  aliases: string[];
  summary: string;
  withdrawn?: string;
  /** CVSS base score computed from the vector (highest of the record's vectors), if any. */
  score?: number;
  cvss?: string;
  /** Severity label from the source database when no vector is given (GHSA's MODERATE ...). */
  label?: string;
  affected: OsvAffected;
}
