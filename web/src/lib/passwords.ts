/** Letters and digits nobody misreads over the phone, as the server's temporary passwords (server/identity). */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A first password to give a new account, in three groups of four ("kq7m-3xdr-p9ta"); its owner replaces it at sign-in. */
export const suggestedPassword = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => READABLE[b % READABLE.length]).join('').replace(/(.{4})(?=.)/g, '$1-');
