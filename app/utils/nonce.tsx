// The per-request CSP nonce, made by the HTTP server and read by <Scripts> and our inline scripts.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
