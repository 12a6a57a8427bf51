import { createRequire } from 'node:module';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = proto.temporal.api.history.v1.IHistory;
type ProtoJson = {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown): unknown;
};

/**
 * History ⇄ proto3 JSON (the format of `temporal workflow show --output json`). The SDK's own
 * historyToJSON/historyFromJSON fail here because npm installed two protobufjs copies
 * (@temporalio/common and @temporalio/proto each have one), so we use @temporalio/proto's copy.
 */
const protojson = createRequire(require.resolve('@temporalio/proto'))(
  'protobufjs/ext/protojson',
) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJson(history: History): string {
  return JSON.stringify(
    protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)),
    null,
    2,
  );
}

export function historyFromJson(json: unknown): proto.temporal.api.history.v1.History {
  return protojson.fromJson(historyType, json) as proto.temporal.api.history.v1.History;
}
