import { describe, expect, it } from 'vitest';
import { decodeStatus, encodeRequest } from './grpc-health.js';

describe('gRPC health wire format', () => {
  it('encodes an empty service as an empty message in a 5-byte frame', () => {
    expect([...encodeRequest('')]).toEqual([0, 0, 0, 0, 0]);
  });
  it('encodes the service name as field 1', () => {
    const frame = encodeRequest('svc');
    expect([...frame]).toEqual([0, 0, 0, 0, 5, 0x0a, 3, 0x73, 0x76, 0x63]);
  });
  it('encodes long service names with a multi-byte length', () => {
    const name = 'x'.repeat(200);
    const frame = encodeRequest(name);
    expect(frame.readUInt32BE(1)).toBe(203);
    expect([...frame.subarray(5, 8)]).toEqual([0x0a, 0xc8, 0x01]);
  });
  it('decodes SERVING, NOT_SERVING and the omitted default', () => {
    expect(decodeStatus(Buffer.from([0, 0, 0, 0, 2, 0x08, 1]))).toBe('SERVING');
    expect(decodeStatus(Buffer.from([0, 0, 0, 0, 2, 0x08, 2]))).toBe('NOT_SERVING');
    expect(decodeStatus(Buffer.from([0, 0, 0, 0, 0]))).toBe('UNKNOWN');
  });
});
