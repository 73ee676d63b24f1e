"""One gRPC call, grpc.health.v1.Health/Check, over cleartext HTTP/2 (h2c), standard library only.

What any gRPC client puts on the wire, written out by hand: the HTTP/2 connection preface and
SETTINGS, a HEADERS frame (HPACK literal fields, no Huffman), a DATA frame holding the
length-prefixed protobuf request. Then frames are read until the stream ends; the response
message's `status` enum is decoded, and a non-zero `grpc-status` trailer becomes a GrpcError.
Enough for a health check, not a general client: one call per connection, no TLS, no
compression, no CONTINUATION frames (a health check's headers fit in one frame).
"""

import socket
from urllib.parse import unquote

# grpc.health.v1.HealthCheckResponse.ServingStatus
SERVING_STATUS = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}
# gRPC status codes (the `grpc-status` trailer), by number
GRPC_CODES = (
    "OK CANCELLED UNKNOWN INVALID_ARGUMENT DEADLINE_EXCEEDED NOT_FOUND ALREADY_EXISTS "
    "PERMISSION_DENIED RESOURCE_EXHAUSTED FAILED_PRECONDITION ABORTED OUT_OF_RANGE "
    "UNIMPLEMENTED INTERNAL UNAVAILABLE DATA_LOSS UNAUTHENTICATED"
).split()

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"  # every HTTP/2 connection starts with it
DATA, HEADERS, RST_STREAM, SETTINGS, PING, GOAWAY = 0x0, 0x1, 0x3, 0x4, 0x6, 0x7  # frame types
END_STREAM = ACK = 0x1  # flags: END_STREAM on DATA and HEADERS, ACK on SETTINGS and PING
END_HEADERS, PADDED, PRIORITY = 0x4, 0x8, 0x20
STREAM = 1  # a client's first stream

# HPACK's Huffman code (RFC 7541, Appendix B) is canonical, so the code lengths are enough to
# rebuild it. Letter N is the length for byte N (the last is EOS, 256): "a" = 5 bits ... "z" = 30.
# Servers Huffman-code most header names and values they send (grpc-status, grpc-message).
HUFFMAN_LENGTHS = (
    "isxxxxxxxtzxxzxxxxxxxxzxxxxxxxxxbffhibdgffdgdbbbaaabbbbbbbcdkbhfibcccccccccccccccccccccc"
    "dcdioijbkabababbbaccbbbabcbaabccccckgjixprpprrrsrssssststtrstssssqrsrsstrqprrssqsrrtqrss"
    "qqrqsrssprrrsrrsvvporsruvvvwwvtuoqvwwvwtqqvvxwwwptpqrqqsrruuttvsvwvvwwwwwxwwwwwvz"
)


class GrpcError(Exception):
    """The call ended with a non-OK gRPC status (e.g. NOT_FOUND for a service nobody registered)."""

    def __init__(self, code, message):
        self.code, self.message = code, message
        name = GRPC_CODES[code] if 0 <= code < len(GRPC_CODES) else "?"
        super().__init__(f"gRPC status {code} ({name}): {message}")


def health_check(address, service="", timeout=5.0):
    """Asks the gRPC server at `address` ("host:port") how `service` is: e.g. "SERVING".

    Raises GrpcError for a non-OK gRPC status, and OSError (ConnectionError, TimeoutError, ...)
    when the server cannot be reached or breaks off the call.
    """
    host, _, port = address.rpartition(":")
    with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as sock:
        sock.sendall(PREFACE + frame(SETTINGS, 0, 0))  # our settings: the defaults
        request = [
            (":method", "POST"),
            (":scheme", "http"),
            (":authority", address),
            (":path", "/grpc.health.v1.Health/Check"),
            ("content-type", "application/grpc"),
            ("te", "trailers"),
        ]
        # \x00 before each field: a literal with a new name, not added to the server's table
        block = b"".join(b"\x00" + hpack_string(name) + hpack_string(value) for name, value in request)
        sock.sendall(frame(HEADERS, END_HEADERS, STREAM, block))
        name = service.encode()
        message = b"\x0a" + varint(len(name)) + name  # HealthCheckRequest{service}: field 1, string
        # gRPC's message prefix: a "compressed" flag (0), then the length (4 bytes, big-endian)
        prefixed = b"\x00" + len(message).to_bytes(4, "big") + message
        sock.sendall(frame(DATA, END_STREAM, STREAM, prefixed))  # END_STREAM: the request is done
        body, fields = read_response(sock)
    if "grpc-status" not in fields:
        raise ConnectionError("the call ended without a grpc-status trailer")
    code = int(fields["grpc-status"])
    if code != 0:
        raise GrpcError(code, unquote(fields.get("grpc-message", "")))
    if body[:1] != b"\x00":
        raise ConnectionError(f"expected one uncompressed gRPC message, got {body[:5]!r}")
    # HealthCheckResponse{status}: field 1, an enum (a varint), its only field. Proto3 leaves a
    # zero value (UNKNOWN) out.
    status, i = 0, 5  # after the 5-byte prefix
    while i < len(body):
        key, i = read_varint(body, i)  # field number << 3 | wire type
        value, i = read_varint(body, i)
        if key == 0x08:  # field 1, wire type 0 (varint)
            status = value
    return SERVING_STATUS.get(status, str(status))


