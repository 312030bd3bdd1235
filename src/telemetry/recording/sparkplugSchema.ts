import { isSparkplugPayloadTopic } from './recordingFormat';

/** How a topic's channel is declared in a recording: its message encoding and schema. */
export interface ChannelEncoding {
  messageEncoding: string;
  schema?: { name: string; encoding: string; data: Uint8Array };
}

export const SPARKPLUG_SCHEMA_NAME = 'org.eclipse.tahu.protobuf.Payload';

/**
 * The binary FileDescriptorSet of Eclipse Tahu's sparkplug_b.proto, built by
 * tools/recordings/sparkplugDescriptor.ts with protobufjs/ext/descriptor (a test rebuilds it and
 * compares). Kept as text so the app needs neither the full protobufjs nor its descriptor types.
 */
const SPARKPLUG_DESCRIPTOR_BASE64 = [
  'CqoaCh9vcmdfZWNsaXBzZV90YWh1X3Byb3RvYnVmLnByb3RvEhlvcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmIu4VCg',
  'dQYXlsb2FkEhEKCXRpbWVzdGFtcBgBIAEoBBI6CgdtZXRyaWNzGAIgAygLMikub3JnLmVjbGlwc2UudGFodS5wcm90',
  'b2J1Zi5QYXlsb2FkLk1ldHJpYxILCgNzZXEYAyABKAQSDAoEdXVpZBgEIAEoCRIMCgRib2R5GAUgASgMGqYECghUZW',
  '1wbGF0ZRIPCgd2ZXJzaW9uGAEgASgJEjoKB21ldHJpY3MYAiADKAsyKS5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVm',
  'LlBheWxvYWQuTWV0cmljEkkKCnBhcmFtZXRlcnMYAyADKAsyNS5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmLlBheW',
  'xvYWQuVGVtcGxhdGUuUGFyYW1ldGVyEhQKDHRlbXBsYXRlX3JlZhgEIAEoCRIVCg1pc19kZWZpbml0aW9uGAUgASgI',
  'GsoCCglQYXJhbWV0ZXISDAoEbmFtZRgBIAEoCRIMCgR0eXBlGAIgASgNEhMKCWludF92YWx1ZRgDIAEoDUgAEhQKCm',
  'xvbmdfdmFsdWUYBCABKARIABIVCgtmbG9hdF92YWx1ZRgFIAEoAkgAEhYKDGRvdWJsZV92YWx1ZRgGIAEoAUgAEhcK',
  'DWJvb2xlYW5fdmFsdWUYByABKAhIABIWCgxzdHJpbmdfdmFsdWUYCCABKAlIABJoCg9leHRlbnNpb25fdmFsdWUYCS',
  'ABKAsyTS5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmLlBheWxvYWQuVGVtcGxhdGUuUGFyYW1ldGVyLlBhcmFtZXRl',
  'clZhbHVlRXh0ZW5zaW9uSAAaIwoXUGFyYW1ldGVyVmFsdWVFeHRlbnNpb24qCAgBEP////8BQgcKBXZhbHVlKggIBh',
  'D/////ARqXBAoHRGF0YVNldBIWCg5udW1fb2ZfY29sdW1ucxgBIAEoBBIPCgdjb2x1bW5zGAIgAygJEg0KBXR5cGVz',
  'GAMgAygNEjwKBHJvd3MYBCADKAsyLi5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmLlBheWxvYWQuRGF0YVNldC5Sb3',
  'carwIKDERhdGFTZXRWYWx1ZRITCglpbnRfdmFsdWUYASABKA1IABIUCgpsb25nX3ZhbHVlGAIgASgESAASFQoLZmxv',
  'YXRfdmFsdWUYAyABKAJIABIWCgxkb3VibGVfdmFsdWUYBCABKAFIABIXCg1ib29sZWFuX3ZhbHVlGAUgASgISAASFg',
  'oMc3RyaW5nX3ZhbHVlGAYgASgJSAASaAoPZXh0ZW5zaW9uX3ZhbHVlGAcgASgLMk0ub3JnLmVjbGlwc2UudGFodS5w',
  'cm90b2J1Zi5QYXlsb2FkLkRhdGFTZXQuRGF0YVNldFZhbHVlLkRhdGFTZXRWYWx1ZUV4dGVuc2lvbkgAGiEKFURhdG',
  'FTZXRWYWx1ZUV4dGVuc2lvbioICAEQ/////wFCBwoFdmFsdWUaWgoDUm93EkkKCGVsZW1lbnRzGAEgAygLMjcub3Jn',
  'LmVjbGlwc2UudGFodS5wcm90b2J1Zi5QYXlsb2FkLkRhdGFTZXQuRGF0YVNldFZhbHVlKggIAhD/////ASoICAUQ//',
  '///wEa6QMKDVByb3BlcnR5VmFsdWUSDAoEdHlwZRgBIAEoDRIPCgdpc19udWxsGAIgASgIEhMKCWludF92YWx1ZRgD',
  'IAEoDUgAEhQKCmxvbmdfdmFsdWUYBCABKARIABIVCgtmbG9hdF92YWx1ZRgFIAEoAkgAEhYKDGRvdWJsZV92YWx1ZR',
  'gGIAEoAUgAEhcKDWJvb2xlYW5fdmFsdWUYByABKAhIABIWCgxzdHJpbmdfdmFsdWUYCCABKAlIABJLChFwcm9wZXJ0',
  'eXNldF92YWx1ZRgJIAEoCzIuLm9yZy5lY2xpcHNlLnRhaHUucHJvdG9idWYuUGF5bG9hZC5Qcm9wZXJ0eVNldEgAEl',
  'AKEnByb3BlcnR5c2V0c192YWx1ZRgKIAEoCzIyLm9yZy5lY2xpcHNlLnRhaHUucHJvdG9idWYuUGF5bG9hZC5Qcm9w',
  'ZXJ0eVNldExpc3RIABJiCg9leHRlbnNpb25fdmFsdWUYCyABKAsyRy5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmLl',
  'BheWxvYWQuUHJvcGVydHlWYWx1ZS5Qcm9wZXJ0eVZhbHVlRXh0ZW5zaW9uSAAaIgoWUHJvcGVydHlWYWx1ZUV4dGVu',
  'c2lvbioICAEQ/////wFCBwoFdmFsdWUaZwoLUHJvcGVydHlTZXQSDAoEa2V5cxgBIAMoCRJACgZ2YWx1ZXMYAiADKA',
  'syMC5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmLlBheWxvYWQuUHJvcGVydHlWYWx1ZSoICAMQ/////wEaYAoPUHJv',
  'cGVydHlTZXRMaXN0EkMKC3Byb3BlcnR5c2V0GAEgAygLMi4ub3JnLmVjbGlwc2UudGFodS5wcm90b2J1Zi5QYXlsb2',
  'FkLlByb3BlcnR5U2V0KggIAhD/////ARqkAQoITWV0YURhdGESFQoNaXNfbXVsdGlfcGFydBgBIAEoCBIUCgxjb250',
  'ZW50X3R5cGUYAiABKAkSDAoEc2l6ZRgDIAEoBBILCgNzZXEYBCABKAQSEQoJZmlsZV9uYW1lGAUgASgJEhEKCWZpbG',
  'VfdHlwZRgGIAEoCRILCgNtZDUYByABKAkSEwoLZGVzY3JpcHRpb24YCCABKAkqCAgJEP////8BGr8FCgZNZXRyaWMS',
  'DAoEbmFtZRgBIAEoCRINCgVhbGlhcxgCIAEoBBIRCgl0aW1lc3RhbXAYAyABKAQSEAoIZGF0YXR5cGUYBCABKA0SFQ',
  'oNaXNfaGlzdG9yaWNhbBgFIAEoCBIUCgxpc190cmFuc2llbnQYBiABKAgSDwoHaXNfbnVsbBgHIAEoCBI9CghtZXRh',
  'ZGF0YRgIIAEoCzIrLm9yZy5lY2xpcHNlLnRhaHUucHJvdG9idWYuUGF5bG9hZC5NZXRhRGF0YRJCCgpwcm9wZXJ0aW',
  'VzGAkgASgLMi4ub3JnLmVjbGlwc2UudGFodS5wcm90b2J1Zi5QYXlsb2FkLlByb3BlcnR5U2V0EhMKCWludF92YWx1',
  'ZRgKIAEoDUgAEhQKCmxvbmdfdmFsdWUYCyABKARIABIVCgtmbG9hdF92YWx1ZRgMIAEoAkgAEhYKDGRvdWJsZV92YW',
  'x1ZRgNIAEoAUgAEhcKDWJvb2xlYW5fdmFsdWUYDiABKAhIABIWCgxzdHJpbmdfdmFsdWUYDyABKAlIABIVCgtieXRl',
  'c192YWx1ZRgQIAEoDEgAEkMKDWRhdGFzZXRfdmFsdWUYESABKAsyKi5vcmcuZWNsaXBzZS50YWh1LnByb3RvYnVmLl',
  'BheWxvYWQuRGF0YVNldEgAEkUKDnRlbXBsYXRlX3ZhbHVlGBIgASgLMisub3JnLmVjbGlwc2UudGFodS5wcm90b2J1',
  'Zi5QYXlsb2FkLlRlbXBsYXRlSAASWQoPZXh0ZW5zaW9uX3ZhbHVlGBMgASgLMj4ub3JnLmVjbGlwc2UudGFodS5wcm',
  '90b2J1Zi5QYXlsb2FkLk1ldHJpYy5NZXRyaWNWYWx1ZUV4dGVuc2lvbkgAGiAKFE1ldHJpY1ZhbHVlRXh0ZW5zaW9u',
  'KggIARD/////AUIHCgV2YWx1ZSoICAYQ/////wEq8gMKCERhdGFUeXBlEgsKB1Vua25vd24QABIICgRJbnQ4EAESCQ',
  'oFSW50MTYQAhIJCgVJbnQzMhADEgkKBUludDY0EAQSCQoFVUludDgQBRIKCgZVSW50MTYQBhIKCgZVSW50MzIQBxIK',
  'CgZVSW50NjQQCBIJCgVGbG9hdBAJEgoKBkRvdWJsZRAKEgsKB0Jvb2xlYW4QCxIKCgZTdHJpbmcQDBIMCghEYXRlVG',
  'ltZRANEggKBFRleHQQDhIICgRVVUlEEA8SCwoHRGF0YVNldBAQEgkKBUJ5dGVzEBESCAoERmlsZRASEgwKCFRlbXBs',
  'YXRlEBMSDwoLUHJvcGVydHlTZXQQFBITCg9Qcm9wZXJ0eVNldExpc3QQFRINCglJbnQ4QXJyYXkQFhIOCgpJbnQxNk',
  'FycmF5EBcSDgoKSW50MzJBcnJheRAYEg4KCkludDY0QXJyYXkQGRIOCgpVSW50OEFycmF5EBoSDwoLVUludDE2QXJy',
  'YXkQGxIPCgtVSW50MzJBcnJheRAcEg8KC1VJbnQ2NEFycmF5EB0SDgoKRmxvYXRBcnJheRAeEg8KC0RvdWJsZUFycm',
  'F5EB8SEAoMQm9vbGVhbkFycmF5ECASDwoLU3RyaW5nQXJyYXkQIRIRCg1EYXRlVGltZUFycmF5ECJiBnByb3RvMg==',
].join('');

let sparkplugDescriptor: Uint8Array | undefined;

export function sparkplugDescriptorSet(): Uint8Array {
  sparkplugDescriptor ??= Uint8Array.from(atob(SPARKPLUG_DESCRIPTOR_BASE64), (c) =>
    c.charCodeAt(0),
  );
  return sparkplugDescriptor;
}

/** Sparkplug B payloads are `protobuf` with the Tahu schema; everything else is `json`. */
export function channelEncodingOf(topic: string): ChannelEncoding {
  if (!isSparkplugPayloadTopic(topic)) return { messageEncoding: 'json' };
  return {
    messageEncoding: 'protobuf',
    schema: { name: SPARKPLUG_SCHEMA_NAME, encoding: 'protobuf', data: sparkplugDescriptorSet() },
  };
}
