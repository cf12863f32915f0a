/** CRC-32 (IEEE 802.3, as zip and GitHub's token checksums use it). */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Over bytes, or over a string's UTF-16 code units taken as bytes (tokens are ASCII). */
export function crc32(data: Uint8Array | string): number {
  let c = 0xffffffff;
  if (typeof data === 'string') for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  else for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
