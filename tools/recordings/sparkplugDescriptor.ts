import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);
// protobufjs 6's descriptor extension: reflection ↔ google.protobuf.FileDescriptorSet.
const descriptor = require('protobufjs/ext/descriptor') as {
  FileDescriptorSet: {
    encode(message: unknown): { finish(): Uint8Array };
    decode(bytes: Uint8Array): unknown;
    toObject(message: unknown): DescriptorSetObject;
    fromObject(object: DescriptorSetObject): unknown;
  };
};

interface FieldObject {
  name: string;
  typeName?: string;
  options?: { packed?: boolean };
}
interface MessageObject {
  name: string;
  field?: FieldObject[];
  nestedType?: MessageObject[];
}
interface DescriptorSetObject {
  file: Array<{ package?: string; messageType?: MessageObject[] }>;
}

export const SPARKPLUG_PROTO_PATH = fileURLToPath(new URL('./sparkplug_b.proto', import.meta.url));

/** The Sparkplug B proto as protobufjs reflection (to decode recorded payloads in tests). */
export function sparkplugRoot(): protobuf.Root {
  return protobuf.parse(readFileSync(SPARKPLUG_PROTO_PATH, 'utf8'), { keepCase: true }).root;
}

/**
 * The binary FileDescriptorSet of sparkplug_b.proto, built with protobufjs/ext/descriptor: the
 * schema TwinDeck recordings give Sparkplug B channels (encoding `protobuf`), so Foxglove and
 * other MCAP readers decode the payloads.
 */
export function sparkplugDescriptorSet(): Uint8Array {
  const root = sparkplugRoot() as protobuf.Root & { toDescriptor(syntax: string): unknown };
  const raw = descriptor.FileDescriptorSet.encode(root.toDescriptor('proto2')).finish();
  // protobufjs writes relative type names and `packed` options the .proto does not have (on single
  // and message fields too, which stricter readers refuse). Write what protoc would.
  const set = descriptor.FileDescriptorSet.toObject(descriptor.FileDescriptorSet.decode(raw));
  for (const file of set.file) {
    const scope = file.package ? `.${file.package}` : '';
    for (const message of file.messageType ?? []) qualify(root, message, scope);
  }
  return descriptor.FileDescriptorSet.encode(descriptor.FileDescriptorSet.fromObject(set)).finish();
}

function qualify(root: protobuf.Root, message: MessageObject, scope: string): void {
  const fullName = `${scope}.${message.name}`;
  const type = root.lookupType(fullName.slice(1));
  for (const field of message.field ?? []) {
    delete field.options;
    const resolved = type.fields[field.name]?.resolve().resolvedType;
    if (field.typeName !== undefined && resolved) field.typeName = resolved.fullName;
  }
  for (const nested of message.nestedType ?? []) qualify(root, nested, fullName);
}

// `npx tsx tools/recordings/sparkplugDescriptor.ts` prints it as the base64 kept in
// src/telemetry/recording/sparkplugSchema.ts (a test checks the two agree).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(Buffer.from(sparkplugDescriptorSet()).toString('base64'));
}
