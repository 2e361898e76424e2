import { useStore } from 'zustand';
import { engine, type EngineState } from './engine.ts';

export const useEngine = <T>(selector: (s: EngineState) => T): T => useStore(engine.store, selector);
