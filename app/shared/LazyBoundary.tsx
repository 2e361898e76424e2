import { Component, type ReactNode } from 'react';
import { isStaleChunk } from './appUpdate.ts';

/**
 * Around a lazily loaded panel: a chunk that does not load (after a new deployment, or offline) shows
 * `fallback` in its place instead of taking the whole page down, and the header offers the reload.
 */
export class LazyBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    isStaleChunk(error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
