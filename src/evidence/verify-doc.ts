/** VERIFY.md shipped in every auditor bundle. */
export const VERIFY_MD = `# Verifying this bundle

Everything here can be checked offline.

## 1. Files are complete and unaltered

    sha256sum -c MANIFEST.sha256

Every file is listed with its SHA-256. (\`hipaa-gate evidence verify-bundle\` also checks the zip CRCs
and that no file was added or removed.)

## 2. The public key is the organisation's

The signing key ids are in \`ledger/segment.json\` and \`keys/\`. A key id is the SHA-256 of the
DER-encoded public key:

    openssl pkey -pubin -in keys/<id>.pub.pem -outform DER | sha256sum

Compare it with the key id your organisation published (security policy, CI settings). A bundle
verified only against its own keys proves consistency, not origin.

## 3. Signatures, chain and Merkle roots

    hipaa-gate evidence verify-bundle bundle.zip --pubkey trusted-key.pub

This checks, for every ledger entry of the segment:

- it is canonical JSON (keys sorted, no spaces) and its \`prev\` is the SHA-256 of the previous line;
- its \`seq\` follows the previous one (nothing removed, inserted or reordered);
- its Merkle peaks and \`root\` equal the RFC 6962 tree recomputed from the previous entry's peaks
  and this entry's leaf (leaf hash = SHA-256(0x00 || leaf), node = SHA-256(0x01 || left || right));
- its tree head (v, seq, time, type, prev, root) carries a valid Ed25519 signature (DSSE PAE,
  payload type \`application/vnd.hipaa-gate.ledger-head.v1+json\`);
- each attestation is a DSSE envelope (payload type \`application/vnd.in-toto+json\`) with a valid
  Ed25519 signature over PAE(payloadType, payload), and equals the file in \`attestations/\`;
- each report in \`reports/\` hashes to the digest signed in its attestation
  (\`predicate.report.digest.sha256\`).

The first line of the segment is the entry just before the period: it anchors the roots and is
trusted through its signature.

## 4. One run is in the full ledger

With access to the full ledger:

    hipaa-gate evidence verify --proof <seq> > proof.json
    hipaa-gate evidence verify-proof proof.json --pubkey trusted-key.pub

The proof holds the run's leaf, the RFC 6962 audit path and the latest signed tree head; the
check recomputes the root (RFC 9162 section 2.1.3.2) and verifies the head signature.

## What a statement contains

An in-toto Statement v1 (\`https://in-toto.io/Statement/v1\`) whose subject is the git commit and
tree (or the image digest), with predicate type \`https://hipaa-gate.dev/attestation/scan/v1\`:
tool and rule-set versions, config digest, counts per category, HIPAA control statuses, the gate
decision, waivers applied (reason, approver, expiry) and the SHA-256 of the full JSON report.
Values are masked; no secret or identifier appears in clear.
`;
