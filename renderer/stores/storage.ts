/**
 * sessionStorage for the persisted stores, with an in-memory stand-in where there is none
 * (unit tests, a browser that blocks storage): what the officer typed survives a reload or a
 * crash of the view in the same tab, and is gone when the tab or app closes.
 */
import { createJSONStorage, type StateStorage } from 'zustand/middleware';

const memory = new Map<string, string>();

const memoryStorage: StateStorage = {
  getItem: (name) => memory.get(name) ?? null,
  setItem: (name, value) => {
    memory.set(name, value);
  },
  removeItem: (name) => {
    memory.delete(name);
  },
};

export function sessionStore(): StateStorage {
  try {
    if (typeof sessionStorage !== 'undefined') {
      const probe = '__motcua_probe__';
      sessionStorage.setItem(probe, '1');
      sessionStorage.removeItem(probe);
      return sessionStorage;
    }
  } catch {
    // storage blocked: fall through
  }
  return memoryStorage;
}

export function jsonSessionStorage<S>() {
  return createJSONStorage<S>(sessionStore);
}
