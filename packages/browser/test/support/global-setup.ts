import type { TestProject } from 'vitest/node';

/** Starts the real services the browser tests talk to (the local @scribe/server, later the relay). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startServer } = await import('@scribe/server');
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  project.provide('serverUrl', server.url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}
