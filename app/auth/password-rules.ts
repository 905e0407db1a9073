// Password rules shown to people in the browser as well as checked on the server.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
