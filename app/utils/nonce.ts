import { createContext, useContext } from "react";

/** The per-request CSP nonce, handed from the server entry to <Scripts> and friends. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
