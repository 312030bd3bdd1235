/** A JSON payload decoded, or why not. Size is checked before a byte is parsed. */
export type JsonDecode =
  { ok: true; value: unknown } | { ok: false; reason: 'tooLarge' | 'invalidJson'; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeJson(payload: Uint8Array, maxBytes: number): JsonDecode {
  if (payload.byteLength > maxBytes)
    return { ok: false, reason: 'tooLarge', detail: `${payload.byteLength} bytes > ${maxBytes}` };
  try {
    return { ok: true, value: JSON.parse(utf8.decode(payload)) };
  } catch (err) {
    return { ok: false, reason: 'invalidJson', detail: (err as Error).message.slice(0, 120) };
  }
}
