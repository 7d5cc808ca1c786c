// A signing problem the user can act on, said in one line.
export class SigningError extends Error {
  override readonly name = 'SigningError'
}
