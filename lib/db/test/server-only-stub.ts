// Tests run outside Next's react-server environment; "server-only" guards nothing there.
export {};
