'use client';
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { ConfigError } from '@scribe/core';
import type { ScribeCreateOptions, ScribeReactClient } from './scribe-react-client';

/** Defaults the provider applies to every session its hooks create (a hook's own options win). */
export interface ScribeSessionDefaults {
  /** Template ids, e.g. `['clinical_notes_template', 'eka_emr_template']`. Default: the client's configured templates. */
  templates?: readonly string[];
  /** Model id. Default: the client's configured model. */
  model?: string;
  /** Language hint (`en`, `hi`, ... or a list). Default: the client's configured hint. */
  language?: string | readonly string[];
  /** `eka` session mode (`dictation` or `consultation`). Default: the client's configured mode. */
  mode?: ScribeCreateOptions['sessionMode'];
}

/** Props of `ScribeProvider`. */
export interface ScribeProviderProps extends ScribeSessionDefaults {
  /** The client, e.g. `createBrowserClient(...)` from `@scribe/browser`, created once (outside render or in `useState`). Required. */
  client: ScribeReactClient;
  /** The app. */
  children?: ReactNode;
}

/** What the provider hands down. */
export interface ScribeContextValue {
  /** The client. */
  readonly client: ScribeReactClient;
  /** The session defaults. */
  readonly defaults: ScribeSessionDefaults;
}

const ScribeContext = createContext<ScribeContextValue | undefined>(undefined);

/** Makes a client and session defaults available to `useScribe` and `useScribeResult` below it. */
export function ScribeProvider({ client, templates, model, language, mode, children }: ScribeProviderProps) {
  const value = useMemo<ScribeContextValue>(() => ({ client, defaults: { templates, model, language, mode } }), [client, templates, model, language, mode]);
  return createElement(ScribeContext.Provider, { value }, children);
}

/** The nearest provider's client and defaults; a ConfigError when there is none and no client was passed. */
export function useScribeContext(client?: ScribeReactClient): ScribeContextValue {
  const context = useContext(ScribeContext);
  if (client) return { client, defaults: context?.defaults ?? {} };
  if (!context) throw new ConfigError('useScribe needs a <ScribeProvider client={...}> above it, or a `client` option.');
  return context;
}

/** Merges provider defaults and a hook's options into create options (the hook's win; unset values are left out). */
export function createOptions(defaults: ScribeSessionDefaults, own: ScribeSessionDefaults & { create?: ScribeCreateOptions }): ScribeCreateOptions {
  const merged: ScribeCreateOptions = { ...own.create };
  const templates = own.templates ?? defaults.templates;
  const model = own.model ?? defaults.model;
  const language = own.language ?? defaults.language;
  const mode = own.mode ?? defaults.mode;
  if (templates !== undefined && merged.templates === undefined) merged.templates = templates;
  if (model !== undefined && merged.model === undefined) merged.model = model;
  if (language !== undefined && merged.languageHint === undefined) merged.languageHint = language;
  if (mode !== undefined && merged.sessionMode === undefined) merged.sessionMode = mode;
  return merged;
}
