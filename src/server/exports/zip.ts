// A one-entry zip written in pieces that may be produced by different processes (one
// build step each, docs/exports.md "The zip"): no library keeps its deflate state
// across a restart, so each piece is deflated on its own and ended with a sync flush
// (byte-aligned, not final), and the last piece is an empty final block. Concatenated
// they are one valid deflate stream; the CRC-32 and sizes travel in the step's state
// and go into a data descriptor and the central directory at the end.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** What a build carries from piece to piece (JSON, so a step memo can hold it). */
export interface ZipEntryState {
  crc: number;
  compressedSize: number;
  size: number;
}

export const emptyZipEntry = (): ZipEntryState => ({ crc: 0, compressedSize: 0, size: 0 });

// Local header, data descriptor and central directory use 32-bit sizes (no Zip64): an
// export of one topic stays far below 4 GiB (a million journal rows are ~200 MB of CSV).
const LIMIT = 0xffff_ffff;
const FLAGS = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 name
const DEFLATE = 8;
const VERSION = 20;

function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export function zipLocalHeader(name: string, at: Date): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const { time, date } = dosTime(at);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(FLAGS, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  // CRC and sizes (14-25) stay zero: the data descriptor carries them.
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

/** Deflates one piece of the entry's content and the state after it. */
export function zipDeflatePiece(state: ZipEntryState, content: Buffer): { bytes: Buffer; state: ZipEntryState } {
  // Level 1: at a million rows the default level spent longer compressing than PostgreSQL spent reading (docs/exports.md).
  const bytes = deflateRawSync(content, { finishFlush: constants.Z_SYNC_FLUSH, level: 1 });
  const next = {
    crc: crc32(content, state.crc),
    compressedSize: state.compressedSize + bytes.length,
    size: state.size + content.length,
  };
  if (next.size > LIMIT || next.compressedSize > LIMIT) throw new Error("export entry exceeds 4 GiB (no Zip64)");
  return { bytes, state: next };
}

/** The final deflate block, the data descriptor, the central directory and its end record. */
export function zipTrailer(name: string, at: Date, state: ZipEntryState, localHeaderLength: number): Buffer {
  const finalBlock = Buffer.from([0x03, 0x00]); // an empty fixed-Huffman block with BFINAL set
  const entry = { ...state, compressedSize: state.compressedSize + finalBlock.length };
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc >>> 0, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);

  const nameBytes = Buffer.from(name, "utf8");
  const { time, date } = dosTime(at);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(VERSION, 4);
  central.writeUInt16LE(VERSION, 6);
  central.writeUInt16LE(FLAGS, 8);
  central.writeUInt16LE(DEFLATE, 10);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt32LE(entry.crc >>> 0, 16);
  central.writeUInt32LE(entry.compressedSize, 20);
  central.writeUInt32LE(entry.size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  // extra, comment, disk, attributes (30-41) zero; the local header is at offset 0 (42).
  const directory = Buffer.concat([central, nameBytes]);

  const directoryOffset = localHeaderLength + entry.compressedSize + descriptor.length;
  if (directoryOffset > LIMIT) throw new Error("export file exceeds 4 GiB (no Zip64)");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([finalBlock, descriptor, directory, end]);
}
