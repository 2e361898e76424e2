import { create } from 'zustand';

/** A host page's request to run the loaded model, waiting for the user's answer in the frame. */
export interface RunAsk {
  origin: string;
  characters: number;
  answer(allowed: boolean, always?: boolean): void;
}

interface ConsentState {
  ask: RunAsk | null;
  /** Host origins the user let run the model for the rest of this visit. */
  allowed: string[];
}

export const useConsentStore = create<ConsentState>()(() => ({ ask: null, allowed: [] }));

/**
 * Whether the user lets `origin` run the loaded model on a text: at once when they said so for this visit,
 * else after they answer in the frame. A model run costs the user's GPU and battery, so a host page never
 * starts one without a visible yes.
 */
export function askToRun(origin: string, characters: number): Promise<boolean> {
  if (useConsentStore.getState().allowed.includes(origin)) return Promise.resolve(true);
  return new Promise((resolve) => {
    useConsentStore.setState({
      ask: {
        origin,
        characters,
        answer: (allowed, always = false) => {
          useConsentStore.setState((s) => ({ ask: null, allowed: allowed && always ? [...s.allowed, origin] : s.allowed }));
          resolve(allowed);
        },
      },
    });
  });
}
