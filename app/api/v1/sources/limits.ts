/** A 5 MB file arrives base64-encoded (4/3 larger) inside JSON. */
export const SOURCE_BODY_MAX_BYTES = 8 * 1024 * 1024;