def read_response(sock):
    """Reads frames until our stream ends: (its DATA bytes, the literal header fields seen)."""
    body, fields = b"", {}
    while True:
        header = read_exactly(sock, 9)  # length (3 bytes), type, flags, stream id (4 bytes)
        length, kind, flags = int.from_bytes(header[:3], "big"), header[3], header[4]
        stream = int.from_bytes(header[5:], "big") & 0x7FFFFFFF  # the top bit is reserved
        payload = read_exactly(sock, length)
        if kind in (SETTINGS, PING) and not flags & ACK:  # both must be acknowledged
            sock.sendall(frame(kind, ACK, 0, payload if kind == PING else b""))
        elif kind == GOAWAY:  # last stream id (4 bytes), error code (4 bytes), debug data
            error = int.from_bytes(payload[4:8], "big")
            raise ConnectionError(f"the server sent GOAWAY (HTTP/2 error code {error})")
        elif stream == STREAM:
            if kind == RST_STREAM:
                error = int.from_bytes(payload, "big")
                raise ConnectionError(f"the server reset the stream (HTTP/2 error code {error})")
            if flags & PADDED:  # first byte: the padding's length; the padding ends the payload
                payload = payload[1 : len(payload) - payload[0]]
            if kind == DATA:
                body += payload
            elif kind == HEADERS:  # the response's headers, then its trailers (grpc-status)
                fields.update(decode_fields(payload[5:] if flags & PRIORITY else payload))
            if flags & END_STREAM:
                return body, fields
        # Anything else (WINDOW_UPDATE, ...) needs nothing from us: the answer is tiny.


def decode_fields(block):
    """The literal fields with a new name in an HPACK block. Fields that refer to the static or
    dynamic table are skipped (we keep no tables): on a fresh connection, the gRPC trailers
    always come as new names."""
    fields, i = {}, 0
    while i < len(block):
        if block[i] & 0x80:  # 1xxxxxxx: an indexed field (a whole table entry)
            _, i = read_int(block, i, 7)
        elif block[i] & 0xE0 == 0x20:  # 001xxxxx: a dynamic table size update
            _, i = read_int(block, i, 5)
        else:  # a literal: 01xxxxxx added to the table, 0000xxxx / 0001xxxx not
            index, i = read_int(block, i, 6 if block[i] & 0x40 else 4)
            name = None
            if index == 0:  # a new name, spelled out (else: the name of table entry `index`)
                name, i = read_string(block, i)
            value, i = read_string(block, i)
            if name is not None:
                fields[name] = value
    return fields


def read_string(data, i):
    """An HPACK string: a Huffman bit, a 7-bit-prefix length, the bytes."""
    huffman = data[i] & 0x80
    length, i = read_int(data, i, 7)
    raw = data[i : i + length]
    return (huffman_decode(raw) if huffman else raw).decode("latin-1"), i + length


def read_int(data, i, prefix):
    """An HPACK integer: the low `prefix` bits of a byte; when all are set, 7 bits a byte follow."""
    mask = (1 << prefix) - 1
    value, i = data[i] & mask, i + 1
    if value < mask:
        return value, i
    shift = 0
    while True:
        value, shift, i = value + ((data[i] & 0x7F) << shift), shift + 7, i + 1
        if not data[i - 1] & 0x80:  # the top bit says "more bytes follow"
            return value, i


def canonical_codes(lengths):
    """{(length, code): symbol}: the codes of one length are consecutive, in symbol order."""
    codes, code, previous = {}, 0, 0
    for length, symbol in sorted((ord(c) - ord("a") + 5, s) for s, c in enumerate(lengths)):
        code <<= length - previous
        codes[(length, code)], code, previous = symbol, code + 1, length
    return codes


HUFFMAN_CODES = canonical_codes(HUFFMAN_LENGTHS)


def huffman_decode(data):
    out, bits, count = bytearray(), 0, 0
    for byte in data:
        for shift in range(7, -1, -1):  # most significant bit first
            bits, count = bits << 1 | (byte >> shift) & 1, count + 1
            if (count, bits) in HUFFMAN_CODES:
                out.append(HUFFMAN_CODES[(count, bits)])
                bits, count = 0, 0
    return bytes(out)  # what is left (under 8 bits, all ones) is padding


def hpack_string(text):
    data = text.encode()
    assert len(data) < 127, "longer strings need HPACK's multi-byte length"
    return bytes([len(data)]) + data  # top bit 0: not Huffman-coded


def frame(kind, flags, stream, payload=b""):
    """An HTTP/2 frame: length (3 bytes), type, flags, stream id (4 bytes), then the payload."""
    head = len(payload).to_bytes(3, "big") + bytes([kind, flags]) + stream.to_bytes(4, "big")
    return head + payload


def varint(value):
    """Protobuf's varint: 7 bits a byte, least significant first; the top bit says "more"."""
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    return bytes(out + bytes([value]))


def read_varint(data, i):
    value, shift = 0, 0
    while True:
        value, shift, i = value | (data[i] & 0x7F) << shift, shift + 7, i + 1
        if not data[i - 1] & 0x80:
            return value, i


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection before the call ended")
        data += chunk
    return data
