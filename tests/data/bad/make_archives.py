#!/usr/bin/env python3
"""Writes the damaged archives of this folder from the sound ones in tests/data/archives/.

Run it again (from anywhere) if the envelope changes; the bad-input test reads the files it writes.
CRC-32 here is zlib's, the same checksum (IEEE 802.3) the envelope uses.
"""
import os
import struct
import zlib

here = os.path.dirname(os.path.abspath(__file__))
archives = os.path.join(here, "..", "archives")


def read(name):
    with open(os.path.join(archives, name), "rb") as f:
        return f.read()


def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


def envelope(kind, payload, version=1, payload_version=1):
    """A sound envelope around any payload: correct length and both checksums."""
    head = b"ORGRAPH\0" + struct.pack("<HBBIQI", version, kind, 0, payload_version, len(payload),
                                      zlib.crc32(payload))
    return head + struct.pack("<I", zlib.crc32(head)) + payload


binary = read("sample-v1.orgraph")
text = read("sample-v1.orgraph.txt")
payload_text = text[32:]

write("archive_empty.orgraph", b"")
write("archive_truncated_header.orgraph", binary[:20])
write("archive_truncated_payload.orgraph", binary[: len(binary) // 2])
flipped = bytearray(binary)
flipped[len(binary) - 100] ^= 0x10
write("archive_bitflip_payload.orgraph", bytes(flipped))
flipped = bytearray(binary)
flipped[17] ^= 0x01  # a bit of the payload length
write("archive_bitflip_header.orgraph", bytes(flipped))
write("archive_trailing_bytes.orgraph", binary + b"\n")
write("archive_foreign_png.orgraph", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89")
write("archive_foreign_json.orgraph", b'{"persons": []}\n')
write("archive_newer_envelope.orgraph", envelope(0, binary[32:], version=2))
write("archive_newer_payload.orgraph", envelope(0, binary[32:], payload_version=7))
write("archive_unknown_kind.orgraph", envelope(7, binary[32:]))
# Sound envelopes around payloads that are not: the decoder itself must refuse them.
write("archive_text_garbage.orgraph", envelope(1, b"this is not a Boost.Serialization archive\n"))
write("archive_xml_garbage.orgraph", envelope(2, b"<?xml version=\"1.0\"?>\n<not_boost/>\n"))
write("archive_binary_kind_mismatch.orgraph", envelope(0, payload_text))
# A text payload whose node count claims far more nodes than the bytes could hold.
counted = payload_text.replace(b" 12 2 6", b" 99999999999 2 6", 1)
assert counted != payload_text
write("archive_huge_count.orgraph", envelope(1, counted))
# A text payload whose second node takes the first one's id ("ecc" becomes "we-ctb"): every byte
# decodes, but the model refuses the duplicate.
duplicate = payload_text.replace(b"3\n\nZWNj\n", b"6\n\nd2UtY3Ri\n", 1)
assert duplicate != payload_text
write("archive_duplicate_id.orgraph", envelope(1, duplicate))
# Boost.Serialization's own archive header holds a string length that Boost trusts: these claim
# 3 GiB (the envelope is sound, so only the decoder can refuse them).
write("archive_hostile_binary_header.orgraph",
      envelope(0, struct.pack("<Q", 3 << 30) + b"serialization::archive" + b"\0" * 16))
write("archive_hostile_text_header.orgraph", envelope(1, b"3221225472 serialization::archive 19 0 1 0\n"))
