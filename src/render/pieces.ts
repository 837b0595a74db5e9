/** Characters gathered before a piece is yielded: about a megabyte, so that a consumer writes few large pieces. */
const PIECE_CHARS = 1 << 20;

/**
 * Small parts of a text joined into pieces of about a megabyte (the last one may be shorter, or empty when there
 * are no parts), for a consumer that writes each piece it is given.
 *
 * @internal
 */
export function* inPieces(parts: Iterable<string>): Generator<string> {
  let piece = "";
  for (const part of parts) {
    piece += part;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield piece;
}
