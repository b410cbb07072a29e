// The live status on stderr: one rewritten line on a terminal, plain lines otherwise.
// Hand-written: one escape sequence (carriage return, erase line) on any stream with write(), so tests can read it.

/** Where status goes: a writable with an optional TTY flag. */
export interface StatusStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A status printer. */
export interface StatusLine {
  /** Shows `text` (rewrites the line on a TTY, prints a line otherwise). */
  update(text: string): void;
  /** Prints a line that stays (a phase change), clearing the live line first. */
  log(text: string): void;
  /** Clears the live line. */
  done(): void;
}

/** A status line on `stream`. */
export function statusLine(stream: StatusStream): StatusLine {
  const tty = stream.isTTY === true;
  let live = false;
  const clear = () => {
    if (live) stream.write('\r\x1b[2K');
    live = false;
  };
  return {
    update(text) {
      if (tty) {
        stream.write(`\r\x1b[2K${text}`);
        live = true;
      } else {
        stream.write(`${text}\n`);
      }
    },
    log(text) {
      clear();
      stream.write(`${text}\n`);
    },
    done: clear,
  };
}
